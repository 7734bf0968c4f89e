"""What a search result shows of its article: the passage with most of the question's words, and
the article's text with those words highlighted (both matched without diacritics, function words
ignored)."""

from __future__ import annotations

import html
import re

from course.legal.textnorm import STOPWORDS_FOLDED
from course.text import fold


def best_passage(text: str, terms: list[str], width: int = 240) -> str:
    """A window of `text` around the densest cluster of `terms` (matched without diacritics)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    folded = fold(text)
    keys = sorted({fold(t) for t in terms if len(fold(t)) > 1 and fold(t) not in STOPWORDS_FOLDED}, key=len, reverse=True)
    if not keys:
        return text[:width].rsplit(" ", 1)[0] + " …"
    hits = [m.start() for k in keys for m in re.finditer(r"\b" + re.escape(k) + r"\b", folded)]
    if not hits:
        return text[:width].rsplit(" ", 1)[0] + " …"
    hits.sort()
    best_start, best_n = 0, -1
    for i, h in enumerate(hits):
        n = sum(1 for x in hits[i:] if x < h + width)
        if n > best_n:
            best_start, best_n = h, n
    start = max(0, best_start - 40)
    start = text.rfind(" ", 0, start) + 1 if start > 0 else 0
    end = min(len(text), start + width)
    piece = text[start:end]
    if end < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    return ("… " if start > 0 else "") + piece


def highlight_html(text: str, terms: list[str]) -> str:
    """HTML of `text` with every query term (diacritic-insensitive) wrapped in <mark>."""
    keys = sorted({fold(t) for t in terms if len(fold(t)) > 1 and fold(t) not in STOPWORDS_FOLDED}, key=len, reverse=True)
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for k in keys:
        for m in re.finditer(r"\b" + re.escape(k) + r"\b", folded):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    spans.sort()
    out, pos = [], 0
    for s, e in spans:
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)
