"""`ask()` and `compare()`: one way for every notebook to talk to a language model.

Order of a call: settings → (grading? stop) → provider choice → privacy guard (cloud only) →
replay cache (when preferred) → live call with bounded retries → on failure: replay of a
recording, else (in `auto` mode) the local model → usage log. Nothing here raises for provider
trouble: the `Answer` carries a short Vietnamese `error` instead.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from course.config import CLOUD_PROVIDERS, PROVIDERS, Settings, load_settings
from course.errors import CourseError
from course.llm import providers as prov
from course.llm import store
from course.llm.answer import Answer
from course.privacy import SENSITIVE_POLICIES, Redaction, StreamRestorer, redact, restore

GRADING_MESSAGE = "Đang chấm bài tự động nên không gọi mô hình AI (NBGRADER_EXECUTION)."
PII_POLICIES = ("redact", "block", "allow")
REPLAY_MODES = {"auto": "auto", "prefer": "prefer", "always": "prefer", "on": "prefer", "off": "off"}


def _printer(piece: str) -> None:
    sys.stdout.write(piece)
    sys.stdout.flush()


def _note(ans: Answer, text: str, sink: Callable[[str], None] | None) -> None:
    """Add a notice for the learner; when the answer is printed as it streams, print it too."""
    ans.notices.append(text)
    if sink is _printer:
        _printer(text + "\n")


def _strip_leading(emit: Callable[[str], None]) -> Callable[[str], None]:
    """Drop whitespace before the first visible character of a stream."""
    started = False

    def inner(piece: str) -> None:
        nonlocal started
        if not started:
            piece = piece.lstrip()
            if not piece:
                return
            started = True
        emit(piece)

    return inner


def _when(stamp: str) -> str:
    """'2026-01-05T09:30:00' → 'lúc 09:30 ngày 05 tháng 01 năm 2026'."""
    try:
        t = time.strptime(stamp, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return "trước đây"
    month = f"{t.tm_mon:02d}" if t.tm_mon < 3 else str(t.tm_mon)  # Nghị định 30/2020 date style
    return f"lúc {t.tm_hour:02d}:{t.tm_min:02d} ngày {t.tm_mday:02d} tháng {month} năm {t.tm_year}"


def needs_guard(settings: Settings, provider: str) -> bool:
    """True when text would leave this machine: OpenAI, Gemini, or a compatible server elsewhere."""
    if provider in ("openai", "gemini"):
        return True
    return provider == "compatible" and not settings.compatible_is_local


def _run_local(prompt: str, system: str | None, temperature: float, max_tokens: int, seed: int | None,
               sink: Callable[[str], None] | None, schema: dict[str, Any] | None = None) -> prov.Reply:
    """The local model: COURSE_LLM_MODEL through its chat template, or Gemma 270M in a few-shot frame."""
    from course.llm import local
    from course.local_models import llm_spec

    spec = llm_spec(local.chat_model())
    emit = _strip_leading(sink) if sink else None
    if spec.instruct:
        messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
        out = local.chat(messages, schema=schema, max_tokens=max_tokens, temperature=temperature, seed=seed,
                         on_token=emit)
        return prov.Reply(out.text.strip(), spec.label, out.tokens_in, out.tokens_out)
    if schema is not None:
        from course.llm.local import LocalModelError

        raise LocalModelError(f"{spec.label} là mô hình nền, không điền được mẫu có cấu trúc.",
                              hint="Đặt COURSE_LLM_MODEL=qwen2.5-coder-1.5b.")
    out = local.complete(
        local.frame_prompt(prompt, system), max_tokens=max_tokens, temperature=temperature, seed=seed,
        stop=local.STOP, stream=sink is not None, on_token=emit,
    )
    return prov.Reply(out.text.strip(), local.LOCAL_MODEL_NAME, out.tokens_in, out.tokens_out)


def _call(settings: Settings, provider: str, prompt: str, system: str | None, model: str | None,
          temperature: float, max_tokens: int, seed: int | None,
          sink: Callable[[str], None] | None, schema: dict[str, Any] | None = None) -> prov.Reply:
    if provider == "local":
        return _run_local(prompt, system, temperature, max_tokens, seed, sink, schema)
    if provider == "gemini":
        return prov.gemini_chat(settings, prompt, system, model, temperature, max_tokens, seed, sink, schema)
    return prov.openai_chat(settings, provider, prompt, system, model, temperature, max_tokens, seed, sink, schema)


def _attempt(settings: Settings, provider: str, prompt: str, system: str | None, model: str | None,
             temperature: float, max_tokens: int, seed: int | None, sink: Callable[[str], None] | None,
             pii_policy: str, use_cache: bool, sensitive_policy: str = "block",
             schema: dict[str, Any] | None = None) -> Answer:
    """One provider, guard + cache + live call. Raises `ProviderFailure`/`CourseError` on failure."""
    ans = Answer(provider=provider)
    mapping: dict[str, str] = {}
    sent_prompt, sent_system = prompt, system
    if needs_guard(settings, provider) and pii_policy != "allow":
        r_sys = redact(system, sensitive=sensitive_policy) if system else Redaction("")
        r = redact(prompt, r_sys.mapping, sensitive=sensitive_policy)
        if r.blocked or r_sys.blocked:
            raise prov.ProviderFailure("sensitive_blocked", (r if r.blocked else r_sys).block_message())
        mapping = r.mapping
        sent_prompt, sent_system = r.text, (r_sys.text if system else None)
        if r.findings or r_sys.findings:
            kinds = ", ".join(dict.fromkeys(r_sys.kinds() + r.kinds()))
            if pii_policy == "block":
                raise prov.ProviderFailure(
                    "pii_blocked",
                    f"Câu hỏi có thông tin cá nhân ({kinds}) nên không được gửi lên mạng (chế độ chặn). "
                    "Xoá các thông tin đó, hoặc dùng mô hình trên máy (provider=\"local\").",
                )
            placeholder_of = {v: k for k, v in mapping.items() if k.startswith("[")}
            seen: dict[str, dict[str, str]] = {}
            for f in r_sys.findings + r.findings:
                ph = placeholder_of.get(f.value, f"({f.label})")
                seen.setdefault(ph, {"placeholder": ph, "kind": f.kind, "label": f.label})
            ans.redactions = list(seen.values())
            _note(ans, f"Đã che {len(seen)} thông tin cá nhân ({kinds}) trước khi gửi lên mạng; "
                       "câu trả lời hiển thị lại giá trị thật ngay trên máy này.", sink)

    replay_mode = REPLAY_MODES.get(settings.replay, "auto") if use_cache else "off"
    resolved_model = model or prov.default_model(settings, provider)
    params: dict[str, Any] = {"temperature": temperature, "max_tokens": max_tokens, "seed": seed}
    if schema is not None:
        params["schema"] = schema
    key = store.cache_key(provider, resolved_model, sent_prompt, sent_system, params)
    emit = StreamRestorer(mapping, sink) if (sink and mapping) else None

    def replay(entry: dict[str, Any], why: str) -> Answer:
        ans.text = restore(entry.get("text", ""), mapping)
        ans.model = entry.get("model", resolved_model)
        ans.tokens_in, ans.tokens_out = int(entry.get("tokens_in", 0)), int(entry.get("tokens_out", 0))
        ans.cost_usd = 0.0
        ans.replayed = True
        _note(ans, f"BẢN GHI LẠI: {why} Đây là câu trả lời đã ghi {_when(entry.get('saved_at', ''))}, "
                   "không phải câu trả lời mới.", sink)
        if sink:
            sink(ans.text)
        return ans

    if replay_mode == "prefer":
        entry = store.cache_get(settings, key)
        if entry is not None:
            return replay(entry, "chế độ phát lại đang bật (COURSE_REPLAY).")
    try:
        reply = _call(settings, provider, sent_prompt, sent_system, model, temperature, max_tokens, seed,
                      emit.feed if emit else sink, schema)
    except prov.ProviderFailure as fail:
        entry = store.cache_get(settings, key) if replay_mode == "auto" and provider != "local" else None
        if entry is not None:
            _note(ans, fail.message, sink)
            return replay(entry, "không gọi được mô hình lúc này.")
        raise
    if emit:
        emit.flush()
    if not reply.text and provider != "local":
        raise prov.failure("empty", provider)
    if replay_mode != "off":
        store.cache_put(settings, key, {"provider": provider, "model": reply.model, "text": reply.text,
                                        "tokens_in": reply.tokens_in, "tokens_out": reply.tokens_out})
    ans.text = restore(reply.text, mapping)
    ans.model = reply.model
    ans.tokens_in, ans.tokens_out = reply.tokens_in, reply.tokens_out
    ans.cost_usd = prov.estimate_cost(provider, reply.model, reply.tokens_in, reply.tokens_out)
    if provider == "local" and not ans.text:
        _note(ans, "Mô hình nhỏ không viết ra chữ nào. Thử lại, hoặc tăng temperature.", sink)
    return ans


def _safe_attempt(settings: Settings, provider: str, *args: Any) -> Answer:
    try:
        return _attempt(settings, provider, *args)
    except prov.ProviderFailure as fail:
        return Answer(provider=provider, error=fail.message)
    except CourseError as exc:
        return Answer(provider=provider, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a learner never sees a traceback
        return Answer(provider=provider, error=prov.classify(provider, exc).message)


def ask(
    prompt: str,
    system: str | None = None,
    provider: str | None = None,
    model: str | None = None,
    temperature: float = 0.7,
    max_tokens: int = 256,
    seed: int | None = None,
    stream: bool = False,
    on_token: Callable[[str], None] | None = None,
    pii_policy: str | None = None,
    use_cache: bool = True,
    sensitive_policy: str = "block",
    schema: dict[str, Any] | None = None,
) -> Answer:
    """Ask a language model; returns an `Answer` (never raises for provider trouble).

    provider: None → settings (`auto`: a cloud provider with a key, else "local"); or one of
    "local", "openai", "gemini", "compatible", "auto". stream=True prints text as it arrives
    (or passes each piece to `on_token`). pii_policy: "redact" (default) / "block" / "allow" for
    cloud providers. sensitive_policy: "block" (default: sensitive data about a person — health,
    criminal record … — stops the cloud call with a Vietnamese explanation) or "generalise" (sent as
    a general wording). In `auto` mode a cloud failure falls back to the local model and says so.
    schema: a JSON schema the answer must follow (JSON text in `Answer.text`): a grammar for the local
    model, the provider's structured-output mode for ChatGPT / Gemini / compatible servers.
    """
    start = time.perf_counter()
    try:
        settings = load_settings()
    except ValueError as exc:
        return Answer(provider=provider or "", error=str(exc))
    if os.environ.get("NBGRADER_EXECUTION"):
        return Answer(provider=provider or settings.provider, error=GRADING_MESSAGE)
    requested = (provider or settings.provider or "auto").lower()
    if requested not in PROVIDERS:
        return Answer(provider=requested, error=f"Không có nhà cung cấp «{requested}». Chọn một trong: "
                                                f"{', '.join(PROVIDERS)}.")
    policy = (pii_policy or settings.pii_policy or "redact").lower()
    if policy not in PII_POLICIES:
        return Answer(provider=requested, error=f"Chế độ bảo vệ dữ liệu «{policy}» không hợp lệ. Chọn: "
                                                f"{', '.join(PII_POLICIES)}.")
    if not (prompt or "").strip():
        return Answer(provider=requested, error="Câu hỏi đang để trống. Hãy gõ câu hỏi rồi chạy lại ô lệnh.")
    if sensitive_policy not in SENSITIVE_POLICIES:
        return Answer(provider=requested, error=f"Chế độ dữ liệu nhạy cảm «{sensitive_policy}» không hợp lệ. "
                                                f"Chọn: {', '.join(SENSITIVE_POLICIES)}.")
    auto = requested == "auto"
    chosen = settings.active_provider() if auto else requested
    if auto and chosen == "auto":  # pragma: no cover - defensive
        chosen = "local"
    sink = on_token or (_printer if stream else None)
    args = (prompt or "", system, model, float(temperature), int(max_tokens), seed, sink, policy, use_cache,
            sensitive_policy, schema)
    ans = _safe_attempt(settings, chosen, *args)
    if auto and chosen in CLOUD_PROVIDERS and ans.error and "(chế độ chặn)" not in ans.error:
        reason = ans.error
        switched = f"{reason} Đã chuyển sang mô hình nhỏ chạy trên máy (có thể sai)."
        if sink is _printer:
            _printer(switched + "\n")
        ans = _safe_attempt(settings, "local", prompt or "", system, None, *args[3:])
        ans.fallback_from = chosen
        ans.notices.insert(0, switched)
        if ans.error:
            ans.error = f"{reason} Mô hình trên máy cũng lỗi: {ans.error}"
    ans.latency_s = time.perf_counter() - start
    if sink is _printer:
        _printer("\n")
        ans.streamed = ans.ok
    store.log_usage(settings, {
        "provider": ans.provider, "model": ans.model, "tokens_in": ans.tokens_in, "tokens_out": ans.tokens_out,
        "latency_s": round(ans.latency_s, 3), "cost_usd": ans.cost_usd, "replayed": ans.replayed,
        "fallback_from": ans.fallback_from, "ok": ans.ok, "redactions": len(ans.redactions),
    })
    return ans


def compare(prompt: str, providers: Sequence[str] | None = None, **kw: Any) -> list[Answer]:
    """Send the same prompt to several providers (default: every usable one) for side-by-side display."""
    if providers is None:
        try:
            providers = load_settings().available_providers()
        except ValueError:
            providers = ["local"]
    kw.pop("provider", None)
    return [ask(prompt, provider=p, **kw) for p in providers]
