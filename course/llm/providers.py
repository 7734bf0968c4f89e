"""Cloud providers behind one call: OpenAI (and OpenAI-compatible servers) and Gemini.

SDK-level retries are switched off and replaced by one bounded loop (`call_with_retries`):
the OpenAI SDK retries every 429, including `insufficient_quota`, which never heals by waiting.
Here 429 (rate limit), 5xx, timeouts and connection errors are retried with exponential backoff
(at most `COURSE_LLM_RETRIES`, default 2, honouring a short `Retry-After`); a bad key, an
exhausted quota, an unknown model or a bad request fail at once. Every failure becomes a
`ProviderFailure` whose `message` is one short Vietnamese sentence saying what to do.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from course.catalogue import provider_name
from course.config import Settings, load_settings

KEY_VARS = {"openai": "OPENAI_API_KEY", "gemini": "GEMINI_API_KEY", "compatible": "OPENAI_BASE_URL"}

# Estimated USD per million tokens (input, output), public list prices; unknown models → no cost.
PRICES = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "gemini-2.5-flash-lite": (0.10, 0.40),
    "gemini-2.5-flash": (0.30, 2.50),
    "gemini-2.5-pro": (1.25, 10.00),
    "gemini-2.0-flash": (0.10, 0.40),
}


def estimate_cost(provider: str, model: str, tokens_in: int, tokens_out: int) -> float | None:
    """Estimated cost in USD; 0 for local and compatible servers, None when the price is unknown."""
    if provider in ("local", "compatible"):
        return 0.0
    for name in sorted(PRICES, key=len, reverse=True):
        if model == name or model.startswith(name + "-"):
            p_in, p_out = PRICES[name]
            return round((tokens_in * p_in + tokens_out * p_out) / 1_000_000, 8)
    return None


def timeout_s() -> float:
    """Seconds to wait for a cloud provider (`COURSE_LLM_TIMEOUT`)."""
    return load_settings().llm_timeout_s


def max_retries() -> int:
    """Retries after a retryable cloud failure (`COURSE_LLM_RETRIES`)."""
    return load_settings().llm_retries


@dataclass
class Reply:
    text: str
    model: str
    tokens_in: int
    tokens_out: int


class ProviderFailure(Exception):
    """A classified provider failure with a Vietnamese message for the learner."""

    def __init__(self, kind: str, message: str, retryable: bool = False, retry_after: float | None = None,
                 status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status


def failure(kind: str, provider: str, status: int | None = None, model: str = "", **kw: Any) -> ProviderFailure:
    """Build the one Vietnamese message for each kind of failure."""
    name = provider_name(provider)
    var = KEY_VARS.get(provider, "")
    messages = {
        "no_key": f"Chưa có khoá API cho {name}. Đặt {var} trong tệp .env, hoặc dùng mô hình trên máy "
                  "(provider=\"local\").",
        "no_url": "Chưa đặt địa chỉ máy chủ AI tương thích OpenAI (OPENAI_BASE_URL) trong tệp .env, ví dụ "
                  "http://localhost:11434/v1 cho Ollama.",
        "auth": f"Khoá API của {name} không hợp lệ hoặc đã bị thu hồi. Kiểm tra {var} trong tệp .env "
                "(hỏi giảng viên nếu cần).",
        "quota": f"Tài khoản {name} đã hết hạn mức sử dụng. Nạp thêm tín dụng, đổi khoá khác, hoặc dùng "
                 "mô hình trên máy.",
        "rate": f"{name} đang nhận quá nhiều yêu cầu (lỗi 429). Đợi khoảng một phút rồi chạy lại ô lệnh.",
        "server": f"Máy chủ {name} đang gặp sự cố (lỗi {status or '5xx'}). Thử lại sau ít phút hoặc dùng "
                  "mô hình trên máy.",
        "busy": f"{name} đang bận vì quá nhiều người hỏi cùng lúc (lỗi 503). Đợi một lát rồi chạy lại ô lệnh; "
                "câu hỏi của bạn vẫn còn nguyên.",
        "cut": f"{name} ngừng giữa chừng khi đang trả lời (máy chủ bị tắt hoặc mất kết nối). Câu hỏi của bạn "
               "vẫn còn nguyên: chạy lại ô lệnh để hỏi lại; nếu vẫn lỗi, báo giảng viên kiểm tra máy chủ.",
        "timeout": f"{name} không trả lời kịp (quá {timeout_s():g} giây). Kiểm tra mạng rồi chạy lại ô lệnh.",
        "network": f"Không kết nối được tới {name}. Kiểm tra mạng Internet (hoặc địa chỉ máy chủ) rồi chạy lại.",
        "model": f"{name} không có mô hình «{model}». Kiểm tra tên mô hình trong tệp .env.",
        "bad_request": f"{name} từ chối yêu cầu (lỗi {status or 400}). Rút ngắn hoặc sửa câu hỏi rồi thử lại.",
        "blocked": f"{name} từ chối trả lời vì nội dung bị bộ lọc an toàn chặn. Diễn đạt lại câu hỏi.",
        "empty": f"{name} không trả về nội dung nào. Tăng max_tokens hoặc diễn đạt lại câu hỏi.",
        "unknown": f"Gọi {name} không thành công. Chạy lại ô lệnh; nếu vẫn lỗi, báo giảng viên.",
    }
    retryable = kind in {"rate", "busy", "server", "timeout", "network"}
    return ProviderFailure(kind, messages[kind], retryable=retryable, status=status, **kw)


def _retry_after(headers: Any) -> float | None:
    try:
        value = headers.get("retry-after") if headers is not None else None
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _classify_status(provider: str, status: int, code: str, text: str, model: str,
                     headers: Any = None) -> ProviderFailure:
    low = (code + " " + text).lower()
    if status in (401, 403) or "api key not valid" in low or "api_key_invalid" in low or "invalid_api_key" in low:
        return failure("auth", provider, status)
    if "insufficient_quota" in low or "billing" in low:
        return failure("quota", provider, status)
    if status == 429:
        return failure("rate", provider, status, retry_after=_retry_after(headers))
    if status == 404:
        return failure("model", provider, status, model=model)
    if status == 503:
        return failure("busy", provider, status, retry_after=_retry_after(headers))
    if status >= 500:
        return failure("server", provider, status, retry_after=_retry_after(headers))
    if status == 408:
        return failure("timeout", provider, status)
    return failure("bad_request", provider, status)


def classify(provider: str, exc: BaseException, model: str = "") -> ProviderFailure:
    """Map any SDK / transport exception to a `ProviderFailure`."""
    if isinstance(exc, ProviderFailure):
        return exc
    try:
        import openai

        if isinstance(exc, openai.APITimeoutError):
            return failure("timeout", provider)
        if isinstance(exc, openai.APIConnectionError):
            return failure("network", provider)
        if isinstance(exc, openai.APIStatusError):
            return _classify_status(provider, exc.status_code, str(exc.code or ""), str(exc.message or ""),
                                    model, exc.response.headers)
    except ImportError:  # pragma: no cover
        pass
    try:
        from google.genai import errors as genai_errors

        if isinstance(exc, genai_errors.APIError):
            headers = getattr(getattr(exc, "response", None), "headers", None)
            return _classify_status(provider, int(exc.code or 0), str(exc.status or ""), str(exc.message or ""),
                                    model, headers)
    except ImportError:  # pragma: no cover
        pass
    name = type(exc).__name__
    if "Timeout" in name or isinstance(exc, TimeoutError):
        return failure("timeout", provider)
    if any(s in name for s in ("Connect", "Network", "Transport", "Protocol", "RemoteDisconnected")) or isinstance(
        exc, ConnectionError
    ):
        return failure("network", provider)
    return failure("unknown", provider)


def call_with_retries(provider: str, model: str, fn: Callable[[], Reply], emitted: Callable[[], bool],
                      sleep: Callable[[float], None] = time.sleep) -> Reply:
    """Run `fn`, retrying transient failures with backoff; never retry once text was streamed."""
    attempt = 0
    while True:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - classified below, never shown raw
            fail = classify(provider, exc, model)
            if emitted() and fail.kind in {"network", "timeout", "server", "unknown"}:
                # The answer had started: the server stopped or the connection broke mid-answer.
                raise failure("cut", provider, fail.status) from exc
            if not fail.retryable or attempt >= max_retries() or emitted():
                raise fail from exc
            delay = min(4.0, 0.5 * (2**attempt)) + random.uniform(0, 0.1)
            if fail.retry_after is not None:
                delay = min(4.0, max(delay, fail.retry_after))
            sleep(delay)
            attempt += 1


# ---------------------------------------------------------------- OpenAI / compatible


def openai_client(settings: Settings, provider: str = "openai", *, timeout: float | None = None,
                  retries: int = 0) -> Any:
    """The one way the course builds an OpenAI SDK client (chat, web look-up, transcription).

    `timeout` defaults to COURSE_LLM_TIMEOUT; chat retries itself (`call_with_retries`), so the SDK's
    own retries are off unless asked for (audio uploads take one)."""
    import openai

    if provider == "compatible":
        key = settings.openai_api_key or "khong-can-khoa"
        base = settings.openai_base_url
    else:
        key = settings.openai_api_key
        base = settings.openai_base_url or None
    return openai.OpenAI(api_key=key, base_url=base, max_retries=retries, timeout=timeout or settings.llm_timeout_s)


_COMPAT_MODEL: dict[str, str] = {}


def default_model(settings: Settings, provider: str) -> str:
    if provider == "openai":
        return settings.openai_model
    if provider == "gemini":
        return settings.gemini_model
    if provider == "compatible":
        return settings.compatible_model  # "" = the server's first listed model, resolved at call time
    return ""


def _compatible_model(settings: Settings, client: Any) -> str:
    """COMPATIBLE_MODEL, else the first model the server lists (Ollama, llama.cpp, vLLM all list)."""
    if settings.compatible_model:
        return settings.compatible_model
    if settings.openai_base_url not in _COMPAT_MODEL:
        try:
            first = next(iter(client.models.list()), None)
        except Exception as exc:  # noqa: BLE001
            raise classify("compatible", exc) from exc
        _COMPAT_MODEL[settings.openai_base_url] = first.id if first else settings.openai_model
    return _COMPAT_MODEL[settings.openai_base_url]


def openai_chat(settings: Settings, provider: str, prompt: str, system: str | None, model: str | None,
                temperature: float, max_tokens: int, seed: int | None,
                on_token: Callable[[str], None] | None, schema: dict[str, Any] | None = None) -> Reply:
    """One Chat Completions call (streamed when `on_token` is given), with bounded retries.

    With `schema` the answer is JSON of that shape (structured outputs: `response_format` json_schema, strict).
    """
    if provider == "openai" and not settings.openai_api_key:
        raise failure("no_key", provider)
    if provider == "compatible" and not settings.openai_base_url:
        raise failure("no_url", provider)
    client = openai_client(settings, provider)
    model = model or (_compatible_model(settings, client) if provider == "compatible" else settings.openai_model)
    messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
    params: dict[str, Any] = {"model": model, "messages": messages, "temperature": temperature}
    if provider == "openai":
        params["max_completion_tokens"] = max_tokens
    else:
        params["max_tokens"] = max_tokens
    if seed is not None:
        params["seed"] = seed
    if schema is not None:
        params["response_format"] = {"type": "json_schema",
                                     "json_schema": {"name": "van_ban", "schema": schema, "strict": True}}
    state = {"emitted": False}

    def once() -> Reply:
        if on_token is None:
            resp = client.chat.completions.create(**params)
            choice = resp.choices[0] if resp.choices else None
            text = (choice.message.content or "") if choice else ""
            if choice is not None and choice.finish_reason == "content_filter" and not text:
                raise failure("blocked", provider)
            usage = resp.usage
            return Reply(text, resp.model or model, getattr(usage, "prompt_tokens", 0) or 0,
                         getattr(usage, "completion_tokens", 0) or 0)
        stream = client.chat.completions.create(**params, stream=True, stream_options={"include_usage": True})
        parts: list[str] = []
        t_in = t_out = 0
        used_model = model
        for chunk in stream:
            used_model = chunk.model or used_model
            if chunk.usage:
                t_in, t_out = chunk.usage.prompt_tokens or 0, chunk.usage.completion_tokens or 0
            for choice in chunk.choices or []:
                piece = choice.delta.content if choice.delta else None
                if piece:
                    state["emitted"] = True
                    parts.append(piece)
                    on_token(piece)
        return Reply("".join(parts), used_model, t_in, t_out)

    def once_or_default_temperature() -> Reply:
        try:
            return once()
        except Exception as exc:  # noqa: BLE001
            # Reasoning models (o-series, gpt-5) accept only the default temperature: drop it once.
            import openai

            bad_temp = isinstance(exc, openai.BadRequestError) and (
                exc.param == "temperature" or "temperature" in str(exc.message or "").lower())
            if not bad_temp or "temperature" not in params:
                raise
            params.pop("temperature")
            return once()

    return call_with_retries(provider, model, once_or_default_temperature, lambda: state["emitted"])


# ---------------------------------------------------------------- Gemini


def gemini_client(settings: Settings, *, timeout: float | None = None) -> Any:
    """The one way the course builds a google-genai client (chat, grounded look-up, transcription)."""
    from google import genai
    from google.genai import types

    # google-genai 3.x talks to API `v1` unless told otherwise; the course pins `v1beta`, where every
    # field it sends (system instruction, thinking config, seed) is served. GOOGLE_GENAI_API_VERSION
    # (the SDK's own variable) still overrides it.
    http = types.HttpOptions(api_version=settings.genai_api_version,
                             timeout=int((timeout or settings.llm_timeout_s) * 1000))
    if settings.gemini_base_url:
        http.base_url = settings.gemini_base_url
    return genai.Client(api_key=settings.gemini_api_key, http_options=http)


def gemini_chat(settings: Settings, prompt: str, system: str | None, model: str | None, temperature: float,
                max_tokens: int, seed: int | None, on_token: Callable[[str], None] | None,
                schema: dict[str, Any] | None = None) -> Reply:
    """One Gemini `generateContent` (or `streamGenerateContent`) call with bounded retries.

    With `schema` the answer is JSON of that shape (`response_mime_type` + `response_json_schema`).
    """
    from google.genai import types

    if not settings.gemini_api_key:
        raise failure("no_key", "gemini")
    client = gemini_client(settings)
    model = model or settings.gemini_model
    config = types.GenerateContentConfig(
        system_instruction=system or None, temperature=temperature, max_output_tokens=max_tokens, seed=seed
    )
    if schema is not None:
        config.response_mime_type = "application/json"
        config.response_json_schema = schema
    if model.startswith("gemini-2.5-flash"):
        # Thinking tokens would eat the small class budget; Flash allows switching them off.
        config.thinking_config = types.ThinkingConfig(thinking_budget=0)
    state = {"emitted": False}

    def usage(meta: Any) -> tuple[int, int]:
        if meta is None:
            return 0, 0
        return int(meta.prompt_token_count or 0), int((meta.candidates_token_count or 0)
                                                     + (getattr(meta, "thoughts_token_count", 0) or 0))

    def once() -> Reply:
        if on_token is None:
            resp = client.models.generate_content(model=model, contents=prompt, config=config)
            text = resp.text or ""
            if not text and resp.prompt_feedback and resp.prompt_feedback.block_reason:
                raise failure("blocked", "gemini")
            t_in, t_out = usage(resp.usage_metadata)
            return Reply(text, resp.model_version or model, t_in, t_out)
        parts: list[str] = []
        t_in = t_out = 0
        used_model = model
        for chunk in client.models.generate_content_stream(model=model, contents=prompt, config=config):
            used_model = chunk.model_version or used_model
            if chunk.usage_metadata:
                t_in, t_out = usage(chunk.usage_metadata)
            piece = chunk.text or ""
            if piece:
                state["emitted"] = True
                parts.append(piece)
                on_token(piece)
        return Reply("".join(parts), used_model, t_in, t_out)

    return call_with_retries("gemini", model, once, lambda: state["emitted"])
