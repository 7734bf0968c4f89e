"""`khoahoc serve` for real: llama-cpp-python's OpenAI-compatible server on the local model, on loopback.

Learners reach it as the `compatible` provider through settings only (OPENAI_BASE_URL,
COURSE_LLM_PROVIDER). The test checks an answer comes back, that a second request beyond the
server's queue bound gets the Vietnamese "busy" message, that killing the server mid-answer gives
the Vietnamese "cut off" message, and that a server that is not running gives the "cannot connect"
message — each time with nothing raised into the notebook. Those mechanics run on the small Gemma model;
one test drafts a giấy mời through the server on the course's drafting model (COURSE_LLM_MODEL), sent as a
cloud would get it (OpenAI structured outputs).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

from course.llm import ask
from tests.conftest import REPO
from tests.hub_runner import free_port, wait_ready

pytestmark = pytest.mark.slow
GATEWAY_DIR = REPO / "deploy" / "gateway"
LONG_PROMPT = "Hãy viết một bài thật dài, nhiều đoạn, về lịch sử và văn hoá của Hà Nội."


def start_class_server(*extra: str) -> tuple[subprocess.Popen, str]:
    """`python -m course serve` on a free loopback port; returns the process and its /v1 URL once ready (its
    output goes to a log file, whose tail a failed start shows)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"OPENAI_API_KEY", "GEMINI_API_KEY", "OPENAI_BASE_URL"}}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["COURSE_DOTENV"] = str(REPO / "tests" / "no.env")
    env["COURSE_LLM_CTX"] = "1024"
    log = Path(tempfile.mkstemp(prefix="khoahoc-serve-", suffix=".log")[1])
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "course", "serve", "--port", str(port), *extra],
                                env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_ready(proc, url + "/models", log, 240, "khoahoc serve")
    except BaseException:
        stop(proc)
        raise
    return proc, url


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def learner_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str, **extra: str) -> None:
    """What a learner's .env holds: settings only, no code change."""
    for name in ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "COMPATIBLE_MODEL", "NBGRADER_EXECUTION",
                 "COURSE_COMPATIBLE_IS_CLOUD"):
        monkeypatch.delenv(name, raising=False)
    values = {"OPENAI_BASE_URL": url, "COURSE_LLM_PROVIDER": "compatible", "COURSE_DOTENV": str(REPO / "tests" / "no.env"),
              "COURSE_CACHE_DIR": str(tmp_path / "cache"), "COURSE_REPLAY": "off", "COURSE_LLM_RETRIES": "0",
              "COURSE_LLM_TIMEOUT": "120", **extra}
    for name, value in values.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def class_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    proc, url = start_class_server("--max-waiting", "1", "--model", "gemma-3-270m")
    try:
        learner_settings(monkeypatch, tmp_path, url)
        yield proc
    finally:
        stop(proc)


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

    # 3. The server is gone: the next question gets a clear Vietnamese message, nothing raised, and the chat box
    #    keeps what the learner typed.
    gone = ask("Phường là gì?", max_tokens=8, use_cache=False)
    assert not gone.ok and "Không kết nối được" in gone.error
    from course.widgets.chat import ChatBox

    box = ChatBox(max_tokens=8, use_cache=False)
    box.box.value = "Soạn giấy mời họp tổ dân phố 3"
    box.button.click()
    assert box.box.value == "Soạn giấy mời họp tổ dân phố 3"
    assert "Không kết nối được" in box.transcript.value and "Traceback" not in box.transcript.value


@pytest.mark.skipif(shutil.which("litellm", path=str(Path(sys.executable).parent)) is None,
                    reason="LiteLLM (the `deploy` extra) is not installed")
