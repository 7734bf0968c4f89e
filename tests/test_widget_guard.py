"""A failing widget callback shows Vietnamese, and its log never holds a configured key."""

from __future__ import annotations

import logging

import pytest

from course.widgets.safe import UNEXPECTED, guard

FAKE_KEY = "-".join(["sk", "reviewtest", "0123456789abcdef0123"])


def test_guard_shows_vietnamese_and_logs_without_the_key(monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    shown: list[str] = []

    def boom() -> None:
        raise RuntimeError(f"server said: bad key {FAKE_KEY}")

    with caplog.at_level(logging.ERROR, logger="course.widgets.safe"):
        assert guard(boom, shown.append)() is None
    assert len(shown) == 1 and UNEXPECTED.split(".")[0] in shown[0]
    assert "RuntimeError" in caplog.text
    assert FAKE_KEY not in caplog.text and FAKE_KEY not in shown[0]
