"""Privacy guard speed: `course.privacy.redact` on a 2,000-character prompt (target <= 20 ms).

The baseline, timed in the same run and alternated with the guard so background load hits both, is
one plain pass of the first guard's nine regular expressions over the same text (no context rules,
no names, no sensitive data, no placeholders): what reading the prompt costs at least. The prompt is
made of the ward-office test set's tuning sentences (names, IDs in many spellings, ordinary numbers).
A 100 kB text is timed once as well. Prints JSON.

`--ordinary` counts instead what the guard finds in ordinary text that holds no personal data: every non-empty line
of the ward laws (course/legal/van_ban_phuong/*.txt) and every legal question of module 4 (`cau_hoi` of
module4_legal_lookup/data/*.jsonl, the held-out cau_hoi_phuong_kiem_tra2 left out). Each finding there is a false
alarm or a law's wording about anyone; the count must not grow when the rules grow (`--show` lists them).

    .venv/bin/python benchmarks/privacy.py [--repeats 41]
    .venv/bin/python benchmarks/privacy.py --ordinary [--show]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

from course.privacy import find_pii, redact
from course.privacy.evaluation import load_ward_cases, plain_pass


def timed(fn, text: str) -> float:
    t = time.perf_counter()
    fn(text)
    return (time.perf_counter() - t) * 1000


ROOT = Path(__file__).resolve().parents[1]


def ordinary_lines() -> list[str]:
    """Non-empty lines of the ward laws and the module 4 legal questions (the held-out second test set left out)."""
    lines = [line.strip() for f in sorted((ROOT / "course/legal/van_ban_phuong").glob("*.txt"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    for f in sorted((ROOT / "module4_legal_lookup/data").glob("*.jsonl")):
        if "kiem_tra2" not in f.name:
            lines += [json.loads(line)["cau_hoi"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def ordinary(show: bool) -> None:
    """Print the guard's findings on ordinary text as JSON (and each one with `show`)."""
    lines = ordinary_lines()
    kinds: Counter[str] = Counter()
    for line in lines:
        for f in find_pii(line):
            kinds[f.kind] += 1
            if show:
                print(f"{f.kind:10} {f.value!r:40} <- {line[:120]}")
    print(json.dumps({"ordinary_lines": len(lines), "findings": sum(kinds.values()), "by_kind": dict(sorted(kinds.items()))},
                     indent=2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=41)
    ap.add_argument("--ordinary", action="store_true", help="count findings in ordinary law lines and legal questions")
    ap.add_argument("--show", action="store_true", help="with --ordinary: list each finding")
    args = ap.parse_args()
    if args.ordinary:
        ordinary(args.show)
        return
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
