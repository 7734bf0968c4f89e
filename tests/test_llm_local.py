"""The real local models through llama-cpp-python: Gemma 3 270M (tokens, top-k, generation), the chat model."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from course.catalogue import provider_label
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


def test_generate_steps_matches_greedy_completion() -> None:
    prefix = "Hà Nội là thủ đô của"
    steps = local.generate_steps(prefix, n=4, k=5, temperature=0)
    assert len(steps) == 4
    assert steps[0].top == local.next_token_probs(prefix, k=5)
    assert all(s.token == s.top[0][0] and s.prob == s.top[0][1] for s in steps)
    assert "".join(s.token for s in steps) == local.complete(prefix, max_tokens=4, temperature=0).text
    hot = local.generate_steps(prefix, n=4, k=5, temperature=1.5, seed=3)
    assert hot == local.generate_steps(prefix, n=4, k=5, temperature=1.5, seed=3)
    assert all(0 < s.prob <= 1 for s in hot)


def test_seed_repeats_a_sample() -> None:
    a = local.complete("Cán bộ phường cần", max_tokens=5, temperature=1.0, seed=11)
    local.complete("Cán bộ xã", max_tokens=2, temperature=1.0)  # another prompt in between
    b = local.complete("Cán bộ phường cần", max_tokens=5, temperature=1.0, seed=11)
    assert a.text == b.text and a.tokens_out == b.tokens_out > 0


def test_ask_local_generates_vietnamese() -> None:
    pieces: list[str] = []
    ans = ask("Ủy ban nhân dân phường có nhiệm vụ gì?", max_tokens=12, temperature=0, on_token=pieces.append,
              use_cache=False)
    assert ans.ok, ans.error
    assert ans.provider == "local" and ans.label == provider_label("local")
    assert ans.text and unicodedata.is_normalized("NFC", ans.text)
    assert VIETNAMESE_MARKS & set(ans.text.lower()), ans.text
    assert "".join(pieces).strip() == ans.text
    assert 0 < ans.tokens_out <= 12 and ans.tokens_in > 20 and ans.cost_usd == 0


def test_streams_in_a_real_kernel(tmp_path: Path) -> None:
    """In a notebook the answer is printed as it arrives, once, with the label and no llama.cpp noise."""
    import nbformat

    from tests.conftest import offline_env, outputs_text, run_notebook

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        'from course.llm import ask\nans = ask("Phường là gì?", max_tokens=8, temperature=0, stream=True)\nans',
        id="stream")]
    path = tmp_path / "stream.ipynb"
    nbformat.write(nb, path)
    env = offline_env()
    env["COURSE_CACHE_DIR"] = str(tmp_path / "cache")
    env["COURSE_LLM_MODEL_PATH"] = str(local.prepare_llm())  # the assembled chat model, not a second copy
    done = run_notebook(path, timeout=300, env=env)
    outputs = done.cells[0].outputs
    streamed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream" and o.name == "stdout")
    shown = outputs_text(done)
    assert streamed.strip(), shown
    assert provider_label("local") in shown
    assert shown.count(streamed.strip()) == 1  # the repr does not repeat the streamed text
    assert "llama" not in shown.lower() and not any(o.get("name") == "stderr" for o in outputs)


def test_too_long_question_is_a_vietnamese_error() -> None:
    ans = ask("xin chào " * 3000, provider="local", max_tokens=8, use_cache=False)
    assert not ans.ok and ans.text == "" and "quá dài" in ans.error


def test_local_model_is_unchanged_by_the_legal_search_encoder() -> None:
    """A native llama.cpp build on a CPU with AMX kept its tile set-up per thread; ONNX Runtime's int8
    kernels (the legal search's query encoder) reset it on the same thread and Gemma then printed garbage."""
    from course.legal import dense

    before = local.next_token_probs("Hà Nội là thủ đô của", k=3)
    dense.embed_query("thời hạn hợp đồng lao động là bao lâu")
    assert local.next_token_probs("Hà Nội là thủ đô của", k=3) == before
