"""Module 3 notebooks: committed clean, slides metadata, run offline for real, assignment grades as published."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from course.speech import evaluate, transcribe
from tests.conftest import outputs_text, run_notebook

MODULE = Path(__file__).resolve().parent.parent / "module3_speech_to_text"
NOTEBOOKS = ["bai_giang.ipynb", "thuc_hanh.ipynb", "bai_tap/bai_tap.ipynb"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_clean(name):
    nb = nbformat.read(MODULE / name, as_version=4)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids) and all(i.startswith("m3-") for i in ids)
    for c in nb.cells:
        if c.cell_type == "code":
            assert not c.outputs and c.execution_count is None
            grading = c.metadata.get("nbgrader", {})
            if not (grading.get("grade") or grading.get("solution")):
                assert len(c.source.splitlines()) <= 5, c.id  # thin learner-facing cells
    assert sum(1 for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# ")) == 1
    text = "\n".join(c.source for c in nb.cells)
    for heading in ("Mục tiêu", "Thời lượng", "Chuẩn bị", "Tự kiểm tra", "Tóm tắt", "Tiếp theo", "Nguồn"):
        assert heading in text, (name, heading)
    assert sum("setup()" in c.source for c in nb.cells if c.cell_type == "code") == 1


def test_lecture_has_slides():
    nb = nbformat.read(MODULE / "bai_giang.ipynb", as_version=4)
    kinds = {c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells}
    assert {"slide", "subslide", "fragment", "notes"} <= kinds


def test_committed_audio_is_small_with_references():
    audio = [p for p in MODULE.rglob("*") if p.suffix in {".wav", ".ogg"}]
    assert sum(p.stat().st_size for p in audio) < 2_000_000
    for p in (MODULE / "audio").iterdir():
        if p.suffix in {".wav", ".ogg"}:
            assert p.with_suffix(".txt").is_file(), p.name


@pytest.mark.slow
def test_lecture_runs_offline():
    text = outputs_text(run_notebook(MODULE / "bai_giang.ipynb", timeout=400))
    assert "WER" in text and "im lặng" in text and "True" in text  # table, silent-file message, guard demo
    assert "Traceback" not in text


@pytest.mark.slow
def test_practice_runs_offline_and_writes_minutes(tmp_path):
    nb = run_notebook(MODULE / "thuc_hanh.ipynb", timeout=600)
    text = outputs_text(nb)
    assert "Traceback" not in text
    assert "Bắt đầu" in text and "-->" in text  # timestamp table and SRT
    assert "bỏ qua: chưa có khoá API" in text  # cloud rows skipped without keys, audio stayed local
    assert "bien_ban_cuoc_hop.docx" in text and "Nguyễn Văn An" in text
    for leftover in ("cuoc_hop.srt", "bien_ban_cuoc_hop.docx"):
        (MODULE / leftover).unlink(missing_ok=True)


SPOKEN = "Sáng thứ sáu tuần này, tổ dân phố số hai tổ chức tổng vệ sinh đường làng ngõ xóm."


def test_assignment_example_transcript_is_a_realistic_one():
    """The stored transcript is labelled an example; the live one differs by CPU, so both are bounded
    against what was said (on AVX-512, AVX2 and generic kernels the live CER was 0.35-0.61)."""
    nb = nbformat.read(MODULE / "bai_tap" / "bai_tap.ipynb", as_version=4)
    intro = next(c.source for c in nb.cells if c.id == "m3-bt-q1-intro")
    assert "**ví dụ**" in intro
    auto = next(c.source for c in nb.cells if c.id == "m3-bt-q1").split('"')[1]
    assert 0.2 <= evaluate.cer(SPOKEN, auto) <= 0.7  # wrong enough to need the learner's correction
    text = transcribe(MODULE / "bai_tap" / "ghi_am_bai_tap.wav", progress=False).text
    assert text.strip() and "không nghe rõ" not in text
    assert evaluate.cer(SPOKEN, text) <= 0.75, text


def _strip_solutions(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Each solution replaced by `pass` at its indentation (a block inside `if not ban_sua:` stays valid)."""
    for c in nb.cells:
        if c.cell_type == "code" and "### BEGIN SOLUTION" in c.source:
            c.source = c.source.split("### BEGIN SOLUTION")[0] + "pass" + c.source.split("### END SOLUTION")[1]
    return nb


def test_assignment_solution_passes_blank_fails(tmp_path):
    env_nb = run_notebook(MODULE / "bai_tap" / "bai_tap.ipynb", timeout=300)
    assert "Traceback" not in outputs_text(env_nb)
    blank = _strip_solutions(nbformat.read(MODULE / "bai_tap" / "bai_tap.ipynb", as_version=4))
    meta = [c.metadata["nbgrader"] for c in blank.cells if "nbgrader" in c.metadata]
    assert sum(m.get("points", 0) for m in meta if m["grade"]) == 9
    assert all(m["schema_version"] == 3 for m in meta)
    path = tmp_path / "bai_tap.ipynb"
    nbformat.write(blank, path)
    (tmp_path / "ghi_am_bai_tap.wav").write_bytes((MODULE / "bai_tap" / "ghi_am_bai_tap.wav").read_bytes())
    with pytest.raises(Exception) as err:
        run_notebook(path, timeout=300)
    assert "Hãy viết bản đã sửa vào ban_sua" in str(err.value)


def test_assignment_wer_threshold_is_the_published_one():
    nb = nbformat.read(MODULE / "bai_tap" / "bai_tap.ipynb", as_version=4)
    test = next(c.source for c in nb.cells if c.id == "m3-bt-q1-test")
    intro = next(c.source for c in nb.cells if c.id == "m3-bt-q1-intro")
    assert "loi <= 0.15" in test and "≤ 0,15" in intro
    reference = "Sáng thứ sáu tuần này, tổ dân phố số hai tổ chức tổng vệ sinh đường làng ngõ xóm."
    assert reference in test
    assert evaluate.wer(reference, "Sáng thứ 6 tuần này tổ dân phố số 2 tổ chức tổng vệ sinh đường làng ngõ xóm") <= 0.15
    auto = next(c.source for c in nb.cells if c.id == "m3-bt-q1")
    assert evaluate.wer(reference, auto.split('"')[1]) > 0.15  # the raw transcript fails


@pytest.mark.parametrize("written", ["Ngày 20/4", "20-4", "ngày 20 tháng 4", "20.4", "20/04", "Ngày 20 tháng 4"])
def test_assignment_date_check_accepts_how_officials_write_the_date(written):
    """The hidden test of question 2 (the committed cell, run as it is) passes for every usual spelling."""
    from course import speech
    from course.grading.checks import expect, normalize

    nb = nbformat.read(MODULE / "bai_tap" / "bai_tap.ipynb", as_version=4)
    test = next(c.source for c in nb.cells if c.id == "m3-bt-q2-test-facts")
    answer = {"Thời gian": written, "Địa điểm": "Nhà văn hóa tổ dân phố số 7", "Chủ trì": "Ông Lê Văn Cường",
              "Thư ký": "Chị Phạm Thị Dung"}
    exec(test, {"speech": speech, "expect": expect, "normalize": normalize, "bien_ban": answer})
    with pytest.raises(AssertionError, match="Thời gian"):
        exec(test, {"speech": speech, "expect": expect, "normalize": normalize,
                    "bien_ban": answer | {"Thời gian": written.replace("20", "10")}})