def test_gateway_routes_learners_to_the_class_server_with_their_limits(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped LiteLLM config routes `may-chu-lop` to `khoahoc serve`; each learner's key keeps its rate limit."""
    import httpx

    sys.path.insert(0, str(GATEWAY_DIR))
    try:
        import ward_gateway
    finally:
        sys.path.remove(str(GATEWAY_DIR))
    server, server_url = start_class_server("--model", "gemma-3-270m")
    db = tmp_path / "ward_gateway.sqlite3"
    port = free_port()
    env = dict(os.environ, WARD_GATEWAY_DB=str(db), WARD_CLASS_SERVER_URL=server_url, OPENAI_API_KEY="khong-dung",
               WARD_OPENAI_BASE_URL="http://127.0.0.1:9/v1", GEMINI_API_KEY="khong-dung",
               LITELLM_MASTER_KEY="sk-master-" + uuid.uuid4().hex, LITELLM_LOCAL_MODEL_COST_MAP="True",
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    log = (tmp_path / "litellm.log").open("w")
    gateway = subprocess.Popen([str(Path(sys.executable).parent / "litellm"), "--config",
                                str(GATEWAY_DIR / "litellm_config.yaml"), "--host", "127.0.0.1", "--port", str(port),
                                "--telemetry", "False", "--num_workers", "1"],
                               env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + 300
        while True:
            assert gateway.poll() is None, (tmp_path / "litellm.log").read_text()[-3000:]
            try:
                if httpx.get(base + "/health/liveliness", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < end, "LiteLLM not ready"
            time.sleep(0.5)
        key = ward_gateway.Ledger(db).issue("bi-mat-cua-phuong", "hoc-vien-lop", max_budget_usd=0.01, rpm_limit=2)
        learner_settings(monkeypatch, tmp_path, base + "/v1", OPENAI_API_KEY=key, COMPATIBLE_MODEL="may-chu-lop")
        answers = [ask("Phường là gì?", max_tokens=12, temperature=0, use_cache=False) for _ in range(3)]
        assert answers[0].ok and answers[0].text.strip(), answers[0].error
        assert answers[1].ok, answers[1].error
        assert not answers[2].ok and "429" in answers[2].error, answers[2].error  # this learner's rpm_limit: 2
        ledger_end = time.monotonic() + 30  # LiteLLM's success callback writes the ledger after answering
        while True:
            row = next(u for u in ward_gateway.Ledger(db).usage() if u["learner"] == "hoc-vien-lop")
            if row["requests"] >= 2 or time.monotonic() > ledger_end:
                break
            time.sleep(0.5)
        assert row["requests"] == 2 and row["spend_usd"] == 0  # both answers logged; the class server costs nothing
    finally:
        gateway.terminate()
        try:
            gateway.wait(20)
        except subprocess.TimeoutExpired:
            gateway.kill()
            gateway.wait()
        log.close()
        stop(server)


def test_class_server_fills_a_drafting_form_sent_as_structured_outputs(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The default served model is the drafting model; the form goes as OpenAI `json_schema` structured outputs
    and comes back as JSON of the form's schema (the server turns it into llama.cpp's grammar)."""
    import datetime as dt

    from course.documents.drafting import DOC_TYPES, draft_from_notes

    proc, url = start_class_server()
    try:
        learner_settings(monkeypatch, tmp_path, url, COURSE_LLM_TIMEOUT="900")
        result = draft_from_notes("mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá bàn tổng vệ sinh",
                                  "giay-moi", today=dt.date(2026, 12, 7))
    finally:
        stop(proc)
    assert result.fill is not None and result.fill.provider == "compatible", result.questions
    assert result.fill.model.startswith("qwen2.5-coder-1.5b")
    schema = DOC_TYPES["giay-moi"].schema()
    filled = json.loads(result.fill.raw)  # valid JSON on the first attempt or after the retry
    assert set(filled) <= set(schema["properties"]) and set(schema.get("required", [])) <= set(filled)
    # What the course reads from the notes, whatever the model wrote: the time and the date.
    assert "08 giờ 00" in result.text and "ngày 12 tháng 12 năm 2026" in result.text, result.text


def test_structured_outputs_become_llama_cpp_schema_format() -> None:
    from course.llm.server import openai_to_llama_format

    schema = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    body = json.dumps({"model": "m", "messages": [], "response_format": {
        "type": "json_schema", "json_schema": {"name": "van_ban", "schema": schema, "strict": True}}}).encode()
    assert json.loads(openai_to_llama_format(body))["response_format"] == {"type": "json_object", "schema": schema}
    for same in (b'{"model": "m", "messages": []}', b'{"response_format": {"type": "json_object"}}', b"not json",
                 b"[1, 2]", b'{"response_format": {"type": "json_schema"}}'[:-2]):
        assert openai_to_llama_format(same) == same
    bare = json.dumps({"response_format": {"type": "json_schema", "json_schema": {"name": "x"}}}).encode()
    assert json.loads(openai_to_llama_format(bare))["response_format"] == {"type": "json_object"}


def test_base_model_chat_uses_the_same_frame_as_the_local_provider() -> None:
    from course.llm.local import frame_prompt
    from course.llm.server import _frame_messages

    messages = [{"role": "system", "content": "Bạn là cán bộ phường."}, {"role": "user", "content": "Phường là gì?"}]
    assert _frame_messages(messages) == frame_prompt("Phường là gì?", "Bạn là cán bộ phường.")
