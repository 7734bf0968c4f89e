"""Benchmark: `khoahoc grade --workers 2` against plain serial `nbgrader autograde`, same run.

For every module assignment whose source exists (or the test fixture `bai_mau` when none does),
N synthetic submissions are built from the released notebook (right / partly right / broken),
copied into two identical course roots, and graded once by each method. Prints the throughput
ratio, checks that every score is identical, and projects a 200-learner × 4-module class.

    .venv/bin/python benchmarks/grading.py --n 12

The workers fork their kernels from a process with the notebooks' imports loaded
(`course/grading/kernels.py`); COURSE_FORK_KERNELS=0 measures them without it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from course.catalogue import IDS  # noqa: E402
from course.grading.coursedir import make_api  # noqa: E402
from course.grading.synthetic import fill, make_course, write_submission  # noqa: E402

KINDS = ("right", "partly", "broken")
FIXTURE = REPO / "tests" / "fixtures" / "grading" / "source" / "bai_mau"


def sources(only: list[str] | None) -> dict[str, Path]:
    found = {a: REPO / a / "bai_tap" for a in IDS if (REPO / a / "bai_tap" / "bai_tap.ipynb").exists()}
    if only:
        found = {a: p for a, p in found.items() if a in only}
        if "bai_mau" in only:
            found["bai_mau"] = FIXTURE
    return found or {"bai_mau": FIXTURE}


def scores(root: Path) -> dict[tuple[str, str], float]:
    with sqlite3.connect(root / "gradebook.db") as db:
        rows = db.execute(
            "select student.id, assignment.name, sum(coalesce(grade.manual_score, grade.auto_score, 0)) from grade "
            "join submitted_notebook on grade.notebook_id = submitted_notebook.id "
            "join submitted_assignment on submitted_notebook.assignment_id = submitted_assignment.id "
            "join assignment on submitted_assignment.assignment_id = assignment.id "
            "join student on submitted_assignment.student_id = student.id group by student.id, assignment.name")
        return {(s, a): float(v) for s, a, v in rows}


def cpu() -> float:
    """User + system CPU seconds of every finished child process (workers and kernels included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=12, help="submissions per module")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modules", nargs="*", help="assignment ids (default: all present)")
    args = parser.parse_args()
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        par = make_course(Path(tmp) / "parallel", sources(args.modules))
        api = make_api(par)
        names = sorted(api.get_source_assignments())
        for name in names:
            assert api.generate_assignment(name)["success"], name
            release = nbformat.read(par / "release" / name / "bai_tap.ipynb", as_version=4)
            source = nbformat.read(par / "source" / name / "bai_tap.ipynb", as_version=4)
            for i in range(args.n):
                write_submission(par, f"hv{i:03d}", name, fill(release, source, KINDS[i % len(KINDS)]))
        ser = Path(tmp) / "serial"
        shutil.copytree(par, ser, symlinks=True)
        total = len(names) * args.n
        # warm the disk cache for both contenders' imports, so neither pays a cold start alone
        subprocess.run([sys.executable, "-c", "import nbgrader.converters, nbgrader.api, ipykernel.kernelapp, "
                        "course.grading.worker, course.cli"], check=True, env=env, cwd=REPO)

        c0 = cpu()
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "course", "grade", "all", "--workers", str(args.workers),
                        "--no-feedback", "--no-export", "--quiet", "--root", str(par)], check=True, env=env, cwd=REPO,
                       stdout=subprocess.DEVNULL)
        t_par = time.perf_counter() - t0
        cpu_par = cpu() - c0
        c0 = cpu()
        t0 = time.perf_counter()
        for name in names:
            subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "autograde", name], check=True,
                           env=env, cwd=ser, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t_ser = time.perf_counter() - t0
        cpu_ser = cpu() - c0

        a, b = scores(par), scores(ser)
        diffs = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
        print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"modules: {', '.join(names)}; submissions: {total} ({args.n} per module; right/partly/broken)")
        print(f"serial nbgrader autograde: {t_ser:.1f} s ({t_ser / total:.2f} s/submission)")
        print(f"khoahoc grade --workers {args.workers}: {t_par:.1f} s ({t_par / total:.2f} s/submission)")
        print(f"CPU time (all processes): serial {cpu_ser / total:.2f} s/submission, "
              f"parallel {cpu_par / total:.2f} s/submission")
        print(f"throughput ratio (serial / parallel): {t_ser / t_par:.2f}x")
        print(f"projected 200 learners x 4 modules (800 submissions): {800 * t_par / total / 60:.1f} min")
        print("scores identical: " + ("yes" if not diffs else f"NO — {len(diffs)} differ: {sorted(diffs.items())[:5]}"))
        print(json.dumps({"grading": {
            "submissions": total, "workers": args.workers, "serial_s": round(t_ser, 2), "parallel_s": round(t_par, 2),
            "ratio": round(t_ser / t_par, 3), "projected_800_min": round(800 * t_par / total / 60, 2),
            "cpu_s_per_submission": {"serial": round(cpu_ser / total, 3), "parallel": round(cpu_par / total, 3)},
            "scores_identical": not diffs, "load_average": round(os.getloadavg()[0], 2)}}))
        return 0 if not diffs else 1


if __name__ == "__main__":
    sys.exit(main())
