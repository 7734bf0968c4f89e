"""Every generated file equals what its build script writes now (`make notebooks` rebuilds them all)."""

from __future__ import annotations

import json
import runpy
import subprocess
from pathlib import Path

import pytest

from course.notebook_builder import BUILD_SCRIPTS, DISPLAY_NAME, capture
from tests.conftest import REPO


@pytest.mark.parametrize("script", BUILD_SCRIPTS)
def test_committed_files_equal_their_build(script: str, capsys: pytest.CaptureFixture[str]) -> None:
    with capture() as written:
        runpy.run_path(str(REPO / script), run_name="__main__")
    capsys.readouterr()
    assert written, f"{script} wrote nothing"
    for path, text in written.items():
        rel = path.relative_to(REPO)
        assert path.is_file(), f"{rel} is missing: run `make notebooks`"
        assert path.read_text(encoding="utf-8") == text, f"{rel} differs from {script}: run `make notebooks`"
        if path.suffix == ".ipynb":
            meta = json.loads(text)["metadata"]
            assert meta["kernelspec"]["display_name"] == DISPLAY_NAME
            assert ("rise" in meta) == (path.name == "bai_giang.ipynb"), f"{rel}: slide settings only on lectures"


def test_every_generated_notebook_has_a_build_script() -> None:
    with capture() as written:
        for script in BUILD_SCRIPTS:
            runpy.run_path(str(REPO / script), run_name="__main__")
    built = {p.relative_to(REPO) for p in written}
    tracked = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=REPO, capture_output=True, text=True,
                             check=True).stdout.split()
    committed = {Path(p) for p in tracked if not p.startswith(("tests/fixtures/", "tests/lecture_outputs/"))}
    assert committed and committed - built == set(), "notebooks without a build script"
