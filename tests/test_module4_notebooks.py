"""Module 4 notebooks execute offline, top to bottom, and show real results."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from tests.conftest import outputs_text, run_notebook

MODULE = Path(__file__).resolve().parent.parent / "module4_legal_lookup"
NOTEBOOKS = ["bai_giang.ipynb", "thuc_hanh.ipynb", "bai_tap/bai_tap.ipynb"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_clean(name):
    nb = nbformat.read(MODULE / name, as_version=4)
    assert nb.nbformat == 4 and nb.nbformat_minor == 5
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids) and all(i.startswith("m4-") for i in ids)
    for c in nb.cells:
        if c.cell_type == "code":
            assert not c.outputs and c.execution_count is None
    assert sum(1 for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# ")) == 1


def test_lecture_has_slides():
    nb = nbformat.read(MODULE / "bai_giang.ipynb", as_version=4)
    kinds = {c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells}
    assert {"slide", "subslide", "fragment", "notes"} <= kinds


@pytest.mark.parametrize("name", ["bai_giang.ipynb", "thuc_hanh.ipynb"])
def test_notebook_runs_offline(name):
    nb = run_notebook(MODULE / name, timeout=300)
    text = outputs_text(nb)
    assert "45/2019/QH14" in text and "Traceback" not in text
    if name == "thuc_hanh.ipynb":
        assert "Điều 35, Chương III, Bộ luật Lao động 2019 — 45/2019/QH14" in text
        assert "không tồn tại" in text and "Không tìm thấy" in text and "<mark>" in text


def test_assignment_solution_passes_and_blank_fails(tmp_path):
    nb = run_notebook(MODULE / "bai_tap" / "bai_tap.ipynb", timeout=300)
    assert "Traceback" not in outputs_text(nb)
    # The learner's version (solutions stripped) must fail its visible checks, not pass silently.
    blank = nbformat.read(MODULE / "bai_tap" / "bai_tap.ipynb", as_version=4)
    for c in blank.cells:
        if c.cell_type == "code" and "### BEGIN SOLUTION" in c.source:
            c.source = c.source.split("### BEGIN SOLUTION")[0] + c.source.split("### END SOLUTION")[1]
    path = tmp_path / "bai_tap.ipynb"
    nbformat.write(blank, path)
    with pytest.raises(Exception) as err:
        run_notebook(path, timeout=300)
    assert "Hãy ghi số điều" in str(err.value)
    meta = [c.metadata["nbgrader"] for c in blank.cells if "nbgrader" in c.metadata]
    assert sum(m.get("points", 0) for m in meta if m["grade"]) == 7
    assert all(m["schema_version"] == 3 for m in meta)
    json.dumps(meta)
