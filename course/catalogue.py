"""The course catalogue: the four modules and the AI providers, named once for everything that shows them.

The grader, the start page, the apps, the slides, the tests and the notebook builds read this; nobody
writes a module title, id or provider name anywhere else.

Each module has ONE id, its folder name (`module3_speech_to_text`): the same string is its nbgrader
assignment id (`grading/source/<id>`, the gradebook, the exchange, `khoahoc grade <id>`) and the key the
apps, the pre/post-test questions, the evaluation form and the practice progress name their module by.
Learners see the module's number and title, never the id. (Cell ids keep their short prefix, "m3-th-…",
"m2-bt-…": they are nbgrader grade ids in past gradebooks. Practice-progress files key a module by that
prefix on disk and `course.progress` turns it into the module id; evaluation forms sent before this
release keyed modules "m1".."m4" and `course.assessment.evaluation` reads them as module ids.)

Legacy alias (read-only, this release only): up to the previous release the assignments had their own
ids (`m1_tong_quan_ai`, `m2_chatgpt_gemini`, `m3_giong_noi`, `m4_tra_cuu_phap_luat`). So that the gradebook
and exchange of a class run before the rename still resolve, `module()` and `canonical()` accept them
and `read_ids()` lists them for lookups; nothing is created under them. They go away next release.
"""

from __future__ import annotations

from dataclasses import dataclass

# The three notebooks of every module, with what learners call them.
PARTS: tuple[tuple[str, str], ...] = (
    ("bai_giang.ipynb", "Bài giảng"),
    ("thuc_hanh.ipynb", "Thực hành"),
    ("bai_tap/bai_tap.ipynb", "Bài tập"),
)


@dataclass(frozen=True)
class Module:
    """One module: its one id (folder name = nbgrader assignment id), number and Vietnamese title."""

    number: int
    id: str
    title: str
    legacy_id: str  # the assignment id before this release: read-only alias, removed next release

    @property
    def label(self) -> str:
        """"Học phần 3 — Chuyển giọng nói thành văn bản (Chuột thông minh)"."""
        return f"Học phần {self.number} — {self.title}"

    @property
    def notebooks(self) -> tuple[str, ...]:
        """Paths of its notebooks, relative to the repository root."""
        return tuple(f"{self.id}/{part}" for part, _ in PARTS)


MODULES: tuple[Module, ...] = (
    Module(1, "module1_ai_overview", "Tổng quan về AI và ứng dụng trong đời sống, hành chính",
           legacy_id="m1_tong_quan_ai"),
    Module(2, "module2_chatgpt_gemini", "ChatGPT, Gemini hỗ trợ soạn thảo, tra cứu, truyền thông",
           legacy_id="m2_chatgpt_gemini"),
    Module(3, "module3_speech_to_text", "Chuyển giọng nói thành văn bản (Chuột thông minh)",
           legacy_id="m3_giong_noi"),
    Module(4, "module4_legal_lookup", "Tra cứu văn bản pháp luật hiệu quả bằng AI",
           legacy_id="m4_tra_cuu_phap_luat"),
)
IDS: tuple[str, ...] = tuple(m.id for m in MODULES)  # module ids = module assignment ids, in course order
LEGACY_IDS: dict[str, str] = {m.legacy_id: m.id for m in MODULES}  # old assignment id -> module id


def module(key: str | int) -> Module:
    """A module by number (3 or "3"), id, or legacy assignment id (read-only alias, removed next release)."""
    key = key.strip() if isinstance(key, str) else key
    number = int(key) if isinstance(key, str) and key.isdigit() else key
    for m in MODULES:
        if number in (m.number, m.id, m.legacy_id):
            return m
    raise KeyError(key)


def canonical(assignment: str) -> str:
    """The module id for a module id or a legacy assignment id; any other assignment id (the
    pre/post-course tests) as it is. Use it when reading ids from a gradebook or an exchange."""
    return LEGACY_IDS.get(assignment, assignment)


def read_ids(assignment: str) -> tuple[str, ...]:
    """Every id a past or present class may have stored `assignment` under: the module id first, then
    its legacy alias (for reading submissions and feedback; write under the first only)."""
    current = canonical(assignment)
    legacy = tuple(old for old, new in LEGACY_IDS.items() if new == current)
    return (current, *legacy)


def ordered(assignments: list[str] | set[str]) -> list[str]:
    """Assignment ids in course order: the modules' (legacy ids at their module's place), then the rest sorted."""
    names = set(assignments)
    known = [a for m in MODULES for a in (m.id, m.legacy_id) if a in names]
    return known + sorted(names - set(known))


@dataclass(frozen=True)
class Provider:
    """How an AI provider is named: `name` in menus and lists, `label` beside an answer."""

    name: str
    label: str


PROVIDERS: dict[str, Provider] = {
    "local": Provider("Mô hình nhỏ trên máy", "mô hình nhỏ chạy trên máy — ngoại tuyến, có thể sai"),
    "openai": Provider("ChatGPT (OpenAI)", "ChatGPT (OpenAI) — trên mạng"),
    "gemini": Provider("Gemini (Google)", "Gemini (Google) — trên mạng"),
    "compatible": Provider("Máy chủ AI tương thích OpenAI", "máy chủ AI tương thích OpenAI"),
    "auto": Provider("Tự động", "tự động"),
}


def provider_name(provider: str) -> str:
    """The provider's name for menus ("ChatGPT (OpenAI)"); unknown ids are shown as they are."""
    return PROVIDERS[provider].name if provider in PROVIDERS else provider


def provider_label(provider: str) -> str:
    """The provider's label beside an answer ("ChatGPT (OpenAI) — trên mạng")."""
    return PROVIDERS[provider].label if provider in PROVIDERS else provider
