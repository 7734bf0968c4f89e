"""Learned re-ranking of the fused top articles (run time: the features, the shipped weights, scores).

The rank fusion (`course.legal.retrieval`) finds the right article among its top 30 for nearly every
question, but often not first. The corpus is ranked in two parts, each on its own: the six codes, and
the other documents (ward documents, documents a ward imported). In each part every candidate (the
part's fused top 30) is described within its part by a few numbers (its fused score and rank, how much of
the question it covers, how close each channel puts it to that channel's best in the part, e5-small's
cosine, the best BM25 score and e5 cosine among its clauses, whether its code is the field the question
names; for the other documents also whether its document is of the ward field the question names,
whether its title answers what the question asks for) and a linear model per profile (questions in the
law's words / with everyday words the lexicon knows) weighs them:

- the six codes: the models fitted when the corpus held only the codes (commit e701c4b,
  `ranker_sau_bo_luat.json`, kept as they are), so the codes' articles are ordered as a search within the
  six codes orders them;
- the other documents: models fitted on the ward development questions only (`ranker_weights.json`).

A small gate (`Gate`: a logistic model on ten numbers about the question and the two parts' best
articles) gives the probability that the answer is in the six codes; each candidate's score is that
probability times its probability within its part, and the preferred part's best candidate comes first. The models are conditional logits (softmax over one
question's candidates) with L2, the gate a logistic regression, fitted by `course.legal.evaluation`:

    .venv/bin/python -m course.legal.evaluation

which also prints the leave-one-slice-out recall (weights fitted without a slice, measured on it).
The 'kiem_tra' slices are never used for fitting; of the ward questions only 'phat_trien' fits the other
documents' models, 'phat_trien' and 'giu_lai' the gate.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

CHANNELS = ("fold", "acc", "syl", "dense", "loi", "fold+lex", "acc+lex", "fold_clause", "dense_clause")
# field: the candidate's document is of a ward field the question names (`lexicon.cued_fields`);
# intent: its title answers what the question asks for ("ở đâu": Thẩm quyền …, `lexicon.INTENT_CUES`).
# liability: the question asks about a crime or punishment (`lexicon.asks_liability`) and the candidate is
# in the Penal Code.
BASE = ("fused", "rank", "cover", "cover_legal", "title", "cued", *CHANNELS, "field", "intent", "liability")
# Each feature again, times how well the question's words fit the law (`Fusion.fit`): a question in
# the law's own wording and one in everyday words weigh the same evidence differently.
FEATURES = BASE + tuple(f"{name}*fit" for name in BASE)
# The six codes' models read these only: the features they had when the corpus held only the codes.
CODE_FEATURES = tuple(f for f in FEATURES if f.removesuffix("*fit") in BASE[:6 + len(CHANNELS)])
CODE_COLUMNS = np.array([FEATURES.index(f) for f in CODE_FEATURES])
# The gate's numbers (`fusion.gate_features`): the gaps between the six codes' best article and the other
# documents' best (e5 cosine of the article and of its best clause, times 10; log-ratios of the best folded
# BM25 and phrasebook scores; the share of the lexicon's legal wording covered; the log-ratio of the best
# fused scores when the whole corpus is fused together), whether the question names a code's field or asks
# about punishment, whether the lexicon bridged its words, and how sure each part's model is of its best
# article. Whether it names a ward field and the gap in how well its words fit each part were tried and
# left out: both made the team's everyday questions worse when they were left out of the fit.
GATE = ("dense_gap", "clause_gap", "fold_gap", "loi_gap", "legal_gap", "fused_gap", "code_cue", "everyday",
        "code_top", "other_top")
TOP = 30  # candidates re-ranked per question and part
WEIGHTS = Path(__file__).with_name("ranker_weights.json")
CODE_WEIGHTS = Path(__file__).with_name("ranker_sau_bo_luat.json")


def features(top: np.ndarray, fused: np.ndarray, channels: dict[str, np.ndarray], cover: np.ndarray,
             cover_legal: np.ndarray, title: np.ndarray, cued: np.ndarray, fit: float,
             mask: np.ndarray, field: np.ndarray, intent: np.ndarray, liable: np.ndarray) -> np.ndarray:
    """One row of FEATURES per candidate (`top`: article indices, best fused first).

    fused/cover/cover_legal/cued/mask/field are per article; `title` and `intent` are per candidate
    (share of the title the question asks about; whether the title answers what it asks for). Channel features: the candidate's score over the channel's best among
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
    cols += [field[top].astype(float), intent.astype(float), liable[top].astype(float)]
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


@dataclass(frozen=True)
class Gate:
    """The logistic gate: the probability that a question's answer is in the six codes."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def probability(self, g: np.ndarray) -> float:
        """P(the answer is in the six codes)."""
        z = float(((g - self.mean) / self.scale) @ self.weights + self.bias)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def as_json(self) -> dict:
        return {**{k: [round(float(v), 6) for v in getattr(self, k)] for k in ("mean", "scale", "weights")},
                "bias": round(float(self.bias), 6)}


def _read(path: Path, features: tuple[str, ...]) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if data.get("features") != list(features):
        warnings.warn(f"Tệp {path.name} bị thiếu hoặc đã cũ: kết quả tìm kiếm giữ thứ tự gộp, chưa xếp "
                      "hạng lại (nhóm phát triển chạy lại `python -m course.legal.evaluation`).", stacklevel=3)
        return {}
    return data


def _models(data: dict) -> dict[str, Model]:
    return {name: Model(*(np.array(m[k], dtype=float) for k in ("mean", "scale", "weights")))
            for name, m in data.get("models", {}).items()}


@lru_cache(maxsize=1)
def code_models() -> dict[str, Model]:
    """The six codes' models by profile ('plain', 'everyday'), over CODE_FEATURES; empty if missing."""
    return _models(_read(CODE_WEIGHTS, CODE_FEATURES))


@lru_cache(maxsize=1)
def models() -> dict[str, Model]:
    """The other documents' models by profile ('plain', 'everyday'), over FEATURES; empty if missing."""
    return _models(_read(WEIGHTS, FEATURES))


@lru_cache(maxsize=1)
def gate() -> Gate | None:
    """The shipped gate, or None if the weights file lacks it."""
    g = _read(WEIGHTS, FEATURES).get("gate")
    if not g or g.get("features") != list(GATE):
        return None
    return Gate(*(np.array(g[k], dtype=float) for k in ("mean", "scale", "weights")), float(g["bias"]))
