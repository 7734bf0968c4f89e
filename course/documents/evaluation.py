"""The drafting task set and its automatic checks (used by benchmarks/drafting.py and the tests).

`drafting_tasks.jsonl`: team-written ward tasks, one per line: `id`, `type` (a `drafting.DOC_TYPES`
slug), `notes` (the learner's words, with or without diacritics), `expect` (field → what a right
value contains: "08:00" for a time, "12/12" for a date, words for a place, a name, a list) and `ask`
(required fields the notes deliberately lack: the right answer is a question back, not a value).

A structured draft passes when: the form came back as JSON, every expected field is right, every
deliberately missing field was asked back (and nothing else), the document passes its checker
(Nghị định 30 for administrative types), no number in the draft's values is missing from the notes (a
figure the model invented and the grounding dropped is counted apart, in `Score.model_invented`), and the
model's wording is Vietnamese with diacritics. A free-form answer passes when it carries the
expected time, date and place, invents no number, is Vietnamese with diacritics and, written into the
Nghị định 30 frame, passes the checker.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from course.documents.drafting import (
    DOC_TYPES,
    DraftResult,
    Office,
    fold,
    freeform_prompt,
    numbers,
    parse_date,
    parse_time,
    ungrounded_amounts,
    ungrounded_numbers,
)
from course.text import nfc

TODAY = dt.date(2026, 12, 7)
# what a free-form answer of each type must show to be that document (folded text, no diacritics)
MARKERS = {"giay-moi": r"\b(kinh moi|tran trong moi|xin moi)\b", "thong-bao": r"\bthong bao\b",
           "cong-van": r"\bkinh gui\b", "bao-cao": r"\bbao cao\b", "bien-ban": r"\b(bien ban|chu tri|thu ky)\b",
           "tra-loi-cong-dan": r"\b(kinh gui|tra loi)\b", "loa": r"\b(thong bao|ba con|nhan dan)\b"}  # the day the tasks were written for (weekdays in the notes match it)
MARKS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@dataclass
class Task:
    id: str
    type: str
    notes: str
    expect: dict[str, str]
    ask: list[str]


def load_tasks() -> list[Task]:
    """All tasks, in file order."""
    text = files("course.documents").joinpath("drafting_tasks.jsonl").read_text(encoding="utf-8")
    return [Task(**json.loads(line)) for line in text.splitlines() if line.strip()]


@dataclass
class Score:
    """One task's verdict: passed, and the reasons it did not."""

    task: str
    passed: bool
    failures: list[str] = field(default_factory=list)
    model_invented: list[str] = field(default_factory=list)  # figures the model gave that the notes lack


def has_diacritics(text: str) -> bool:
    return bool(MARKS & set(nfc(text).lower())) and nfc(text) == text


def _value_ok(kind: str, want: str, got: Any) -> bool:
    if kind == "time":
        return parse_time(str(got or "")) == tuple(int(x) for x in want.split(":"))
    if kind == "date":
        day, _ = parse_date(str(got or ""), TODAY)
        d, m = (int(x) for x in want.split("/"))
        return day is not None and (day.day, day.month) == (d, m)
    joined = " ".join(got) if isinstance(got, list) else str(got or "")
    return fold(want) in fold(joined)


def score_structured(task: Task, result: DraftResult) -> Score:
    """Check one structured draft against the task (see the module docstring)."""
    t = DOC_TYPES[task.type]
    kinds = {f.key: f.kind for f in t.fields}
    fails: list[str] = []
    for key, want in task.expect.items():
        if not _value_ok(kinds[key], want, result.fields.get(key)):
            fails.append(f"{key}: muốn «{want}», được «{result.fields.get(key)}»")
    # a question back may add why it asks (a weekday that contradicts the date): it starts with the field's question
    for q in (f.missing for f in t.fields if f.key in task.ask):
        if not any(a.startswith(q) for a in result.questions):
            fails.append(f"không hỏi lại: {q}")
    if not task.ask and result.questions:
        fails.append("hỏi lại điều ghi chú đã có: " + "; ".join(result.questions))
    for key in task.ask:
        if result.fields.get(key):
            fails.append(f"{key}: tự điền «{result.fields[key]}» dù ghi chú không có")
    if not result.questions:
        if result.report is not None and not result.report.ok:
            fails.append("máy kiểm tra thể thức báo lỗi: " + "; ".join(f.found for f in result.report.findings))
        if result.text_problems:
            fails.append("bài viết: " + "; ".join(result.text_problems))
    # invented figures are judged in what the learner gets (the grounded values and the written text): a figure
    # the model made up and the course dropped is no invented fact in the draft, but is kept in `model_invented`
    # so the benchmark can report how often the model alone would have invented one
    model_text = " ".join(" ".join(v) if isinstance(v, list) else str(v)
                          for k, v in (result.fill.fields if result.fill else {}).items())
    wording_kinds = ("text", "list", "names", "name", "place")  # times and dates are re-written from the notes
    final_text = " ".join(" ".join(map(str, v)) if isinstance(v, list) else str(v or "")
                          for k, v in result.fields.items() if k in kinds and kinds[k] in wording_kinds)
    invented = ungrounded_numbers(final_text, task.notes) + ungrounded_amounts(result.text, task.notes)
    if invented:
        fails.append("con số không có trong ghi chú: " + ", ".join(invented))
    wording = " ".join(str(result.fields.get(f.key) or "") for f in t.fields if f.kind == "text")
    if wording.strip() and not has_diacritics(wording):
        fails.append("lời văn không có dấu tiếng Việt")
    return Score(task.id, not fails, fails, ungrounded_numbers(model_text, task.notes))


