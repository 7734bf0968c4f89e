"""The chat box over course.llm.ask, with the real local model (no browser)."""

from __future__ import annotations

from course.widgets import ChatBox


def test_chat_box_streams_and_keeps_history():
    box = ChatBox(provider="local", temperature=0.0, max_tokens=12, use_cache=False)
    seen: list[str] = []
    box.live.observe(lambda change: seen.append(change["new"]), names="value")
    box.box.value = "Thủ đô của Việt Nam là thành phố nào?"
    box.button.click()
    assert box.box.value == ""  # the question left the box
    assert len(box.history) == 1
    question, answer = box.history[0]
    assert question.startswith("Thủ đô") and answer.error is None and answer.text
    assert any("▌" in v for v in seen)  # text appeared while streaming
    assert "Bạn:" in box.transcript.value and answer.label in box.transcript.value
    assert not box.button.disabled


def test_chat_box_empty_message_is_not_sent():
    box = ChatBox(provider="local")
    box.button.click()
    assert box.history == [] and "chưa gõ" in box.live.value


def test_chat_box_shows_engine_error_in_vietnamese(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    box = ChatBox(provider="local")
    answer = box.send("Xin chào")
    assert answer.error and answer.error in box.transcript.value
