"""Small text helpers shared by the teaching visualisations."""

from __future__ import annotations

import unicodedata


def remove_diacritics(text: str) -> str:
    """Vietnamese without diacritics, keeping case: "Đề nghị" → "De nghi" (as many people type)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def fold_diacritics(text: str) -> str:
    """Lower-case and without diacritics — the form a text classifier compares."""
    return remove_diacritics(text.lower())
