"""The four real module assignments grade correctly through `khoahoc grade`: the source's own
solutions get every automatic point, a broken submission gets 0, feedback hides hidden tests."""

from __future__ import annotations

import re

import nbformat
import pytest

from course.catalogue import ASSIGNMENTS
from course.grading.coursedir import REPO, make_api
from course.grading.runner import grade_many
from course.grading.synthetic import fill, make_course, write_submission

# Every module's assignment source must exist: a moved path fails here instead of skipping the tests.
PRESENT = {a: REPO / m / "bai_tap" for a, m in ASSIGNMENTS.items()}


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
        for kind in ("right", "broken"):
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
