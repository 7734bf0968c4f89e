"""The class AI server: llama-cpp-python's OpenAI-compatible server on the course's local model.

`khoahoc serve` runs it on one ward PC; learners' notebooks reach it (directly, or through the
deploy/ LiteLLM gateway that enforces per-learner limits) as the `compatible` provider, settings only:
`OPENAI_BASE_URL=http://<server>:8000/v1`.

What the course adds to the stock server (`llama_cpp.server`, the `server` extra):
- the model is the course's drafting model, the one COURSE_LLM_MODEL names (Qwen2.5-Coder 1.5B by default;
  `--model` picks another), assembled and checked (`served_model_path`);
- OpenAI's structured outputs (`response_format` of type `json_schema`, what the course's drafting sends to
  a cloud) become llama.cpp's schema grammar, so a form filled through the server is valid JSON of the
  form's schema, as it is in-process (`StructuredOutputs`);
- a base model without a chat template is served through the same few-shot "Câu hỏi / Trả lời"
  frame the in-process local provider uses (chat format `khoahoc-hoi-dap`); a model that carries
  its own chat template (an instruction-tuned GGUF) uses that template;
- `interrupt_requests` is off: the stock default cuts a streaming answer short as soon as another
  request waits, which in a class would truncate nearly every answer;
- a bounded queue: llama.cpp answers one request at a time, so beyond `max_waiting` requests in
  flight the server answers 503 with `Retry-After` at once instead of letting learners wait minutes.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from course.config import Settings, load_settings
from course.errors import CourseError

CHAT_FORMAT = "khoahoc-hoi-dap"
DEFAULT_PORT = 8000
DEFAULT_MAX_WAITING = 16
BUSY_MESSAGE = "Máy chủ AI của lớp đang bận (quá nhiều người hỏi cùng lúc). Đợi một lát rồi hỏi lại."


class ServerError(CourseError):
    """The class AI server cannot start (missing extra, bad model, port in use)."""


def served_model_path(settings: Settings | None = None, model: str | None = None) -> Path:
    """The GGUF the class server loads: `model` (a COURSE_LLM_MODEL key), else COURSE_LLM_MODEL's model
    (COURSE_LLM_MODEL_PATH when set) — the model the course drafts with on one machine."""
    from course.local_models import prepare_llm

    return prepare_llm(model, settings or load_settings())


def model_alias(path: Path) -> str:
    """The model name the server lists: the file name without `.gguf` ("gemma-3-270m-q4_k_m")."""
    return path.name.removesuffix(".gguf")


def _frame_messages(messages: list[dict[str, Any]]) -> str:
    """Chat messages → the course's few-shot question/answer frame (for a base model)."""
    from course.llm.local import FEW_SHOT

    def text(msg: dict[str, Any]) -> str:
        content = msg.get("content") or ""
        if isinstance(content, list):  # OpenAI content parts
            content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
        return str(content).strip()

    system = "\n".join(text(m) for m in messages if m.get("role") in ("system", "developer"))
    turns = []
    for msg in messages:
        if msg.get("role") == "user":
            turns.append(f"Câu hỏi: {text(msg)}\n")
        elif msg.get("role") == "assistant":
            turns.append(f"Trả lời: {text(msg)}\n\n")
    head = f"{system}\n\n" if system else ""
    return f"{head}{FEW_SHOT}{''.join(turns)}Trả lời:"


def register_chat_format() -> None:
    """Register `khoahoc-hoi-dap` with llama-cpp-python (idempotent)."""
    from llama_cpp import llama_chat_format as lcf

    from course.llm.local import STOP

    if CHAT_FORMAT in lcf.LlamaChatCompletionHandlerRegistry()._chat_handlers:
        return

    @lcf.register_chat_format(CHAT_FORMAT)
    def _format(messages: list[dict[str, Any]], **_: Any) -> Any:
        return lcf.ChatFormatterResponse(prompt=_frame_messages(messages), stop=list(STOP))


def has_chat_template(path: Path) -> bool:
    """True when the GGUF carries its own chat template (instruction-tuned models do)."""
    from llama_cpp import Llama

    from course.llm.local import _quiet_stderr

    with _quiet_stderr():
        probe = Llama(model_path=str(path), vocab_only=True, verbose=False)
    try:
        return "tokenizer.chat_template" in probe.metadata
    finally:
        probe.close()


def openai_to_llama_format(body: bytes) -> bytes:
    """A chat request's `response_format` {"type": "json_schema", "json_schema": {"schema": S}} (OpenAI's
    structured outputs) as llama-cpp-python's {"type": "json_object", "schema": S}; any other body unchanged."""
    try:
        request = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return body
    fmt = request.get("response_format") if isinstance(request, dict) else None
    if not isinstance(fmt, dict) or fmt.get("type") != "json_schema":
        return body
    spec = fmt.get("json_schema")
    schema = spec.get("schema") if isinstance(spec, dict) else None
    request["response_format"] = {"type": "json_object", **({"schema": schema} if isinstance(schema, dict) else {})}
    return json.dumps(request, ensure_ascii=False).encode()


