"""Wire count for issue 24: how many personal items of a ward slice reach a stand-in cloud.

Each case of the slice is sent through `course.llm.ask(..., provider="openai")` to a real HTTP server on
127.0.0.1 speaking the OpenAI wire format (tests/wire_server.py), with sensitive data generalised so
that every case is sent; an item has leaked when its text (or, for numbers, its digits) appears more
often in the request body than in the rest of the sentence. Prints JSON: items, leaked, by kind.

    .venv/bin/python benchmarks/privacy_wire.py --slice X
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course.llm import ask  # noqa: E402
from course.privacy.evaluation import load_ward_cases  # noqa: E402
from tests.wire_server import wire_server  # noqa: E402


def _forms(value: str) -> list[str]:
    digits = "".join(ch for ch in value if ch.isdigit())
    return [value] + ([digits] if len(digits) >= 6 else [])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--slice", default="U")
    ap.add_argument("--show", action="store_true", help="print each leaked item")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="privacy-wire-")
    with wire_server(log_dir=Path(tmp)) as srv:
        os.environ.update({"OPENAI_API_KEY": "sk-" + "stand-in-not-a-key", "OPENAI_BASE_URL": srv.openai_url,
                           "COURSE_CACHE_DIR": str(Path(tmp) / "cache"), "COURSE_DOTENV": str(Path(tmp) / "no.env"),
                           "COURSE_LLM_TIMEOUT": "5", "COURSE_LLM_RETRIES": "1"})
        for name in ("COURSE_LLM_PROVIDER", "COURSE_PII_POLICY", "COURSE_REPLAY", "COURSE_COMPATIBLE_IS_CLOUD"):
            os.environ.pop(name, None)
        items, leaked, errors = Counter(), Counter(), 0
        shown = []
        for case in load_ward_cases(args.slice):
            if not case.gold:
                continue
            ans = ask(case.text, provider="openai", use_cache=False, sensitive_policy="generalise")
            if not ans.ok:
                errors += 1
                continue
            sent = srv.requests[-1].json["messages"][-1]["content"]
            rest = case.text
            for _, start, end in sorted(case.gold, reverse=True):
                rest = rest[:start] + " " + rest[end:]
            for kind, start, end in case.gold:
                items[kind] += 1
                value = case.text[start:end]
                if any(len(re.findall(rf"(?<!\w){re.escape(f)}(?!\w)", sent))
                       > len(re.findall(rf"(?<!\w){re.escape(f)}(?!\w)", rest)) for f in _forms(value)):
                    leaked[kind] += 1
                    shown.append((kind, value))
    out = {"slice": args.slice, "items": sum(items.values()), "leaked": sum(leaked.values()), "errors": errors,
           "by_kind": {k: {"items": items[k], "leaked": leaked[k]} for k in sorted(items)}}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    if args.show:
        for kind, value in shown:
            print(f"  {kind:10} {value}")


if __name__ == "__main__":
    main()
