"""Everyday phrasings per article — how people say what an article is about ("sếp đuổi việc" for
Điều 36 Bộ luật Lao động) — written by the team in `loi_thuong.tsv`.

The lexicon (`course.legal.lexicon`) turns everyday words in a question into the law's terms; this
is the other direction: each article carries the everyday words people use for it, indexed as its
own BM25 channel. One line per article: số hiệu, TAB, article number, TAB, phrases separated by ';'.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PHRASEBOOK = Path(__file__).with_name("loi_thuong.tsv")


@lru_cache(maxsize=1)
def article_phrases() -> dict[tuple[str, str], tuple[str, ...]]:
    """{(số hiệu, article number): everyday phrasings}; empty when the file is missing."""
    try:
        text = PHRASEBOOK.read_text(encoding="utf-8")
    except OSError:
        return {}
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or line.startswith("#"):
            continue
        key = (parts[0].strip(), parts[1].strip())
        out[key] = out.get(key, ()) + tuple(p.strip() for p in parts[2].split(";") if p.strip())
    return out


def fingerprint() -> str:
    """A short hash of the phrasebook (part of the search index's cache key)."""
    try:
        return hashlib.sha256(PHRASEBOOK.read_bytes()).hexdigest()[:12]
    except OSError:
        return "none"
