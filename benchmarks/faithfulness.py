"""Faithfulness check («Kiểm tra thông tin bịa»): recall and precision on team-written drafts.

Data: `benchmarks/data/faithfulness_dev.json` (used while tuning the checker) and
`benchmarks/data/faithfulness_holdout.json` (written before tuning, measured once). Each scenario
holds a learner's notes and a faithful draft; each variant either rewords facts faithfully
("8 giờ 00" → "08:00": nothing may be flagged) or plants invented facts of a known kind.

A planted fact is found when a flagged fact overlaps it; a flagged fact is correct when it overlaps a
planted one. Baseline in the same run: a naive checker that flags every number, date or capitalised
word of the draft absent from the notes as written (no normalisation), to show what normalising buys.

    .venv/bin/python benchmarks/faithfulness.py [--slice dev|holdout|all]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from course.documents.faithfulness import verify

DATA = Path(__file__).resolve().parent / "data"
KINDS = ("ngay", "gio", "so", "ten", "dia_diem", "van_ban")


def materialise(scenario: dict) -> list[dict]:
    """The scenario's drafts: the base draft plus every variant, with planted spans and kinds."""
    drafts = [{"id": scenario["id"], "text": scenario["draft"], "planted": []}]
    for var in scenario.get("variants", []):
        text = scenario["draft"]
        planted: list[list] = []  # [start, end, kind]

        def shift(at: int, delta: int, planted: list[list] = planted) -> None:
            for p in planted:
                if p[0] >= at:
                    p[0] += delta
                    p[1] += delta

        for old, new, kind in var.get("thay", []):
            pos = text.find(old)
            if pos < 0:
                raise SystemExit(f"{var['id']}: «{old}» not in the draft")
            text = text[:pos] + new + text[pos + len(old):]
            shift(pos + 1, len(new) - len(old))
            if kind:
                planted.append([pos, pos + len(new), kind])
        for anchor, sentence, facts in var.get("them", []):
            pos = text.find(anchor)
            if pos < 0:
                raise SystemExit(f"{var['id']}: anchor «{anchor}» not in the draft")
            at = pos + len(anchor)
            text = text[:at] + sentence + text[at:]
            shift(at, len(sentence))
            for value, kind in facts:
                off = sentence.find(value)
                if off < 0:
                    raise SystemExit(f"{var['id']}: «{value}» not in its sentence")
                planted.append([at + off, at + off + len(value), kind])
        drafts.append({"id": var["id"], "text": text, "planted": planted})
    return drafts


def naive_flags(draft: str, notes: str) -> list[tuple[int, int]]:
    """Baseline: tokens with a digit or a capital letter that do not occur verbatim in the notes."""
    flags = []
    for m in re.finditer(r"\w+(?:[/:.,]\w+)*", draft):
        tok = m.group()
        if (any(c.isdigit() for c in tok) or tok[:1].isupper()) and tok not in notes:
            flags.append((m.start(), m.end()))
    return flags


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(rows: list[tuple[list, list]]) -> dict:
    planted_total = found = flagged_total = flagged_right = 0
    per_kind: Counter = Counter()
    per_kind_found: Counter = Counter()
    for planted, flags in rows:
        for p in planted:
            planted_total += 1
            per_kind[p[2]] += 1
            if any(overlaps((p[0], p[1]), f) for f in flags):
                found += 1
                per_kind_found[p[2]] += 1
        for f in flags:
            flagged_total += 1
            flagged_right += any(overlaps((p[0], p[1]), f) for p in planted)
    return {
        "planted": planted_total, "found": found, "flagged": flagged_total, "flagged_correct": flagged_right,
        "recall": round(found / planted_total, 4) if planted_total else None,
        "precision": round(flagged_right / flagged_total, 4) if flagged_total else 1.0,
        "recall_by_kind": {k: f"{per_kind_found[k]}/{per_kind[k]}" for k in KINDS if per_kind[k]},
    }


def run(slice_name: str, misses: bool) -> dict:
    data = json.loads((DATA / f"faithfulness_{slice_name}.json").read_text(encoding="utf-8"))
    course_rows, naive_rows = [], []
    clean = clean_flagged = 0
    errors = []
    start = time.perf_counter()
    n_drafts = 0
    for sc in data["scenarios"]:
        for d in materialise(sc):
            n_drafts += 1
            rep = verify(d["text"], sc["notes"])
            flags = [(f.start, f.end) for f in rep.invented]
            course_rows.append((d["planted"], flags))
            naive_rows.append((d["planted"], naive_flags(d["text"], sc["notes"])))
            if not d["planted"]:
                clean += 1
                clean_flagged += bool(flags)
            if misses:
                for p in d["planted"]:
                    if not any(overlaps((p[0], p[1]), f) for f in flags):
                        errors.append({"draft": d["id"], "missed": d["text"][p[0]:p[1]], "kind": p[2]})
                for f in rep.invented:
                    if not any(overlaps((p[0], p[1]), (f.start, f.end)) for p in d["planted"]):
                        errors.append({"draft": d["id"], "false_flag": f.gia_tri, "kind": f.loai})
    seconds = time.perf_counter() - start
    course = score(course_rows)
    naive = score(naive_rows)
    out = {
        "slice": slice_name, "scenarios": len(data["scenarios"]), "drafts": n_drafts,
        "drafts_with_planted": n_drafts - clean, "drafts_without_invented": clean, "clean_drafts_with_a_false_flag": clean_flagged,
        "course": course, "naive_baseline": naive,
        "precision_vs_naive": round(course["precision"] / naive["precision"], 2) if naive["precision"] else None,
        "ms_per_draft": round(1000 * seconds / max(1, n_drafts), 2),
    }
    if misses:
        out["errors"] = errors
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--slice", choices=("dev", "holdout", "holdout2", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="list every miss and false flag")
    args = ap.parse_args()
    slices = ("dev", "holdout", "holdout2") if args.slice == "all" else (args.slice,)
    print(json.dumps({"benchmark": "faithfulness", "results": [run(s, args.errors) for s in slices]},
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
