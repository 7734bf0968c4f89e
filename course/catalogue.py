"""The course catalogue: the four modules and the AI providers, named once for everything that shows them.

The grader, the start page, the apps, the slides, the tests and the notebook builds read this; nobody
writes a module title, folder, assignment id or provider name anywhere else.
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
    """One module: its folder (its id), its nbgrader assignment, its Vietnamese title."""

    number: int
    folder: str
    assignment: str  # nbgrader assignment id; gradebooks of past classes use it, so it stays
    title: str

    @property
    def label(self) -> str:
        """"Học phần 3 — Chuyển giọng nói thành văn bản (Chuột thông minh)"."""
        return f"Học phần {self.number} — {self.title}"

    @property
    def notebooks(self) -> tuple[str, ...]:
        """Paths of its notebooks, relative to the repository root."""
        return tuple(f"{self.folder}/{part}" for part, _ in PARTS)


MODULES: tuple[Module, ...] = (
    Module(1, "module1_ai_overview", "m1_tong_quan_ai",
           "Tổng quan về AI và ứng dụng trong đời sống, hành chính"),
    Module(2, "module2_chatgpt_gemini", "m2_chatgpt_gemini",
           "ChatGPT, Gemini hỗ trợ soạn thảo, tra cứu, truyền thông"),
    Module(3, "module3_speech_to_text", "m3_giong_noi",
           "Chuyển giọng nói thành văn bản (Chuột thông minh)"),
    Module(4, "module4_legal_lookup", "m4_tra_cuu_phap_luat",
           "Tra cứu văn bản pháp luật hiệu quả bằng AI"),
)
ASSIGNMENTS: dict[str, str] = {m.assignment: m.folder for m in MODULES}  # assignment id -> folder


def module(key: str | int) -> Module:
    """A module by number, folder or assignment id."""
    for m in MODULES:
        if key in (m.number, m.folder, m.assignment):
            return m
    raise KeyError(key)


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
