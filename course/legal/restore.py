"""Diacritic restoration for queries typed without accents, learnt from the corpus itself.

For every diacritic-free syllable the corpus tells which accented forms exist and how often;
adjacent pairs tell which forms go together ("hop dong" -> "hợp đồng"). A small Viterbi search
picks the most likely accented sentence. Typos are mapped to the nearest known syllable first.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from course.legal.textnorm import words
from course.text import fold


class Restorer:
    """Unigram/bigram tables of accented syllables keyed by their folded forms."""

    def __init__(self, unigrams: dict[str, list[tuple[str, int]]], bigrams: dict[tuple[str, str], int]) -> None:
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.total = sum(c for forms in unigrams.values() for _, c in forms) or 1

    @classmethod
    def learn(cls, texts: list[str]) -> Restorer:
        uni: dict[str, Counter] = defaultdict(Counter)
        bi: Counter = Counter()
        for text in texts:
            toks = words(text)
            for a, b in zip(toks, toks[1:], strict=False):
                bi[(a, b)] += 1
            for t in toks:
                uni[fold(t)][t] += 1
        unigrams = {k: c.most_common(6) for k, c in uni.items()}
        bigrams = {k: v for k, v in bi.items() if v > 1}
        return cls(unigrams, bigrams)

    def candidates(self, folded: str) -> list[tuple[str, int]]:
        return self.unigrams.get(folded) or [(folded, 1)]

    def restore_tokens(self, tokens: list[str]) -> list[str]:
        """Most likely accented form of a list of (folded or accented) syllables."""
        if not tokens:
            return []
        lattice = []
        for tok in tokens:
            if fold(tok) != tok:  # already accented: keep the learner's choice
                lattice.append([(tok, 1)])
            else:
                lattice.append(self.candidates(tok))
        # Viterbi with log-probabilities: bigram count (+1) dominates, unigram breaks ties.
        best: list[dict[str, tuple[float, str | None]]] = []
        first = {}
        for form, count in lattice[0]:
            first[form] = (math.log(count + 1), None)
        best.append(first)
        for i in range(1, len(lattice)):
            layer = {}
            for form, count in lattice[i]:
                uni = math.log(count + 1)
                choice = None
                top = -math.inf
                for prev, (score, _) in best[i - 1].items():
                    s = score + uni + 3.0 * math.log(self.bigrams.get((prev, form), 0) + 1)
                    if s > top:
                        top, choice = s, prev
                layer[form] = (top, choice)
            best.append(layer)
        form = max(best[-1], key=lambda f: best[-1][f][0])
        out = [form]
        for i in range(len(lattice) - 1, 0, -1):
            form = best[i][form][1]  # type: ignore[assignment]
            out.append(form)
        return out[::-1]

    def restore(self, text: str) -> str:
        """'thoi han hop dong lao dong' -> 'thời hạn hợp đồng lao động'."""
        return " ".join(self.restore_tokens(words(text)))
