"""Learned re-ranking of the fused top articles (run time: the features, the shipped weights, scores).

The rank fusion (`course.legal.retrieval`) finds the right article among its top 30 for nearly every
question, but often not first. Here every candidate is described by a few numbers (its fused score and
rank, how much of the question it covers, how close each channel puts it to that channel's best,
e5-small's cosine, the best BM25 score and e5 cosine among its clauses, whether its code is the field
the question names, whether its document is of the ward field the question names, whether its title
answers what the question asks for, whether it is in the Penal Code when the question asks about punishment) and a linear model per profile (questions in the law's words /
with everyday words the lexicon knows), kept apart for questions naming a ward field, weighs them.
The model is a conditional logit (softmax over one question's candidates) with L2, fitted on the development
question sets; its weights are data (`ranker_weights.json`), refitted by `course.legal.evaluation`:

    .venv/bin/python -m course.legal.evaluation

which also prints the leave-one-slice-out recall (weights fitted without a slice, measured on it).
The 'kiem_tra' slices are never used for fitting; of the ward questions only 'phat_trien' is.

At search time the six codes' articles among the re-ranked top keep the positions this model gives them,
but are put in the order of a search within the six codes alone, by the models fitted when the corpus
held only the codes (`ranker_sau_bo_luat.json`, commit e701c4b; `fusion.order_codes`).
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
TOP = 30  # candidates re-ranked per question
WEIGHTS = Path(__file__).with_name("ranker_weights.json")
# The six codes' own order (`fusion.order_codes`): the models fitted when the corpus held only the six
# codes (commit e701c4b, kept as they are), which read these features only.
CODE_FEATURES = tuple(f for f in FEATURES if f.removesuffix("*fit") in BASE[:6 + len(CHANNELS)])
CODE_COLUMNS = np.array([FEATURES.index(f) for f in CODE_FEATURES])
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


def model_name(profile: str, ward_cued: bool) -> str:
    """Which model re-ranks a question: one per profile, and apart for questions that name a ward
    field ("giấy khai sinh", "tạm trú", "sổ đỏ"): fitted on the same kind of questions, the ward
    questions' evidence does not pull the weights the six codes' questions are ranked with."""
    return f"{profile}_ward" if ward_cued else profile


def _read(path: Path, features: tuple[str, ...]) -> dict[str, Model]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if data.get("features") != list(features):
        warnings.warn(f"Tệp {path.name} bị thiếu hoặc đã cũ: kết quả tìm kiếm giữ thứ tự gộp, chưa xếp "
                      "hạng lại (nhóm phát triển chạy lại `python -m course.legal.evaluation`).", stacklevel=3)
        return {}
    return {name: Model(*(np.array(m[k], dtype=float) for k in ("mean", "scale", "weights")))
            for name, m in data["models"].items()}


@lru_cache(maxsize=1)
def models() -> dict[str, Model]:
    """The shipped models by name (`model_name`); empty if the file is missing."""
    return _read(WEIGHTS, FEATURES)


@lru_cache(maxsize=1)
def code_models() -> dict[str, Model]:
    """The six codes' own models by profile ('plain', 'everyday'), over CODE_FEATURES; empty if missing."""
    return _read(CODE_WEIGHTS, CODE_FEATURES)