class StructuredOutputs:
    """ASGI middleware: chat requests asking for OpenAI's structured outputs reach the stock server in the form
    it understands (`openai_to_llama_format`); the stock server rejects `json_schema` otherwise."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if (scope.get("type") != "http" or scope.get("method") != "POST"
                or not str(scope.get("path", "")).endswith("/chat/completions")):
            await self.app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left before sending its request
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = openai_to_llama_format(b"".join(chunks))
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-length"]
        scope = {**scope, "headers": [*headers, (b"content-length", str(len(body)).encode())]}
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the client's disconnect, as the server expects

        await self.app(scope, replay, send)


class BusyLimiter:
    """ASGI middleware: at most `max_waiting` completion requests in flight, else 503 + Retry-After."""

    def __init__(self, app: Any, max_waiting: int) -> None:
        self.app = app
        self.max_waiting = max(1, int(max_waiting))
        self.in_flight = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") != "http" or not str(scope.get("path", "")).endswith("/completions"):
            await self.app(scope, receive, send)
            return
        with self._lock:
            busy = self.in_flight >= self.max_waiting
            if not busy:
                self.in_flight += 1
        if busy:
            body = json.dumps({"error": {"message": BUSY_MESSAGE, "type": "server_busy", "code": 503}},
                              ensure_ascii=False).encode()
            await send({"type": "http.response.start", "status": 503,
                        "headers": [(b"content-type", b"application/json"), (b"retry-after", b"5")]})
            await send({"type": "http.response.body", "body": body})
            return
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                self.in_flight -= 1


def build_app(model_path: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
              n_ctx: int | None = None, n_threads: int | None = None,
              max_waiting: int = DEFAULT_MAX_WAITING, api_key: str | None = None) -> Any:
    """The ASGI app: llama-cpp-python's server on `model_path`, behind the busy limiter."""
    try:
        from llama_cpp.server.app import create_app
        from llama_cpp.server.settings import ModelSettings, ServerSettings
    except ImportError as exc:
        raise ServerError("Chưa cài phần máy chủ của llama-cpp-python (llama-cpp-python[server]).",
                          hint="Chạy `make run` để cài đặt lại.") from exc
    settings = load_settings()
    register_chat_format()
    chat_format = None if has_chat_template(model_path) else CHAT_FORMAT
    threads = n_threads or settings.llm_threads
    model = ModelSettings(model=str(model_path), model_alias=model_alias(model_path),
                          n_ctx=n_ctx or settings.llm_ctx, n_threads=threads, n_threads_batch=threads,
                          chat_format=chat_format, verbose=False)
    server = ServerSettings(host=host, port=port, interrupt_requests=False, api_key=api_key or None)
    from course.llm.local import _quiet_stderr

    try:
        with _quiet_stderr():  # llama.cpp's English load notes; a failure still raises below
            app = create_app(server_settings=server, model_settings=[model])
    except (ValueError, RuntimeError, OSError) as exc:
        raise ServerError(f"Không nạp được mô hình {model_path.name} cho máy chủ AI.",
                          hint="Chạy `khoahoc prepare` rồi thử lại.") from exc
    return BusyLimiter(StructuredOutputs(app), max_waiting)


def serve(host: str = "127.0.0.1", port: int = DEFAULT_PORT, *, max_waiting: int = DEFAULT_MAX_WAITING,
          n_threads: int | None = None, api_key: str | None = None, model: str | None = None) -> None:
    """Load the model (`model`: a COURSE_LLM_MODEL key, default the setting) and serve until interrupted."""
    import socket

    import uvicorn

    path = served_model_path(model=model)
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
        except OSError as exc:
            raise ServerError(f"Không mở được cổng {port} trên {host} (cổng đang bận hoặc địa chỉ sai).",
                              hint="Chọn cổng khác bằng --port, hoặc tắt chương trình đang dùng cổng đó.") from exc
    app = build_app(path, host=host, port=port, max_waiting=max_waiting, n_threads=n_threads, api_key=api_key)
    print(f"Máy chủ AI của lớp: mô hình {model_alias(path)} tại http://{host}:{port}/v1 "
          f"(tối đa {max_waiting} yêu cầu cùng lúc). Nhấn Ctrl+C để dừng.", flush=True)
    print(f"Học viên đặt trong tệp .env: OPENAI_BASE_URL=http://{host}:{port}/v1", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
