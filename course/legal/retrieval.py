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

Where each part lives: the index (channels, restorer, build, disk cache) in `course.legal.index`;
the question's scoring, fusion and re-ranking in `course.legal.fusion`; what a hit shows (passage,
highlights) in `course.legal.snippets`. Here: `LegalIndex` (the index with its search), `Hit`,
`get_index` and `search`. The index is built once (with a progress bar) and cached under
`load_settings().cache_dir`.
"""

from __future__ import annotations

import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from course.errors import CourseError
from course.legal import fusion, lexicon
from course.legal.corpus import load_corpus
from course.legal.dense import article_vectors
from course.legal.index import ArticleIndex, corpus_fingerprint, default_cache_dir
from course.legal.metadata import LINH_VUC
from course.legal.snippets import best_passage, highlight_html
from course.legal.textnorm import folded_tokens, words
from course.legal.tree import Article
from course.text import nfc

__all__ = ["Hit", "LegalIndex", "get_index", "highlight_html", "search"]


@dataclass
class Hit:
    """One search result: the article, its score (the re-ranking model's probability that it answers
    the question, for the top 30; a scaled-down fused score below them) and why it matched."""

    article: Article
    score: float
    rank: int
    matched: list[str] = field(default_factory=list)
    linh_vuc_doan: str = ""  # the ward field inferred from the question (its name), if clear

    @property
    def status_line(self) -> str:
        """The document's status in Vietnamese: in force or not, what the text is, what it lacks."""
        return self.article.doc.meta.status_line()

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
        """The stable CLI record: so_hieu, dieu, tieu_de, score, trich, van_ban, hieu_luc,
        ghi_chu_phien_ban, linh_vuc."""
        meta = self.article.doc.meta
        return {"so_hieu": self.so_hieu, "dieu": self.dieu, "tieu_de": self.tieu_de,
                "score": round(float(self.score), 6), "trich": self.snippet(), "van_ban": meta.ten,
                "hieu_luc": meta.hieu_luc, "ghi_chu_phien_ban": meta.ghi_chu_phien_ban,
                "linh_vuc": meta.linh_vuc_ten}


class LegalIndex(ArticleIndex):
    """Search over every article of the corpus. Build with `get_index()` (cached on disk)."""

    def prepare(self, query: str, embed: bool = False) -> fusion.Query:
        """The question normalised: diacritics restored, typos noted, everyday words bridged."""
        return fusion.prepare(self, query, embed)

    def channel_scores(self, q: fusion.Query, profile: fusion.Profile, dense: bool = True) -> dict[str, np.ndarray]:
        """Every article's raw score in each channel `profile` weighs (see `course.legal.fusion`)."""
        return fusion.channel_scores(self, q, profile, dense)

    def candidates(self, query: str) -> tuple[str, np.ndarray, np.ndarray, list[tuple[str, str]]]:
        """For fitting the re-ranking model: the model's name (`ranker.model_name`), the fused top
        articles, their features, and the fused top 5 keys (the order without re-ranking)."""
        q = fusion.prepare(self, query, embed=True)
        fused = fusion.fuse(self, q, np.ones(len(self.articles), dtype=bool))
        top, x = fusion.candidate_features(self, q, fused)
        return fusion.model_name(fused), top, x, [self.articles[i].key for i in top[:5]]

    def search(self, query: str, top: int = 5, documents: list[str] | None = None,
               in_force: bool | None = None, mode: str = "hybrid", dense: bool = True,
               extra_terms: str = "", rerank: bool = True, linh_vuc: list[str] | None = None) -> list[Hit]:
        """Best `top` articles for `query`. mode: 'hybrid' (default) or 'bm25' (plain folded baseline).

        documents / linh_vuc / in_force: search only these documents (số hiệu or name), these fields
        (`metadata.LINH_VUC` ids or names), documents in force or not. Without a field, the one a
        question clearly names is reported on each hit (`Hit.linh_vuc_doan`), for the user to choose.

        extra_terms: legal wording from elsewhere (e.g. an LLM's rewrite of the question); it is added
        like lexicon expansions (so the EVERYDAY profile applies), while the original query keeps its
        own channels in the fusion.
        rerank: re-order the fused top with the learned model (False only to measure it).
        """
        if not query or not query.strip():
            raise CourseError("Câu hỏi đang trống.", hint="Hãy gõ câu hỏi, ví dụ: «nghỉ phép mấy ngày».")
        mask = self.mask(documents, in_force, linh_vuc)
        if not mask.any():
            raise CourseError("Không có văn bản nào khớp bộ lọc đã chọn.",
                              hint="Bỏ bớt bộ lọc văn bản hoặc lĩnh vực rồi tìm lại.")
        if mode == "bm25":
            tokens = folded_tokens(query)
            s = self.bm25["fold"].get_scores(tokens) if tokens else np.zeros(len(self.articles))
            return self._hits(np.where(mask, s, -np.inf), top, words(query))
        q = fusion.prepare(self, query, embed=dense)
        if extra_terms.strip():
            q.expansions.append(("(viết lại)", nfc(extra_terms.strip())[:300]))
        fused = fusion.fuse(self, q, mask, dense)
        scores = fusion.rerank(self, q, fused) if rerank else fused.scores
        terms = words(q.accented) + words(q.legal_terms)
        field = None if linh_vuc else lexicon.inferred_field(q.raw)
        return self._hits(scores, top, terms, LINH_VUC[field] if field else "")

    def _hits(self, scores: np.ndarray, top: int, terms: list[str], field: str = "") -> list[Hit]:
        top = max(1, int(top))
        order = np.argsort(-scores)[:top]
        return [Hit(self.articles[i], float(scores[i]), r + 1, terms, field)
                for r, i in enumerate(order) if np.isfinite(scores[i]) and scores[i] > 0]


_INDEX: dict[str, LegalIndex] = {}


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
