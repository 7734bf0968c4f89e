"""Learned re-ranking of the fused top articles.

The rank fusion (`course.legal.retrieval`) finds the right article among its top 30 for nearly every
question, but often not first. Here every candidate is described by a few numbers (its fused score and
rank, how much of the question it covers, how close each channel puts it to that channel's best,
e5-small's cosine, the best BM25 score and e5 cosine among its clauses, whether its code is the field
the question names) and a linear model per profile (questions in the law's words / with everyday
words the lexicon knows) weighs them. The model is a
conditional logit (softmax over one question's candidates) with L2, fitted on the development
question sets; its weights are data (`ranker_weights.json`), refitted with

    .venv/bin/python -m course.legal.ranker

which also prints the leave-one-slice-out recall (weights fitted without a slice, measured on it).
The 'kiem_tra' slices are never used for fitting.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

BASE = ("fused", "rank", "cover", "cover_legal", "title", "cued",
        "fold", "acc", "syl", "dense", "loi", "fold+lex", "acc+lex", "fold_clause",
        "dense_clause")
CHANNELS = BASE[6:]
# Each feature again, times how well the question's words fit the law (`Fusion.fit`): a question in
# the law's own wording and one in everyday words weigh the same evidence differently.
FEATURES = BASE + tuple(f"{name}*fit" for name in BASE)
TOP = 30  # candidates re-ranked per question
L2 = 0.1
WEIGHTS = Path(__file__).with_name("ranker_weights.json")
DATA = Path(__file__).resolve().parents[2] / "module4_legal_lookup" / "data"
# The development question sets (module 4 README): team everyday, law's wording, other writers' everyday.
SETS = {"doi_thuong": DATA / "cau_hoi_dev.jsonl", "phap_ly": DATA / "cau_hoi_phap_ly.jsonl",
        "moi": DATA / "cau_hoi_moi.jsonl"}


def features(top: np.ndarray, fused: np.ndarray, channels: dict[str, np.ndarray], cover: np.ndarray,
             cover_legal: np.ndarray, title: np.ndarray, cued: np.ndarray, fit: float,
             mask: np.ndarray) -> np.ndarray:
    """One row of FEATURES per candidate (`top`: article indices, best fused first).

    fused/cover/cover_legal/cued/mask are per article; `title` is per candidate (share of the title
    the question asks about). Channel features: the candidate's score over the channel's best among
    the searched articles (`mask`), or, for e5 (the article's cosine, or its best clause's), the
    cosine minus that best cosine, times 10; 0 when the
    channel did not run.
    """
    cols = [np.log(fused[top] / fused[top[0]]), 1.0 / (1.0 + np.arange(len(top))), cover[top],
            cover_legal[top], title, cued[top].astype(float)]
    for name in CHANNELS:
        s = channels.get(name)
        best = float(np.max(s[mask])) if s is not None and mask.any() else 0.0
        if s is None or best <= 0:
            cols.append(np.zeros(len(top)))
        elif name.startswith("dense"):
            cols.append(10.0 * (s[top] - best))
        else:
            cols.append(s[top] / best)
    x = np.column_stack(cols)
    return np.hstack([x, fit * x])


@dataclass(frozen=True)
class Model:
    """Standardisation and weights of one profile's linear model."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Softmax over the candidates: the model's belief that each one answers the question."""
        z = ((x - self.mean) / self.scale) @ self.weights
        p = np.exp(z - z.max())
        return p / p.sum()

    def as_json(self) -> dict:
        return {k: [round(float(v), 6) for v in getattr(self, k)] for k in ("mean", "scale", "weights")}


@lru_cache(maxsize=1)
def models() -> dict[str, Model]:
    """The shipped models by profile name ('plain', 'everyday'); empty if the file is missing."""
    try:
        data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if data.get("features") != list(FEATURES):
        warnings.warn(f"Tệp {WEIGHTS.name} bị thiếu hoặc đã cũ: kết quả tìm kiếm giữ thứ tự gộp, chưa xếp "
                      "hạng lại (nhóm phát triển chạy lại `python -m course.legal.ranker`).", stacklevel=2)
        return {}
    return {name: Model(*(np.array(m[k], dtype=float) for k in ("mean", "scale", "weights")))
            for name, m in data["models"].items()}


def fit(groups: list[tuple[np.ndarray, np.ndarray]], l2: float | None = None) -> Model:
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
    return Model(mean, scale, result.x)


def dev_questions(split: str | None = None, name: str = "doi_thuong") -> list[dict]:
    """Questions of one development set ('doi_thuong', 'phap_ly' or 'moi'), optionally one slice of it."""
    rows = [json.loads(ln) for ln in SETS[name].read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [r for r in rows if split is None or r["tap"] == split]


def _training_questions() -> list[tuple[str, str, set[tuple[str, str]]]]:
    """(slice name, question text, gold keys) of every development question outside 'kiem_tra'; the
    law's-wording and team sets also without diacritics (as officials type)."""
    from course.text import fold

    out = []
    for name, folded in (("phap_ly", True), ("doi_thuong", True), ("moi", False)):
        for r in dev_questions(name=name):
            if r["tap"] == "kiem_tra":
                continue
            gold = {(r["so_hieu"], d) for d in r["dieu"]}
            # the team's everyday set was written as one piece: its slices are one fold
            fold_name = name if name == "doi_thuong" else f"{name}/{r['tap']}"
            out.append((fold_name, r["cau_hoi"], gold))
            if folded:
                out.append((fold_name, fold(r["cau_hoi"]), gold))
    return out


def train() -> None:
    """Fit both models on the development sets, report leave-one-slice-out recall, write WEIGHTS."""
    from tqdm.auto import tqdm

    from course.legal.retrieval import get_index

    index = get_index()
    rows = []
    for slice_name, text, gold in tqdm(_training_questions(), desc="Đặc trưng ứng viên", unit="câu"):
        profile, top, x, fused_keys = index.candidates(text)
        keys = [index.articles[i].key for i in top]
        rows.append((slice_name, profile, x, np.array([k in gold for k in keys]), keys, fused_keys, gold))
    slices = sorted({r[0] for r in rows})
    print(f"{'left out':24} {'n':>4} {'fused R@1/@5':>14} {'learned R@1/@5':>15}")
    for held in slices:
        fitted = {p: fit([(r[2], r[3]) for r in rows if r[0] != held and r[1] == p]) for p in ("plain", "everyday")}
        test = [r for r in rows if r[0] == held]
        a = np.zeros(4)
        for _, profile, x, _, keys, fused_keys, gold in test:
            order = np.argsort(-fitted[profile].probabilities(x)) if len(keys) else []
            learned = [keys[i] for i in order[:5]]
            a += [bool(fused_keys[:1]) and fused_keys[0] in gold, any(k in gold for k in fused_keys[:5]),
                  bool(learned) and learned[0] in gold, any(k in gold for k in learned)]
        a /= len(test)
        print(f"{held:24} {len(test):4} {a[0]:8.3f}/{a[1]:.3f} {a[2]:9.3f}/{a[3]:.3f}")
    final = {p: fit([(r[2], r[3]) for r in rows if r[1] == p]) for p in ("plain", "everyday")}
    WEIGHTS.write_text(json.dumps({
        "features": list(FEATURES), "l2": L2, "top": TOP,
        "fitted_on": f"{len(rows)} typings (the law's-wording and team questions also without diacritics) "
                     f"of the development questions outside 'kiem_tra' ({', '.join(slices)})",
        "models": {p: m.as_json() for p, m in final.items()}}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    models.cache_clear()
    print(f"{WEIGHTS.name} written")


if __name__ == "__main__":
    train()
