"""Word and character error rates for Vietnamese, with a coloured word-level diff.

Before comparing, both texts are normalised the same way (`normalize_vi`): Unicode NFC, lower case,
old/new tone-mark placement unified ("hoà" = "hòa"), common ward abbreviations expanded
("UBND" = "ủy ban nhân dân"), numbers written as words ("5" = "năm"), punctuation removed.
So a transcript is not penalised for writing "Tổ 5" where the reference says "tổ năm".
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import jiwer

from course.text import unify_tones

ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc",
    "tdp": "tổ dân phố",
    "cccd": "căn cước công dân",
    "cmnd": "chứng minh nhân dân",
    "tp": "thành phố",
}

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _three(n: int, full: bool) -> list[str]:
    """Words for 0..999; `full` forces "không trăm" / "linh" as inside a larger number."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and (hundreds or full):
            words.append("linh")
        if units:
            words.append(_DIGITS[units])
        return words
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4:
        words.append("bốn" if tens == 1 else "tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def number_to_words(n: int) -> str:
    """Vietnamese reading of a non-negative integer: 21 -> "hai mươi mốt", 105 -> "một trăm linh năm"."""
    if n == 0:
        return "không"
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    units = ["", "nghìn", "triệu", "tỷ"]
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        words += _three(g, full=bool(words))
        scale = units[i % 4] if i < 4 else units[3]
        if scale:
            words.append(scale)
    return " ".join(words)


def normalize_vi(text: str) -> str:
    """Normalise Vietnamese text for fair comparison (see module docstring)."""
    text = unicodedata.normalize("NFC", text or "").lower()
    text = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", text)  # 1.000.000 -> 1000000
    text = re.sub(r"\d+", lambda m: " " + number_to_words(int(m.group())) + " ", text)
    text = re.sub(r"[^\w\s]|_", " ", text)
    words = []
    for w in text.split():
        words += ABBREVIATIONS.get(w, w).split()
    return unify_tones(" ".join(words))


@dataclass
class Score:
    """Error rates and counts after normalisation."""

    wer: float
    cer: float
    substitutions: int
    deletions: int
    insertions: int
    hits: int
    reference_words: int

    def summary(self) -> str:
        return (f"WER = {self.wer:.1%} (thay {self.substitutions}, thiếu {self.deletions}, "
                f"thừa {self.insertions} trên {self.reference_words} từ); CER = {self.cer:.1%}.")


def _pair(reference: str, hypothesis: str) -> tuple[str, str]:
    ref, hyp = normalize_vi(reference), normalize_vi(hypothesis)
    if not ref:
        from course.errors import CourseError

        raise CourseError("Văn bản chuẩn (đáp án) đang trống nên không tính được WER.",
                          hint="Hãy nhập lời nói đúng của đoạn ghi âm.")
    return ref, hyp


def score(reference: str, hypothesis: str) -> Score:
    """WER/CER and error counts of `hypothesis` against `reference`, both normalised."""
    ref, hyp = _pair(reference, hypothesis)
    out = jiwer.process_words(ref, hyp)
    return Score(out.wer, jiwer.cer(ref, hyp), out.substitutions, out.deletions, out.insertions,
                 out.hits, len(ref.split()))


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate after Vietnamese normalisation (0 = perfect; can exceed 1)."""
    return score(reference, hypothesis).wer


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate after Vietnamese normalisation."""
    ref, hyp = _pair(reference, hypothesis)
    return jiwer.cer(ref, hyp)


COLOURS = {"substitute": "#f39c12", "delete": "#e74c3c", "insert": "#3498db"}


def diff_words(reference: str, hypothesis: str) -> list[tuple[str, str, str]]:
    """Aligned (kind, reference words, hypothesis words); kind is equal/substitute/delete/insert."""
    ref, hyp = _pair(reference, hypothesis)
    out = jiwer.process_words(ref, hyp)
    r, h = ref.split(), hyp.split()
    rows = []
    for chunk in out.alignments[0]:
        rows.append((chunk.type, " ".join(r[chunk.ref_start_idx:chunk.ref_end_idx]),
                     " ".join(h[chunk.hyp_start_idx:chunk.hyp_end_idx])))
    return rows


def diff_text(reference: str, hypothesis: str) -> str:
    """Plain-text diff: [thay: đúng → sai] [thiếu: từ] [thừa: từ]."""
    parts = []
    for kind, r, h in diff_words(reference, hypothesis):
        parts.append({"equal": r, "substitute": f"[thay: {r} → {h}]", "delete": f"[thiếu: {r}]",
                      "insert": f"[thừa: {h}]"}[kind])
    return " ".join(parts)


def diff_html(reference: str, hypothesis: str) -> str:
    """Coloured word diff with a legend: orange = substituted, red = missing, blue = extra."""
    spans = []
    for kind, r, h in diff_words(reference, hypothesis):
        r, h = html.escape(r), html.escape(h)
        if kind == "equal":
            spans.append(f"<span>{r}</span>")
        elif kind == "substitute":
            spans.append(f"<span style='background:{COLOURS[kind]}33;border-bottom:2px solid {COLOURS[kind]}' "
                         f"title='đúng: {r}'><s>{r}</s> → <b>{h}</b></span>")
        elif kind == "delete":
            spans.append(f"<span style='color:{COLOURS[kind]}' title='bị thiếu'><s>{r}</s></span>")
        else:
            spans.append(f"<span style='color:{COLOURS[kind]}' title='bị thừa'><b>+{h}</b></span>")
    legend = (f"<div style='font-size:0.9em;margin-top:4px'>Chú thích: "
              f"<span style='color:{COLOURS['substitute']}'>■ bị nghe nhầm</span> · "
              f"<span style='color:{COLOURS['delete']}'>■ bị thiếu</span> · "
              f"<span style='color:{COLOURS['insert']}'>■ bị thừa</span></div>")
    return f"<div style='line-height:1.9'>{' '.join(spans)}</div>{legend}"


def show_diff(reference: str, hypothesis: str) -> Score:
    """Display the coloured diff and the scores in a notebook; return the `Score`."""
    result = score(reference, hypothesis)
    try:
        from IPython.display import HTML, display

        display(HTML(f"<p><b>{html.escape(result.summary())}</b></p>" + diff_html(reference, hypothesis)))
    except ImportError:  # pragma: no cover
        print(result.summary())
        print(diff_text(reference, hypothesis))
    return result


def wrong_words(reference: str, words: list[str]) -> list[bool]:
    """For each transcribed word, whether it is wrong against `reference` (after `normalize_vi`).

    A word is wrong when any of its normalised pieces ("5" -> "năm") is substituted or inserted in the
    word alignment; this is how marked (unsure) words are checked against real errors.
    """
    pieces: list[int] = []  # normalised token -> index of the word it came from
    tokens: list[str] = []
    for i, word in enumerate(words):
        for tok in normalize_vi(word).split():
            tokens.append(tok)
            pieces.append(i)
    wrong = [False] * len(words)
    ref = normalize_vi(reference)
    if not tokens:
        return wrong
    if not ref:
        return [True] * len(words)
    out = jiwer.process_words(ref, " ".join(tokens))
    for chunk in out.alignments[0]:
        if chunk.type in ("substitute", "insert"):
            for j in range(chunk.hyp_start_idx, chunk.hyp_end_idx):
                wrong[pieces[j]] = True
    return wrong
