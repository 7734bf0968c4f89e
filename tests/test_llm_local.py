"""The real local model (Gemma 3 270M through llama-cpp-python): tokens, top-k, generation."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from course.llm import ask, local

VIETNAMESE_MARKS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@pytest.fixture(scope="module", autouse=True)
def llama(tmp_path_factory: pytest.TempPathFactory):
    mp = pytest.MonkeyPatch()
    mp.setenv("COURSE_DOTENV", str(Path(tmp_path_factory.mktemp("env")) / "no.env"))
    mp.setenv("COURSE_LLM_PROVIDER", "local")
    mp.delenv("NBGRADER_EXECUTION", raising=False)
    yield local.get_llama()
    mp.undo()


def test_loaded_once(llama) -> None:
    assert local.get_llama() is llama


def test_tokenize_vietnamese() -> None:
    text = "Ủy ban nhân dân phường cấp giấy xác nhận cư trú."
    pieces = local.tokenize(text)
    assert "".join(pieces) == text
    assert 5 < len(pieces) < len(text)
    assert local.count_tokens(text) == len(pieces)


def test_next_token_probs_real_topk() -> None:
    top = local.next_token_probs("Hà Nội là thủ đô của", k=10)
    assert len(top) == 10
    probs = [p for _, p in top]
    assert probs == sorted(probs, reverse=True)
    assert 0 < sum(probs) <= 1.0 + 1e-9 and probs[0] > probs[-1] > 0
    assert len({piece for piece, _ in top}) == 10
    assert top[0][0] == " Việt"  # the model does know this much
    assert local.next_token_probs("Hà Nội là thủ đô của", k=3) == top[:3]  # deterministic
    (piece, prob), = local.next_token_probs("Thủ đô của nước Việt Nam là Hà", k=1)
    assert piece == " Nội" and prob > 0.8


def test_greedy_completion_follows_top1() -> None:
    prefix = "Hôm nay trời"
    top1 = local.next_token_probs(prefix, k=1)[0][0]
    out = local.complete(prefix, max_tokens=1, temperature=0)
    assert out.text == top1
    assert out.tokens_out == 1 and out.tokens_in == local.count_tokens(prefix) + 1  # + BOS


def test_seed_repeats_a_sample() -> None:
    a = local.complete("Cán bộ phường cần", max_tokens=5, temperature=1.0, seed=11)
    b = local.complete("Cán bộ phường cần", max_tokens=5, temperature=1.0, seed=11)
    assert a.text == b.text and a.tokens_out == b.tokens_out > 0


def test_ask_local_generates_vietnamese() -> None:
    pieces: list[str] = []
    ans = ask("Ủy ban nhân dân phường có nhiệm vụ gì?", max_tokens=12, temperature=0, on_token=pieces.append,
              use_cache=False)
    assert ans.ok, ans.error
    assert ans.provider == "local" and ans.label == "mô hình nhỏ chạy trên máy — có thể sai"
    assert ans.text and unicodedata.is_normalized("NFC", ans.text)
    assert VIETNAMESE_MARKS & set(ans.text.lower()), ans.text
    assert "".join(pieces).strip() == ans.text
    assert 0 < ans.tokens_out <= 12 and ans.tokens_in > 20 and ans.cost_usd == 0
