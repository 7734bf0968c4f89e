"""Every committed notebook: no outputs, stable unique ids, NFC Vietnamese, the python3 kernel.

The check reads what git holds (the index), not the working copy: a trainer who ran the start
page in JupyterLab has outputs autosaved locally, which is their work, not a defect of the repo.
"""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import REPO


def committed_notebooks() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=REPO, capture_output=True, text=True).stdout
    # tests/lecture_outputs/ holds reference outputs as JSON, not notebooks (tests/test_lecture_outputs.py)
    found = [REPO / p for p in out.split() if not p.startswith("tests/lecture_outputs/")]
    return found or sorted(p for p in REPO.rglob("*.ipynb") if ".venv" not in p.parts and "lecture_outputs" not in p.parts)


NOTEBOOKS = committed_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(REPO)) for p in NOTEBOOKS])
def test_notebook_is_clean(path: Path) -> None:
    rel = path.relative_to(REPO).as_posix()
    staged = subprocess.run(["git", "show", f":{rel}"], cwd=REPO, capture_output=True, text=True)
    nb = json.loads(staged.stdout if staged.returncode == 0 else path.read_text(encoding="utf-8"))
    assert (nb["nbformat"], nb["nbformat_minor"]) >= (4, 5), "cell ids need nbformat 4.5"
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3", "kernel must be preselected"
    ids = [c.get("id") for c in nb["cells"]]
    assert all(ids) and len(set(ids)) == len(ids), "cell ids must be present and unique"
    for cell in nb["cells"]:
        assert not cell.get("outputs"), f"cell {cell['id']} has outputs"
        assert not cell.get("execution_count"), f"cell {cell['id']} has an execution count"
        text = "".join(cell["source"])
        assert unicodedata.normalize("NFC", text) == text, f"cell {cell['id']} is not NFC"


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no notebook found"
