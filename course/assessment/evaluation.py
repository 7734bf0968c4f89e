"""«Phiếu đánh giá khoá học»: a short anonymous evaluation form and its class summary.

The form keeps a draft next to the notebook (`phieu_danh_gia_nhap.json`) so a learner can come
back to it. "Gửi phiếu" writes the answers, without any name or learner id and with the date only,
to `<folder>/<class>/<random token>.json`; sending again replaces the same file, so one learner
counts once. The folder is `COURSE_EVALUATION_DIR` or `grading/phieu_danh_gia/` (on a class server,
point it at a shared folder learners can write to but not list, like nbgrader's exchange inbox).
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from course import catalogue
from course.assessment.classes import AssessmentError, class_folder
from course.assessment.questions import MODULES
from course.config import load_settings
from course.text import squash
from course.widgets.store import AnswerStore

USEFULNESS = ("1 — Không hữu ích", "2 — Ít hữu ích", "3 — Bình thường", "4 — Hữu ích", "5 — Rất hữu ích")
PACE = ("Quá chậm", "Hơi chậm", "Vừa phải", "Hơi nhanh", "Quá nhanh")
DRAFT_FILE = "phieu_danh_gia_nhap.json"
FOLDER_ENV = "COURSE_EVALUATION_DIR"
MAX_TEXT = 2000
TOKEN_KEY = "ma_phieu"


def evaluation_dir(root: Path | None = None) -> Path:
    """Where submitted forms go: `COURSE_EVALUATION_DIR`, else `<course root>/phieu_danh_gia`."""
    settings = load_settings()
    return settings.evaluation_dir or Path(root or settings.grading_root) / "phieu_danh_gia"


def make_record(usefulness: dict[str, int | None], pace: str | None, add: str, comment: str,
                class_id: str, today: date | None = None) -> dict[str, Any]:
    """An anonymous, validated form record."""
    if set(usefulness) - set(MODULES):
        raise AssessmentError("Phiếu có học phần không tồn tại.")
    for module, score in usefulness.items():
        if score is not None and not (isinstance(score, int) and 1 <= score <= 5):
            raise AssessmentError(f"Mức hữu ích của {MODULES[module]} phải từ 1 đến 5.")
    if pace is not None and pace not in PACE:
        raise AssessmentError("Hãy chọn tốc độ khoá học trong danh sách.")
    add, comment = squash(add or "")[:MAX_TEXT], squash(comment or "")[:MAX_TEXT]
    if all(v is None for v in usefulness.values()) and pace is None and not add and not comment:
        raise AssessmentError("Phiếu còn trống.", hint="Hãy trả lời ít nhất một câu rồi bấm «Gửi phiếu».")
    return {"lop": class_id, "ngay": (today or date.today()).isoformat(),
            "huu_ich": {m: usefulness.get(m) for m in MODULES}, "toc_do": pace, "can_bo_sung": add, "y_kien": comment}


def submit(record: dict[str, Any], token: str, folder: Path) -> Path:
    """Write (or replace) one anonymous record atomically; return its path."""
    if not token.isalnum():
        raise AssessmentError("Mã phiếu không hợp lệ.")
    class_folder(Path(folder), record["lop"])  # checks the class id is a plain name
    target_dir = Path(folder) / record["lop"]
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".phieu", dir=target_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False, indent=1)
        target = target_dir / f"{token}.json"
        os.replace(tmp, target)
    except OSError as exc:
        raise AssessmentError("Không gửi được phiếu đánh giá (thư mục nhận phiếu không ghi được).",
                              hint="Báo giảng viên kiểm tra thư mục nhận phiếu; câu trả lời của bạn vẫn được giữ.") from exc
    return target


class EvaluationForm:
    """The form as widgets; `widget` is what to display, `send()` submits it."""

    def __init__(self, class_id: str | None = None, folder: Path | None = None,
                 draft: AnswerStore | None = None, namespace: dict[str, Any] | None = None) -> None:
        import ipywidgets as w

        from course.widgets.quiz import ChoiceQuestion, TextAnswer
        from course.widgets.safe import error_html, guard

        self.class_id = class_id or load_settings().class_id or "chung"
        self.folder = Path(folder) if folder else evaluation_dir()
        self.draft = draft or AnswerStore(Path.cwd() / DRAFT_FILE)
        ns: dict[str, Any] = {} if namespace is None else namespace
        # draft variables keep their short names (huu_ich_m1 …): drafts saved before the module-id change still load
        self.useful = {m: ChoiceQuestion(f"huu_ich_m{catalogue.module(m).number}", USEFULNESS, f"Mức hữu ích của «{label}»",
                                         self.draft, ns) for m, label in MODULES.items()}
        self.pace = ChoiceQuestion("toc_do", PACE, "Tốc độ của khoá học", self.draft, ns)
        self.add = TextAnswer("can_bo_sung", "Anh/chị muốn khoá học bổ sung nội dung gì?", store=self.draft,
                              namespace=ns)
        self.comment = TextAnswer("y_kien", "Ý kiến khác (không bắt buộc)", store=self.draft, namespace=ns)
        self.button = w.Button(description="Gửi phiếu", button_style="success", icon="paper-plane",
                               layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.button.on_click(guard(lambda _b: self.send(), lambda m: setattr(self.status, "value", m)))
        self._error_html = error_html
        intro = w.HTML("<h3>Phiếu đánh giá khoá học</h3><p>Phiếu <b>không ghi tên</b>: chỉ lưu câu trả lời và ngày "
                       "gửi. Gửi lại thì phiếu cũ được thay bằng phiếu mới.</p>")
        parts = [q.widget for q in self.useful.values()] + [self.pace.widget, self.add.widget, self.comment.widget]
        self.widget = w.VBox([intro, *parts, self.button, self.status])

    def record(self) -> dict[str, Any]:
        """The current answers as an anonymous record."""
        useful = {m: (USEFULNESS.index(q.value) + 1 if q.value in USEFULNESS else None)
                  for m, q in self.useful.items()}
        return make_record(useful, self.pace.value, self.add.value, self.comment.value, self.class_id)

    def send(self) -> Path:
        """Submit the form (the draft keeps only the random token that lets a resend replace it)."""
        self.add.save()
        self.comment.save()
        record = self.record()
        token = self.draft.get(TOKEN_KEY)
        if not isinstance(token, str) or not token.isalnum():
            token = secrets.token_hex(12)
            self.draft.set(TOKEN_KEY, token)
        path = submit(record, token, self.folder)
        self.status.value = "<span style='color:#1e8449'><b>Đã gửi phiếu. Cảm ơn anh/chị!</b></span>"
        return path


def evaluation_form(class_id: str | None = None) -> EvaluationForm:
    """Show the evaluation form in a notebook or a Voilà page."""
    from IPython.display import display

    form = EvaluationForm(class_id)
    display(form.widget)
    return form


@dataclass
class EvaluationSummary:
    """What the class said, with no way back to who said it."""

    count: int
    usefulness: dict[str, dict[str, float | int | None]]  # module -> {"mean", "n", "1".."5"}
    pace: dict[str, int]
    additions: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    unreadable: int = 0


def _by_module_id(useful: dict[str, Any]) -> dict[str, Any]:
    """Usefulness scores keyed by module id; forms sent before this release keyed them "m1".."m4" (read for
    one release, like the catalogue's legacy assignment ids)."""
    legacy = {f"m{m.number}": m.id for m in catalogue.MODULES}
    return {legacy.get(k, k): v for k, v in useful.items()}


def summarise(folder: Path, class_id: str) -> EvaluationSummary:
    """Read every form of a class; unreadable files are counted, never fatal."""
    files = sorted((Path(folder) / class_id).glob("*.json")) if (Path(folder) / class_id).is_dir() else []
    scores: dict[str, list[int]] = {m: [] for m in MODULES}
    pace: Counter[str] = Counter()
    additions, comments, bad = [], [], 0
    for path in files:
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
            useful = _by_module_id(rec["huu_ich"])
            for m in MODULES:
                v = useful.get(m)
                if isinstance(v, int) and 1 <= v <= 5:
                    scores[m].append(v)
            if rec.get("toc_do") in PACE:
                pace[rec["toc_do"]] += 1
            if isinstance(rec.get("can_bo_sung"), str) and rec["can_bo_sung"].strip():
                additions.append(squash(rec["can_bo_sung"]))
            if isinstance(rec.get("y_kien"), str) and rec["y_kien"].strip():
                comments.append(squash(rec["y_kien"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            bad += 1
    usefulness: dict[str, dict[str, float | int | None]] = {}
    for m, values in scores.items():
        entry: dict[str, float | int | None] = {"mean": round(sum(values) / len(values), 2) if values else None,
                                                "n": len(values)}
        entry.update({str(k): values.count(k) for k in range(1, 6)})
        usefulness[m] = entry
    # sorted, not in arrival order, so a comment cannot be matched to who sent it when
    return EvaluationSummary(len(files) - bad, usefulness, {p: pace.get(p, 0) for p in PACE},
                             sorted(additions), sorted(comments), bad)
