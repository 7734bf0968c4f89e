"""Numbers read aloud in Vietnamese words, turned back into digits.

Officials type what a citizen reads over the phone: "không mười bảy, một trăm chín mươi, không không
bốn, năm trăm hai mươi tư" is the CCCD 017 190 004 524. Each comma-separated group is read either digit
by digit ("không không bốn" → 004) or as a number ("một trăm linh năm" → 105, "bảy mốt" → 71, "ba lẻ một"
→ 301, "mười lăm" → 15, "hai nghìn không trăm mười chín" → 2019). The guard turns a run of number
words into digits once, here, and the ordinary ID, phone and date rules then run on the digits.

Works on folded lower-case text (diacritics removed, same length as the original), so typed-bare
text ("khong mot bay, sau linh hai") is read the same way; the original text is used to drop words
that only fold to a number word ("bà" → "ba", "tạm" → "tam", "sau" stays a number only bare or as "sáu").
"""

from __future__ import annotations

import re

DIGIT = {"khong": "0", "mot": "1", "hai": "2", "ba": "3", "bon": "4", "tu": "4", "nam": "5", "lam": "5",
         "nham": "5", "sau": "6", "bay": "7", "tam": "8", "chin": "9"}
# Words of a spoken number besides the digits (folded).
STRUCT = {"muoi", "tram", "nghin", "ngan", "linh", "le"}
WORDS = set(DIGIT) | STRUCT
# The written forms (with diacritics) that really are number words; any other accented word that folds
# to one of WORDS ("bà", "tạm", "từ", "nằm", "lễ", "hài") ends the run.
ACCENTED = {"không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám",
            "chín", "mười", "mươi", "trăm", "nghìn", "ngàn", "linh", "lẻ"}

_TOKEN = re.compile(r"[a-z]+|\d+|,|(?<=\s)[-–](?=\s)")  # a spaced dash parts groups like a comma


def _is_number_word(folded: str, original: str) -> bool:
    if folded not in WORDS:
        return False
    orig = original.lower()  # callers pass NFC text (find_pii normalises once)
    return orig == folded or orig in ACCENTED


def _group(tokens: list[str]) -> str:
    """Digits of one group of number words (no comma inside)."""
    out: list[str] = []
    i, n = 0, len(tokens)

    def d(k: int) -> str | None:
        return DIGIT.get(tokens[k]) if k < n else None

    def tens(k: int) -> tuple[str, int] | None:
        """'mười [X]', 'X mươi [Y]' at k → (two digits, next index)."""
        if k < n and tokens[k] == "muoi":
            unit = d(k + 1)
            if unit is not None and tokens[k + 1] != "khong":
                return "1" + unit, k + 2
            return "10", k + 1
        if d(k) is not None and k + 1 < n and tokens[k + 1] == "muoi" and tokens[k] not in ("khong", "mot"):
            unit = d(k + 2)
            if unit is not None and tokens[k + 2] != "khong":
                return d(k) + unit, k + 3  # type: ignore[operator]
            return d(k) + "0", k + 2  # type: ignore[operator]
        return None

    def below_thousand(k: int) -> tuple[str, int] | None:
        """'X trăm …' at k → (three digits, next index)."""
        if d(k) is None or k + 1 >= n or tokens[k + 1] != "tram":
            return None
        head, k = d(k), k + 2
        if k + 1 < n and tokens[k] in ("linh", "le") and d(k + 1) is not None:
            return head + "0" + d(k + 1), k + 2  # type: ignore[operator]
        t = tens(k)
        if t:
            return head + t[0], t[1]  # type: ignore[operator]
        if d(k) is not None and k + 1 == n:  # "ba trăm tư" = 340
            return head + d(k) + "0", k + 1  # type: ignore[operator]
        return head + "00", k  # type: ignore[operator]

    while i < n:
        w = tokens[i]
        if w.isdigit():  # digits typed among the words: "không chín 12, ba bốn năm"
            out.append(w)
            i += 1
            continue
        if d(i) is not None and i + 1 < n and tokens[i + 1] in ("nghin", "ngan"):
            out.append(d(i))  # type: ignore[arg-type]
            i += 2
            rest = below_thousand(i)
            if rest:
                out.append(rest[0])
                i = rest[1]
            else:
                t = tens(i)
                if t:
                    out.append("0" + t[0])
                    i = t[1]
                elif i + 1 < n and tokens[i] in ("linh", "le") and d(i + 1) is not None:
                    out.append("00" + d(i + 1))  # type: ignore[operator]
                    i += 2
                else:
                    out.append("000")
            continue
        h = below_thousand(i)
        if h:
            out.append(h[0])
            i = h[1]
            continue
        t = tens(i)
        if t:
            out.append(t[0])
            i = t[1]
            continue
        if d(i) is not None and i + 2 < n and tokens[i + 1] in ("linh", "le") and d(i + 2) is not None:
            out.append(d(i) + "0" + d(i + 2))  # type: ignore[operator]  # "sáu linh hai" = 602
            i += 3
            continue
        if d(i) is not None:
            out.append(d(i))  # type: ignore[arg-type]
        i += 1  # a stray structure word ("lẻ" alone) adds nothing
        _ = w
    return "".join(out)


