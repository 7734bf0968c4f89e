"""Privacy guard speed: `course.privacy.redact` on a 2,000-character prompt (target <= 20 ms).

The baseline, timed in the same run and alternated with the guard so background load hits both, is
one plain pass of the first guard's nine regular expressions over the same text (no context rules,
no names, no sensitive data, no placeholders): what reading the prompt costs at least. The prompt is
made of the ward-office test set's tuning sentences (names, IDs in many spellings, ordinary numbers).
A 100 kB text is timed once as well. Prints JSON.

    .venv/bin/python benchmarks/privacy.py [--repeats 41]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from course.privacy import redact
from course.privacy.evaluation import load_ward_cases, plain_pass


def timed(fn, text: str) -> float:
    t = time.perf_counter()
    fn(text)
    return (time.perf_counter() - t) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=41)
    args = ap.parse_args()
    corpus = " ".join(c.text for c in load_ward_cases("T"))
    prompt = corpus[:2000]
    big = (corpus * (100_000 // len(corpus) + 1))[:100_000]
    redact(prompt), plain_pass(prompt)  # warm-up: compiled patterns, folding table
    guard, base = [], []
    for _ in range(args.repeats):
        base.append(timed(plain_pass, prompt))
        guard.append(timed(redact, prompt))
    r = redact(prompt)
    big_ms = timed(redact, big)
    g, b = statistics.median(guard), statistics.median(base)
    print(json.dumps({
        "prompt_chars": len(prompt),
        "findings": len(r.findings),
        "repeats": args.repeats,
        "guard_ms_median": round(g, 2),
        "guard_ms_p95": round(sorted(guard)[int(0.95 * (len(guard) - 1))], 2),
        "baseline_plain_pass_ms_median": round(b, 2),
        "ratio_guard_to_baseline": round(g / b, 1) if b else None,
        "target_ms": 20,
        "meets_target": g <= 20,
        "text_100kB_ms": round(big_ms, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
