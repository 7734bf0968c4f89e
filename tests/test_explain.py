"""Module 1 teaching visualisations: real tokenizers, the real local model, real scikit-learn."""

from __future__ import annotations

import hashlib

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from course.explain import classifier, hallucination, nextword, safety, tokens  # noqa: E402
from course.text import fold, strip_diacritics  # noqa: E402

VI = "Đề nghị phường xuống đo đạc lại ranh giới đất nhà tôi ở tiểu khu 4."
EN = "Please ask the ward to re-measure the boundary of my land in block 4."


def test_remove_diacritics():
    assert strip_diacritics("Đề nghị Ủy ban") == "De nghi Uy ban"
    assert fold("Đề NGHỊ") == "de nghi"


# --- tokens -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["o200k_base", "cl100k_base"])
def test_openai_encoding_offline_and_verified(name, tmp_path, monkeypatch):
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    tokens.openai_encoding.cache_clear()
    try:
        enc = tokens.openai_encoding(name)
        assert enc is not None and enc.name == name
        url, sha, _ = tokens._OPENAI_FILES[name]
        cached = tmp_path / hashlib.sha1(url.encode()).hexdigest()
        assert hashlib.sha256(cached.read_bytes()).hexdigest() == sha
        assert enc.decode(enc.encode(VI)) == VI
        # A known fact about these encodings: "hello world" is two tokens.
        assert len(enc.encode("hello world")) == 2
    finally:
        tokens.openai_encoding.cache_clear()


def test_openai_encoding_unknown_name_is_none():
    assert tokens.openai_encoding("no_such_encoding") is None


def test_openai_encoding_never_downloads_when_tiktoken_cache_is_off(monkeypatch):
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", "")  # tiktoken would fetch from the network
    tokens.openai_encoding.cache_clear()
    try:
        assert tokens.openai_encoding("o200k_base") is None
    finally:
        tokens.openai_encoding.cache_clear()


def test_vietnamese_costs_more_tokens_than_english_in_gpt4_tokenizer():
    vi = tokens.openai_tokens(VI, "cl100k_base")
    en = tokens.openai_tokens(EN, "cl100k_base")
    assert len(vi) > len(en)
    assert "�" in "".join(vi) or len(vi) > len(VI.split())  # letters split across tokens


def test_gemma_tokens_and_table():
    pieces = tokens.gemma_tokens(VI)
    assert "".join(pieces) == VI
    rows = tokens.count_rows(tokens.comparison_texts(VI, EN))
    assert [r.label for r in rows] == ["Tiếng Việt có dấu", "Tiếng Việt không dấu", "Tiếng Anh (cùng ý)"]
    assert len(rows[0].counts) == 3  # Gemma + two OpenAI encodings
    assert all(c > 0 for r in rows for c in r.counts.values())
    html_table = tokens.count_table_html(rows)
    assert "Gemma 3" in html_table and "o200k_base" in html_table
    view = tokens.token_html(["Xin", " chào"])
    assert "·chào" in view and view.count("<span") == 2


# --- next word --------------------------------------------------------------------------------

def test_temperature_math():
    p = [0.5, 0.3, 0.2]
    assert np.allclose(nextword.with_temperature(p, 1.0), p)
    assert nextword.with_temperature(p, 0).tolist() == [1.0, 0.0, 0.0]
    hot = nextword.with_temperature(p, 2.0)
    cold = nextword.with_temperature(p, 0.5)
    assert hot[0] < 0.5 < cold[0] and np.isclose(hot.sum(), 1)
    cands = [("a", 0.5), ("b", 0.3), ("c", 0.2)]
    assert nextword.sample(cands, 0, n=20) == ["a"] * 20
    assert len(set(nextword.sample(cands, 1.5, n=50, seed=1))) > 1