def task_prompt(task: Task) -> str:
    """The plain request a learner would type to a chatbot for the same task."""
    return freeform_prompt(task.notes, task.type)


def score_freeform(task: Task, text: str, office: Office | None = None) -> Score:
    """Check one free-form answer: expected time/date/place present, no invented number, diacritics, checker."""
    from course.documents.checker import check_text
    from course.documents.model import Draft
    from course.documents.writer import paragraphs_from_text

    t = DOC_TYPES[task.type]
    kinds = {f.key: f.kind for f in t.fields}
    fails: list[str] = []
    have = set(numbers(text))
    for key, want in task.expect.items():
        kind = kinds[key]
        if kind == "time":
            hour = str(int(want.split(":")[0]))
            alt = str(int(hour) - 12) if int(hour) > 12 else hour
            if hour not in have and alt not in have:
                fails.append(f"thiếu giờ {want}")
        elif kind == "date":
            d, m = (str(int(x)) for x in want.split("/"))
            if not {d, m} <= have:
                fails.append(f"thiếu ngày {want}")
        elif fold(want) not in fold(text):
            fails.append(f"thiếu «{want}»")
    # the office's own figures (today's date in a header the model copied) are not invented facts
    allowed = f"{task.notes} {TODAY.day} {TODAY.month} {TODAY.year} {TODAY.year + 1}"
    invented = ungrounded_numbers(text, allowed)
    if invented:
        fails.append("con số không có trong ghi chú: " + ", ".join(invented[:5]))
    invented_amounts = ungrounded_amounts(text, task.notes)
    if invented_amounts:
        fails.append("số tiền, số lượng không có trong ghi chú: " + ", ".join(invented_amounts))
    if len(text.split()) < 15:
        fails.append(f"quá ngắn ({len(text.split())} chữ)")
    # words of the request itself («Soạn … từ ghi chú sau. Chỉ dùng thông tin trong ghi chú.») are not new either:
    # a model that echoes the request has written nothing
    new_words = set(fold(text).split()) - set(fold(task_prompt(task)).split())
    if len(new_words) < 8:
        fails.append("chỉ lặp lại ghi chú, chưa soạn thành văn bản")
    marker = MARKERS.get(task.type)
    if marker and not re.search(marker, fold(text)):
        fails.append(f"không có dạng {t.label}")
    if re.search(r"\b(khong the|xin loi|khong co kha nang)\b.*\b(giup|thuc hien|ho tro|tao)\b", fold(text)):
        fails.append("từ chối làm")
    if not has_diacritics(text):
        fails.append("không có dấu tiếng Việt")
    if t.kind and not fails:
        office = office or Office()
        body = paragraphs_from_text(text)
        if body:
            draft = Draft(kind=t.kind, issuer=office.co_quan, body=body, place=office.dia_danh, date=TODAY,
                          subject=t.label.capitalize(), authority=office.quyen_han, title=office.chuc_vu,
                          signer=office.nguoi_ky, to=["Các cơ quan, đơn vị"] if t.kind == "cong-van" else [])
            report = check_text(draft.render_text(), kind=t.kind)
            if not report.ok:
                fails.append("máy kiểm tra thể thức báo lỗi: " + "; ".join(f.found for f in report.findings))
    return Score(task.id, not fails, fails)
