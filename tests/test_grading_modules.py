"""The four real module assignments grade correctly through `khoahoc grade`: the source's own
solutions get every automatic point, a broken or unanswered submission gets 0, feedback hides hidden
tests, and the released answer cells never ask a learner to delete code."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from course.catalogue import IDS
from course.grading.coursedir import REPO, make_api
from course.grading.runner import grade_many
from course.grading.synthetic import fill, make_course, write_submission

# Every module's assignment source must exist: a moved path fails here instead of skipping the tests.
PRESENT = {a: REPO / a / "bai_tap" for a in IDS}


def test_every_module_has_its_assignment_source():
    missing = [str(p / "bai_tap.ipynb") for p in PRESENT.values() if not (p / "bai_tap.ipynb").is_file()]
    assert not missing, f"assignment sources missing: {missing}"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = make_course(tmp_path_factory.mktemp("modules"), PRESENT)
    api = make_api(root)
    for assignment in PRESENT:
        out = api.generate_assignment(assignment)
        assert out["success"], out.get("error")
        release = nbformat.read(root / "release" / assignment / "bai_tap.ipynb", as_version=4)
        source = nbformat.read(root / "source" / assignment / "bai_tap.ipynb", as_version=4)
        for kind in ("right", "broken", "blank"):  # "blank": the released notebook submitted unanswered
            write_submission(root, kind, assignment, fill(release, source, kind))
    summaries = grade_many(list(PRESENT), root, workers=2, progress=False)
    return root, api, summaries


def automatic_points(api, assignment: str, learner: str) -> tuple[float, float]:
    """(score, max) over code-cell grades: manual written answers are left to the trainer."""
    with api.gradebook as gb:
        sub = gb.find_submission(assignment, learner)
        grades = [g for nb in sub.notebooks for g in nb.grades if g.cell.cell_type == "code"]
        return sum(g.score for g in grades), sum(g.max_score for g in grades)


@pytest.mark.parametrize("assignment", sorted(PRESENT))
def test_solution_gets_full_automatic_marks(graded, assignment):
    root, api, _ = graded
    score, maximum = automatic_points(api, assignment, "right")
    assert maximum > 0 and score == maximum, (assignment, score, maximum)


@pytest.mark.parametrize("assignment", sorted(PRESENT))
def test_broken_submission_gets_zero_and_hidden_tests_stay_hidden(graded, assignment):
    root, api, _ = graded
    assert automatic_points(api, assignment, "broken")[0] == 0
    source = (PRESENT[assignment] / "bai_tap.ipynb").read_text(encoding="utf-8")
    page = (root / "feedback" / "broken" / assignment / "bai_tap.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "most recent call last" not in page
    hidden = re.findall(r"### BEGIN HIDDEN TESTS\\n(.*?)### END HIDDEN TESTS", source, re.DOTALL)
    for block in hidden:
        for line in block.split("\\n"):
            code = line.strip().replace('\\"', '"')
            if len(code) > 25 and code.startswith("assert"):
                assert code.split(",")[0] not in page


@pytest.mark.parametrize("assignment", sorted(PRESENT))
def test_unanswered_release_gets_zero_and_asks_to_delete_nothing(graded, assignment):
    """nbgrader's placeholder is valid Python wherever it lands (top of a cell or inside `if cau_1 is None:`),
    tells the learner to change nothing, and leaves the answer empty so every automatic test fails."""
    root, api, _ = graded
    assert automatic_points(api, assignment, "blank")[0] == 0
    release = nbformat.read(root / "release" / assignment / "bai_tap.ipynb", as_version=4)
    answers = [c for c in release.cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")]
    assert answers
    for cell in answers:
        ast.parse(cell.source)  # no IndentationError left behind
        assert "remind_unanswered()" in cell.source and "raise" not in cell.source
        assert not re.search(r"\bxo[áà]\b", cell.source, re.IGNORECASE), cell.source
    graded_nb = nbformat.read(root / "autograded" / "blank" / assignment / "bai_tap.ipynb", as_version=4)
    for cell in graded_nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution"):
            shown = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
            assert "Câu này chưa có câu trả lời" in shown, cell.source  # said calmly, in Vietnamese
            assert not any(o.output_type == "error" for o in cell.outputs)