def test_next_word_explorer_with_real_model():
    ex = nextword.NextWordExplorer("Thủ đô của Việt Nam là")
    cands = ex.refresh()
    assert len(cands) == 10 and len(ex.choices.children) == 10
    probs = [p for _, p in cands]
    assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1.0 + 1e-9
    before = ex.box.value
    after = ex.pick(0)
    assert after == before + cands[0][0]
    ex.temperature.value = 0.0  # observer draws samples
    assert "lặp lại y hệt" in ex.samples.value
    assert "Mô hình không «biết»" in nextword.explain_candidates(cands)
    fig = nextword.plot_candidates(cands, temperature=0.5)
    assert len(fig.axes[0].patches) == 20


# --- classifier -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def feedback():
    return classifier.load_feedback()


def test_dataset_shape(feedback):
    assert len(feedback) >= 150
    counts = feedback[classifier.LABEL].value_counts()
    assert len(counts) >= 5 and counts.min() >= 20
    assert feedback[classifier.TEXT].is_unique
    no_marks = feedback[classifier.TEXT].map(lambda t: t == strip_diacritics(t)).sum()
    assert no_marks >= 20  # some messages typed without diacritics


def test_classifier_learns_and_data_helps(feedback):
    result = classifier.train(feedback)
    chance = 1 / feedback[classifier.LABEL].nunique()
    assert result.accuracy > 2.5 * chance
    assert result.confusion.sum() == result.n_test
    top = classifier.predict(result.model, ["Xin hỏi thủ tục đăng ký khai sinh cho con"])[0]
    assert top[0][0] == "tư pháp-hộ tịch"
    curve = classifier.learning_curve(feedback)
    assert curve["nhan_sach"].iloc[-1] > curve["nhan_sach"].iloc[0] + 0.15
    noisy = [c for c in curve.columns if c.startswith("nhan_sai_")][0]
    assert curve["nhan_sach"].iloc[-1] > curve[noisy].iloc[-1]
    assert classifier.plot_confusion(result).axes
    assert classifier.plot_learning_curve(curve).axes
    assert "công an" in classifier.predictions_html(result.model, "Nhà tôi bị mất trộm xe máy đêm qua")


def test_missing_csv_is_a_vietnamese_error(tmp_path):
    from course.errors import CourseError

    with pytest.raises(CourseError, match="Không tìm thấy"):
        classifier.load_feedback(tmp_path / "khong_co.csv")


# --- safety -----------------------------------------------------------------------------------

def test_safety_rules():
    for example in safety.EXAMPLES:
        assert safety.suggest(example.text)[0] == example.category, example.text
    assert safety.suggest("Tôi bị mất căn cước, nhờ viết đơn trình báo")[0] == safety.ALLOWED
    assert safety.suggest("cong van mat cua huyen")[0] == safety.FORBIDDEN
    assert "[CCCD_1]" in safety.redaction_html(safety.EXAMPLES[1].text)


def test_safety_sorter_widget():
    sorter = safety.SafetySorter()
    for dd, ex in zip(sorter.dropdowns, sorter.examples, strict=True):
        dd.value = ex.category
    sorter.dropdowns[0].value = safety.FORBIDDEN
    assert sorter.reveal() == len(sorter.examples) - 1
    assert f"{len(sorter.examples) - 1}/{len(sorter.examples)}" in sorter.result.value
    sorter.free.value = "Gửi anh Tuấn số điện thoại 0987 654 321"
    assert sorter.try_text()[0] == safety.ANONYMISE
    assert "[SDT_1]" in sorter.free_result.value


# --- hallucination ----------------------------------------------------------------------------

def test_fact_matching():
    q = hallucination.FACT_QUESTIONS[1]
    assert q.matches("Cả nước có 34 tỉnh, thành phố") and not q.matches("Có 63 tỉnh") and not q.matches("134")
    assert all(f.source for f in hallucination.FACT_QUESTIONS)


def test_hallucination_demo_asks_the_real_local_model():
    results = hallucination.ask_facts(hallucination.FACT_QUESTIONS[:1], provider="local", max_tokens=16)
    answer = results[0].answer
    assert answer.error is None and answer.text.strip()
    assert answer.provider == "local"
    page = hallucination.results_html(results)
    assert "Nguyễn Thị Hoa" in page and "Nguồn:" in page and "/1 câu" in page
