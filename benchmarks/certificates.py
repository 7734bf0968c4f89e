"""Benchmark: certificates and the results report for a synthetic class (default 200 learners).

The class's pre-test and post-test results are drawn at random (`synthetic_detail`), so nbgrader
is not part of what is timed; `tests/test_assessment.py` covers the grading path. Prints JSON.

    .venv/bin/python benchmarks/certificates.py --n 200 [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="learners in the class")
    parser.add_argument("--workers", type=int, default=1, help="processes drawing certificates (the product default is 1)")
    args = parser.parse_args()
    os.environ.setdefault("COURSE_CERT_SECRET", "benchmark-secret-" + "0" * 32)

    from course.assessment import synthetic as syn
    from course.assessment.certificates import issue
    from course.assessment.classes import load_class
    from course.assessment.evaluation import summarise
    from course.assessment.report import write_excel, write_pdf
    from course.assessment.results import compute

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        syn.make_class(root, "BENCH", args.n)
        info = load_class(root, "BENCH")
        started = time.perf_counter()
        res = compute(info, syn.synthetic_detail(info.ids, gain=0.6), root)
        res.learners["Đủ điều kiện cấp giấy"] = True  # time every certificate, whatever the draw
        computed = time.perf_counter() - started
        started = time.perf_counter()
        summary = issue(res, workers=args.workers)
        cert_s = time.perf_counter() - started
        files = sorted(summary.folder.glob("*.pdf"))
        started = time.perf_counter()
        evaluation = summarise(root / "none", "BENCH")
        write_excel(root / "r.xlsx", res, res.learners, evaluation)
        write_pdf(root / "r.pdf", res, evaluation)
        report_s = time.perf_counter() - started
        print(json.dumps({
            "learners": args.n, "workers": args.workers, "cpu_count": os.cpu_count(),
            "certificates": len(files), "certificates_seconds": round(cert_s, 2),
            "ms_per_certificate": round(1000 * cert_s / max(1, len(files)), 1),
            "mean_certificate_kb": round(sum(f.stat().st_size for f in files) / max(1, len(files)) / 1024, 1),
            "results_seconds": round(computed, 2), "report_excel_pdf_seconds": round(report_s, 2),
            "load_average": round(os.getloadavg()[0], 2),
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