def words_to_digits(folded: str) -> str:
    """Digits of a run of folded number words: "khong muoi bay, mot tram chin muoi" → "017190"."""
    groups: list[list[str]] = [[]]
    for tok in _TOKEN.findall(folded):
        if tok in (",", "-", "–"):
            groups.append([])
        elif tok in WORDS or tok.isdigit():
            groups[-1].append(tok)
    return "".join(_group(g) for g in groups if g)


_ALT = "|".join(sorted(WORDS, key=len, reverse=True)) + r"|\d{1,4}"
_RUNS: dict[int, re.Pattern[str]] = {}


def _run_re(min_words: int) -> re.Pattern[str]:
    """Runs of at least `min_words` folded number words (most single words like "năm", "ba" never start one)."""
    if min_words not in _RUNS:
        _RUNS[min_words] = re.compile(r"\b(?:" + _ALT + r")(?:[\s,.\-…]+(?:" + _ALT + r")){" + str(max(0, min_words - 1))
                                      + r",}\b")
    return _RUNS[min_words]


def number_runs(text: str, low: str, min_words: int = 4) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each run of at least `min_words` number words.

    `low` is the folded lower-case `text` (same length). Accented words that only fold to a number word
    split the run."""
    out: list[tuple[int, int, str]] = []
    for m in _run_re(min_words).finditer(low):
        if not m.group().strip("0123456789 ,.-\t\n"):
            continue  # digits only: read by the digit rules
        pieces: list[tuple[int, int]] = []  # token spans of the current sub-run
        for t in re.finditer(r"[a-z]+|\d+", m.group()):
            a, b = m.start() + t.start(), m.start() + t.end()
            if low[a:b] == "nam" and pieces and (_years_after_count(text, low, pieces[-1], b) or _year_of_a_date(low, pieces)):
                _flush(pieces, low, out, min_words)  # "30 năm, 40 năm", "tháng 6 năm 1939": years, not the digit five
                pieces = []
                continue
            if t.group().isdigit() or _is_number_word(low[a:b], text[a:b]):
                pieces.append((a, b))
                continue
            _flush(pieces, low, out, min_words)
            pieces = []
        _flush(pieces, low, out, min_words)
    return out


def _years_after_count(text: str, low: str, prev: tuple[int, int], b: int) -> bool:
    """ "năm" ending at `b` after the digits `prev` is the unit of a count ("30 năm, 40 năm", "15 năm tuổi Đảng"), not the
    digit five inside a number read half in digits ("09 bảy 3 năm 2 …")."""
    if not low[prev[0]:prev[1]].isdigit() or prev[1] - prev[0] < 2:
        return False
    nxt = re.match(r"\s*([a-z]+|\d+)?", low[b:b + 12])
    word = nxt.group(1) if nxt else None
    return word is None or low[b:b + 1] in ",.;" or not (word.isdigit() or _is_number_word(word, text[b + nxt.start(1):b + nxt.end(1)]))


def _year_of_a_date(low: str, pieces: list[tuple[int, int]]) -> bool:
    """The number before "năm" is a month ("ngày 13 tháng 6 năm 1939, năm 2026 …"): "năm" opens the date's year."""
    return len(pieces) == 1 and re.search(r"\bthang\s+$", low[max(0, pieces[0][0] - 8):pieces[0][0]]) is not None


def _flush(pieces: list[tuple[int, int]], low: str, out: list[tuple[int, int, str]], min_words: int) -> None:
    # trim structure words that cannot start or end a number ("lẻ", "linh" at the edges)
    while pieces and low[pieces[0][0]:pieces[0][1]] in ("linh", "le", "tram", "nghin", "ngan"):
        pieces = pieces[1:]
    while pieces and low[pieces[-1][0]:pieces[-1][1]] in ("linh", "le"):
        pieces = pieces[:-1]
    # a run of digits alone is read by the digit rules; here at least one number word must be in it
    if len(pieces) >= min_words and not all(low[x:y].isdigit() for x, y in pieces):
        a, b = pieces[0][0], pieces[-1][1]
        out.append((a, b, words_to_digits(low[a:b])))
