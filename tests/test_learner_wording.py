"""Learners and trainers meet Vietnamese, not JupyterLab's or nbgrader's English UI words.

Scanned: the markdown (and code comments) of every notebook a learner opens, the trainer guide, and
every Vietnamese string in `course/` (what the package shows). File names and code identifiers such
as `ipykernel` or `ipython_kernel_config.py` are not words and do not count.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from course.text import has_diacritics
from tests.conftest import REPO

ENGLISH_UI = ("kernel", "Run All", "Restart", "Assignment List", "Fetch", "Submit", "grounding")
_WORDS = re.compile(r"(?<![\w`/.-])(" + "|".join(re.escape(w) for w in ENGLISH_UI) + r")(?![\w`])", re.IGNORECASE)
_CODE = re.compile(r"`[^`\n]*`")  # inline code (file names, commands) is not prose

# The glossary (docs/thuat_ngu.ipynb) is left out on purpose: its «Tiếng Anh» column names the English terms.
# grading/source/module*/ are links to the module folders: the same files, scanned once.
LEARNER_NOTEBOOKS = sorted(
    [REPO / "bat_dau.ipynb", *REPO.glob("module*/*.ipynb"), *REPO.glob("module*/bai_tap/*.ipynb"),
     *REPO.glob("course/apps/*.ipynb"), *REPO.glob("grading/source/kiem_tra_*/*.ipynb")])
GUIDES = [REPO / "docs" / "huong_dan_giang_vien.md"]


def english_words(text: str) -> list[str]:
    return _WORDS.findall(_CODE.sub("", text))


def notebook_prose(path: Path) -> str:
    """Markdown and code comments, without a deliberately English «## English summary» section."""
    nb = nbformat.read(path, as_version=4)
    chunks = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            chunks.append(re.sub(r"## English summary.*?(?=\n## |\n\*\*Nguồn|\Z)", "", cell.source, flags=re.DOTALL))
        elif cell.cell_type == "code":
            chunks += [line.split("#", 1)[1] for line in cell.source.splitlines() if "#" in line
                       and not line.lstrip().startswith("###")]
    return "\n".join(chunks)


def course_strings() -> list[tuple[str, int, str]]:
    """(file, line, text) of every Vietnamese string literal in the package, docstrings excluded."""
    found = []
    for path in sorted((REPO / "course").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and has_diacritics(node.value)):
                found.append((str(path.relative_to(REPO)), node.lineno, node.value))
    return found


def test_word_list_catches_what_it_should_and_spares_code_names():
    assert english_words("Chạy lại (Kernel → Restart & Run All)") == ["Kernel", "Restart", "Run All"]
    assert english_words("nhận bài (*Fetch*), nộp bài (*Submit*), tìm kiếm (grounding)") == [
        "Fetch", "Submit", "grounding"]
    assert english_words("tệp `jupyter/ipython_kernel_config.py`, Python 3 (ipykernel), kernelspec") == []


@pytest.mark.parametrize("path", LEARNER_NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO)))
def test_learner_notebooks_speak_vietnamese(path):
    assert not english_words(notebook_prose(path)), english_words(notebook_prose(path))


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.name)
def test_trainer_guide_speaks_vietnamese(path):
    bad = [(i, line) for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
           if english_words(line)]
    assert not bad, bad


def test_package_messages_speak_vietnamese():
    bad = [(f, line, text[:80]) for f, line, text in course_strings() if english_words(text)]
    assert not bad, bad
