"""`khoahoc serve` for real: llama-cpp-python's OpenAI-compatible server on the local model, on loopback.

Learners reach it as the `compatible` provider through settings only (OPENAI_BASE_URL,
COURSE_LLM_PROVIDER). The test checks an answer comes back, that a second request beyond the
server's queue bound gets the Vietnamese "busy" message, that killing the server mid-answer gives
the Vietnamese "cut off" message, and that a server that is not running gives the "cannot connect"
message — each time with nothing raised into the notebook.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from course.llm import ask
from tests.conftest import REPO

pytestmark = pytest.mark.slow
LONG_PROMPT = "Hãy viết một bài thật dài, nhiều đoạn, về lịch sử và văn hoá của Hà Nội."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, deadline_s: float = 240) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"khoahoc serve stopped: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(url + "/models", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("khoahoc serve did not become ready")


@pytest.fixture
def class_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"OPENAI_API_KEY", "GEMINI_API_KEY", "OPENAI_BASE_URL"}}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["COURSE_DOTENV"] = str(REPO / "tests" / "no.env")
    env["COURSE_LLM_CTX"] = "1024"
    proc = subprocess.Popen([sys.executable, "-m", "course", "serve", "--port", str(port), "--max-waiting", "1"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_ready(url, proc)
        # What a learner's .env holds: settings only, no code change.
        for name in ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "COMPATIBLE_MODEL", "NBGRADER_EXECUTION"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        monkeypatch.setenv("COURSE_LLM_PROVIDER", "compatible")
        monkeypatch.setenv("COURSE_DOTENV", str(REPO / "tests" / "no.env"))
        monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setenv("COURSE_REPLAY", "off")
        monkeypatch.setenv("COURSE_LLM_RETRIES", "0")
        monkeypatch.setenv("COURSE_LLM_TIMEOUT", "120")
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_class_server_answers_reports_busy_and_cut_off(class_server: subprocess.Popen) -> None:
    # 1. One short chat through the compatible provider, chosen by settings.
    first = ask("Phường là gì?", max_tokens=24, temperature=0, use_cache=False)
    assert first.ok, first.error
    assert first.provider == "compatible" and first.text.strip()
    assert first.tokens_out > 0 and first.cost_usd == 0.0

    # 2. A long answer streams; while it streams, a second learner is turned away (queue bound 1)
    #    and then the server is killed mid-answer.
    started = threading.Event()
    pieces: list[str] = []
    result: dict[str, object] = {}

    def on_token(piece: str) -> None:
        pieces.append(piece)
        started.set()
        if len(pieces) == 1:
            time.sleep(0.05)

    def long_answer() -> None:
        result["answer"] = ask(LONG_PROMPT, max_tokens=600, temperature=0, on_token=on_token, use_cache=False)

    worker = threading.Thread(target=long_answer)
    worker.start()
    assert started.wait(120), "the server never started answering"
    busy = ask("Xin chào", max_tokens=8, temperature=0, use_cache=False)
    assert not busy.ok and "đang bận" in busy.error and "câu hỏi của bạn vẫn còn nguyên" in busy.error
    class_server.kill()  # mid-answer
    class_server.wait(timeout=30)
    worker.join(60)
    cut = result["answer"]
    assert pieces, "no text arrived before the kill"
    assert not cut.ok and "ngừng giữa chừng" in cut.error, cut.error
    assert cut.provider == "compatible" and not cut.fallback_from  # no silent switch to another model

    # 3. The server is gone: the next question gets a clear Vietnamese message, nothing raised.
    gone = ask("Phường là gì?", max_tokens=8, use_cache=False)
    assert not gone.ok and "Không kết nối được" in gone.error
