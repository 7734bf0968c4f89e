"""A real HTTP server on 127.0.0.1 speaking the OpenAI and Gemini wire formats, for tests.

It is a test double for the *network*, not a model: it answers with a scripted text (by default
an echo of the last user message) so tests can check what the SDKs really sent and received.

```python
from tests.wire_server import wire_server
with wire_server() as srv:
    env = {"OPENAI_BASE_URL": srv.openai_url, "GOOGLE_GEMINI_BASE_URL": srv.gemini_url}
    srv.fail(429, times=1)            # next request: 429, then normal answers
    srv.fail(500, times=5)            # five 500s in a row
    srv.fail(401)                     # bad key
    srv.fail(429, code="insufficient_quota")
    srv.delay(3.0)                    # next request answers after 3 s (client timeout tests)
    srv.reply = "Xin chào"            # or a callable(prompt: str) -> str
    ...
    srv.requests                      # [Recorded(method, path, headers, body, json)]
    srv.log_path                      # access log (request line + body) written by the server
```
Endpoints: `POST /v1/chat/completions` (JSON, or SSE with `"stream": true`), `GET /v1/models`,
`POST /{version}/models/{model}:generateContent`, `:streamGenerateContent?alt=sse`.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: str
    json: Any = None


@dataclass
class Scripted:
    status: int = 200
    code: str | None = None
    message: str = ""
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


_GEMINI_STATUS = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
                  429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"}


class WireServer:
    """State shared with the handler: script queue, recorded requests, reply."""

    def __init__(self, log_path: Path) -> None:
        self.requests: list[Recorded] = []
        self.models = ["model-thu-1"]
        self.log_path = log_path
        self._script: list[Scripted] = []
        self._lock = threading.Lock()
        self.reply: str | Callable[[str], str] = ""
        self.reset()
        self.base_url = ""

    @property
    def openai_url(self) -> str:
        return self.base_url + "/v1"

    @property
    def gemini_url(self) -> str:
        return self.base_url

    def fail(self, status: int, times: int = 1, code: str | None = None, message: str = "",
             retry_after: float | None = None) -> None:
        """Answer the next `times` requests with HTTP `status` (and an error `code` in the body)."""
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        with self._lock:
            self._script.extend(Scripted(status, code, message, 0.0, headers) for _ in range(times))

    def delay(self, seconds: float, times: int = 1) -> None:
        """Answer the next `times` requests normally, but only after `seconds`."""
        with self._lock:
            self._script.extend(Scripted(200, delay=seconds) for _ in range(times))

    def reset(self) -> None:
        """Forget recorded requests and pending scripted failures (the log file is kept)."""
        with self._lock:
            self.requests.clear()
            self._script.clear()
        self.reply = lambda prompt: f"Máy chủ thử đã nhận: {prompt}"

    def next_script(self) -> Scripted:
        with self._lock:
            return self._script.pop(0) if self._script else Scripted()

    def answer(self, prompt: str) -> str:
        return self.reply(prompt) if callable(self.reply) else self.reply

    def record(self, rec: Recorded) -> None:
        with self._lock:
            self.requests.append(rec)
            with self.log_path.open("a", encoding="utf-8") as fh:
                fh.write(f"{rec.method} {rec.path}\n{rec.body}\n")


def _chunks(text: str) -> list[str]:
    return re.findall(r"\S+\s*|\s+", text) or [""]


def _count(text: str) -> int:
    return max(1, len(text.split()))


class _Handler(BaseHTTPRequestHandler):
    server_version = "wire-test/1"
    state: WireServer  # set per server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        return

    def _read(self) -> Recorded:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        try:
            data = json.loads(body) if body else None
        except ValueError:
            data = None
        rec = Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body, data)
        self.state.record(rec)
        return rec

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(raw)

    def _start_sse(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def _sse(self, payload: Any) -> None:
        data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        self.wfile.write(f"data: {data}\n\n".encode())
        self.wfile.flush()

    def _error(self, gemini: bool, s: Scripted) -> None:
        if gemini:
            message = s.message or ("API key not valid. Please pass a valid API key." if s.status in (400, 401)
                                    else "You exceeded your current quota, please check your plan and billing details."
                                    if s.code == "insufficient_quota" else f"Lỗi thử {s.status}")
            body = {"error": {"code": s.status, "message": message, "status": _GEMINI_STATUS.get(s.status, "UNKNOWN")}}
        else:
            kind = {401: "invalid_request_error", 429: "requests"}.get(s.status, "server_error")
            code = s.code or {401: "invalid_api_key", 429: "rate_limit_exceeded"}.get(s.status)
            if s.code == "insufficient_quota":
                kind = "insufficient_quota"
            body = {"error": {"message": s.message or f"test error {s.status}", "type": kind, "param": None,
                              "code": code}}
        self._send_json(s.status, body, s.headers)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._read()
        if self.path.rstrip("/").endswith("/models"):
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "test"} for m in self.state.models]
            self._send_json(200, {"object": "list", "data": data})
        else:
            self._send_json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        rec = self._read()
        gemini = ":generateContent" in self.path or ":streamGenerateContent" in self.path
        script = self.state.next_script()
        if script.delay:
            time.sleep(script.delay)
        if script.status != 200:
            self._error(gemini, script)
            return
        body = rec.json or {}
        if gemini:
            self._gemini(body)
        elif self.path.split("?")[0].endswith("/chat/completions"):
            self._openai(body)
        else:
            self._send_json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

    def _openai(self, body: dict[str, Any]) -> None:
        messages = body.get("messages") or []
        prompt = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
        text = self.state.answer(str(prompt))
        model = body.get("model", "model-thu-1")
        t_in = sum(_count(str(m.get("content", ""))) for m in messages)
        usage = {"prompt_tokens": t_in, "completion_tokens": _count(text), "total_tokens": t_in + _count(text)}
        base = {"id": "chatcmpl-thu", "created": int(time.time()), "model": model}
        if not body.get("stream"):
            self._send_json(200, dict(base, object="chat.completion", usage=usage, choices=[
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}]))
            return
        self._start_sse()
        for i, piece in enumerate(_chunks(text)):
            delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
            self._sse(dict(base, object="chat.completion.chunk",
                           choices=[{"index": 0, "delta": delta, "finish_reason": None}]))
        self._sse(dict(base, object="chat.completion.chunk",
                       choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]))
        if (body.get("stream_options") or {}).get("include_usage"):
            self._sse(dict(base, object="chat.completion.chunk", choices=[], usage=usage))
        self._sse("[DONE]")

    def _gemini(self, body: dict[str, Any]) -> None:
        model = self.path.split("/models/")[-1].split(":")[0]
        contents = body.get("contents") or []
        texts = [p.get("text", "") for c in contents for p in c.get("parts", []) if isinstance(p, dict)]
        prompt = texts[-1] if texts else ""
        text = self.state.answer(prompt)
        usage = {"promptTokenCount": _count(" ".join(texts)), "candidatesTokenCount": _count(text),
                 "totalTokenCount": _count(" ".join(texts)) + _count(text)}

        def candidate(piece: str, final: bool) -> dict[str, Any]:
            cand: dict[str, Any] = {"content": {"role": "model", "parts": [{"text": piece}]}, "index": 0}
            if final:
                cand["finishReason"] = "STOP"
            return cand

        if ":streamGenerateContent" not in self.path:
            self._send_json(200, {"candidates": [candidate(text, True)], "usageMetadata": usage,
                                  "modelVersion": model})
            return
        self._start_sse()
        pieces = _chunks(text)
        for i, piece in enumerate(pieces):
            final = i == len(pieces) - 1
            chunk: dict[str, Any] = {"candidates": [candidate(piece, final)], "modelVersion": model}
            if final:
                chunk["usageMetadata"] = usage
            self._sse(chunk)


@contextmanager
def wire_server(log_dir: Path | None = None) -> Iterator[WireServer]:
    """Run the server on a free port of 127.0.0.1 for the duration of the `with` block."""
    tmp = None
    if log_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="wire-")
        log_dir = Path(tmp.name)
    state = WireServer(Path(log_dir) / "wire_server.log")
    handler = type("Handler", (_Handler,), {"state": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        if tmp is not None:
            tmp.cleanup()
