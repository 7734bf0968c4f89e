"""The offline models in-process through llama-cpp-python.

Two roles. Gemma 3 270M, a *base* model, teaches how a language model works (`get_llama()`):
its tokens, its next-token probabilities. The model `COURSE_LLM_MODEL` names (default
Qwen2.5-Coder 1.5B Instruct) chats and drafts through its chat template (`chat()`), optionally
under a JSON schema that llama.cpp turns into a grammar. Each model is loaded once per process
and guarded by one lock, because a `llama_cpp.Llama` object is not thread-safe. For teaching:

- `next_token_probs(text, k)`: the real top-k next-token distribution (softmax of the logits);
- `tokenize(text)`: the token pieces Gemma sees;
- `complete(text, ...)`: a plain completion (temperature, seed, streaming, token counts).

A base model continues text; it does not follow instructions. `frame_prompt()` wraps a question
in a short few-shot "Câu hỏi / Trả lời" frame so the continuation has the shape of an answer.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from course.config import load_settings
from course.errors import CourseError
from course.local_models import GEMMA, llm_spec, prepare_llm

LOCAL_MODEL_NAME = "gemma-3-270m (Q4_K_M)"

_LOCK = threading.RLock()
_LLAMAS: dict[str, Any] = {}

# Few-shot frame for a base model. The examples only show the *shape* of an answer.
FEW_SHOT = (
    "Dưới đây là các câu hỏi và câu trả lời ngắn gọn, chính xác bằng tiếng Việt.\n\n"
    "Câu hỏi: Thủ đô của Việt Nam là thành phố nào?\n"
    "Trả lời: Thủ đô của Việt Nam là Hà Nội.\n\n"
    "Câu hỏi: Một năm có bao nhiêu tháng?\n"
    "Trả lời: Một năm có 12 tháng.\n\n"
)
STOP = ["\nCâu hỏi:", "\n\n\n", "<end_of_turn>", "<eos>"]


class LocalModelError(CourseError):
    """The local model could not be loaded or run."""




@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence llama.cpp's notes (English, technical) while the model loads: its log callback
    prints to Python's `sys.stderr`, the C library to file descriptor 2."""
    try:
        saved = os.dup(2)
    except OSError:  # pragma: no cover - no real fd 2
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull, contextlib.redirect_stderr(io.StringIO()):
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def get_llama(model: str = GEMMA) -> Any:
    """Return the process-wide `llama_cpp.Llama` for `model` (default Gemma 3 270M), loading it on first use."""
    with _LOCK:
        if model in _LLAMAS:
            return _LLAMAS[model]
        try:
            from llama_cpp import Llama
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise LocalModelError(
                "Chưa cài llama-cpp-python nên không chạy được mô hình trên máy.",
                hint="Chạy `make run` để cài đặt lại.",
            ) from exc
        settings = load_settings()
        path = prepare_llm(model, settings)
        try:
            with _quiet_stderr():
                llm = Llama(
                    model_path=str(path),
                    n_ctx=settings.llm_ctx,
                    n_threads=settings.llm_threads,
                    n_threads_batch=settings.llm_threads,
                    seed=0,
                    verbose=False,
                )
        except (ValueError, RuntimeError, OSError) as exc:
            raise LocalModelError(
                f"Không nạp được mô hình {llm_spec(model).label} trên máy (tệp hỏng hoặc thiếu bộ nhớ).",
                hint="Chạy `khoahoc prepare` rồi thử lại.",
            ) from exc
        if not _LLAMAS:
            atexit.register(_close_llamas)
        _LLAMAS[model] = llm
        return llm


def chat_model() -> str:
    """The key of the local model that chats and drafts (COURSE_LLM_MODEL)."""
    return load_settings().llm_model


def _close_llamas() -> None:
    """Free the models before interpreter teardown (llama-cpp's __del__ then fails noisily)."""
    for key in list(_LLAMAS):
        with contextlib.suppress(Exception):
            _LLAMAS.pop(key).close()


def _ids(text: str, add_bos: bool = True) -> list[int]:
    return get_llama().tokenize(text.encode("utf-8"), add_bos=add_bos, special=False)


def _piece(llm: Any, token_id: int) -> str:
    return llm.detokenize([token_id]).decode("utf-8", errors="replace")


def tokenize(text: str) -> list[str]:
    """Gemma's token pieces for `text` (no BOS). Pieces that split a UTF-8 character show as '�'."""
    with _LOCK:
        llm = get_llama()
        return [_piece(llm, t) for t in _ids(text, add_bos=False)]


def count_tokens(text: str) -> int:
    """How many Gemma tokens `text` is (no BOS)."""
    with _LOCK:
        return len(_ids(text, add_bos=False))


def next_token_probs(text: str, k: int = 10) -> list[tuple[str, float]]:
    """The model's real top-k candidates for the next token after `text`, with probabilities.

    Probabilities are the softmax of Gemma's logits over the whole vocabulary (no temperature),
    sorted from most to least likely.
    """
    import numpy as np

    k = max(1, int(k))
    with _LOCK:
        llm = get_llama()
        tokens = _ids(text, add_bos=True)
        if len(tokens) >= llm.n_ctx():
            raise LocalModelError("Đoạn văn quá dài cho mô hình trên máy.", hint="Hãy rút ngắn đoạn văn.")
        # Always from a clean state: reusing a cached prefix changes the numbers slightly, and a
        # learner who asks twice must see the same distribution.
        llm.reset()
        llm.eval(tokens)
        probs = _softmax_last(llm)
        top = np.argpartition(-probs, min(k, len(probs) - 1))[:k]
        top = top[np.argsort(-probs[top])]
        return [(_piece(llm, int(i)), float(probs[i])) for i in top]


def _softmax_last(llm: Any, temperature: float = 1.0) -> Any:
    import llama_cpp
    import numpy as np

    ptr = llama_cpp.llama_get_logits_ith(llm.ctx, -1)
    logits = np.ctypeslib.as_array(ptr, shape=(llm.n_vocab(),)).astype(np.float64)
    logits = logits / max(temperature, 1e-6)
    logits -= logits.max()
    probs = np.exp(logits)
    return probs / probs.sum()


@dataclass
class Step:
    """One generated token: what was chosen, with which probability, and the top-k it was chosen from."""

    token: str
    prob: float
    top: list[tuple[str, float]]


def generate_steps(text: str, n: int = 5, k: int = 5, temperature: float = 0.0,
                   seed: int | None = None) -> list[Step]:
    """Generate `n` tokens one at a time and show, at each step, the real top-k and the pick.

    temperature 0 picks the most likely token; above 0 the pick is sampled from the softmax of
    logits / temperature (the probabilities shown are at that temperature), reproducibly with `seed`.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    steps: list[Step] = []
    with _LOCK:
        llm = get_llama()
        tokens = _ids(text, add_bos=True)
        if len(tokens) + n >= llm.n_ctx():
            raise LocalModelError("Đoạn văn quá dài cho mô hình trên máy.", hint="Hãy rút ngắn đoạn văn.")
        llm.reset()
        llm.eval(tokens)
        for _ in range(max(1, int(n))):
            probs = _softmax_last(llm, temperature if temperature > 0 else 1.0)
            top = np.argsort(-probs)[: max(1, int(k))]
            pick = int(top[0]) if temperature <= 0 else int(rng.choice(len(probs), p=probs))
            steps.append(Step(_piece(llm, pick), float(probs[pick]),
                              [(_piece(llm, int(i)), float(probs[i])) for i in top]))
            if pick == llm.token_eos():
                break
            llm.eval([pick])
    return steps


@dataclass
class Completion:
    """What one local completion produced."""

    text: str
    tokens_in: int
    tokens_out: int
    latency_s: float
    first_token_s: float | None = None
    finish_reason: str = ""


@dataclass
class _Streamed:
    parts: list[str]
    first: float | None  # seconds from `start` to the first piece
    finish: str
    usage: dict[str, Any]


def _collect(chunks: Iterator[dict[str, Any]], piece_of: Callable[[dict[str, Any]], str], start: float,
             on_token: Callable[[str], None] | None) -> _Streamed:
    """Read a llama-cpp-python stream: pieces in order (each passed to `on_token`), first-piece time,
    finish reason and usage. `piece_of` takes a choice's text (completion) or delta content (chat)."""
    got = _Streamed([], None, "", {})
    for chunk in chunks:
        choice = chunk["choices"][0]
        piece = piece_of(choice)
        if piece:
            if got.first is None:
                got.first = time.perf_counter() - start
            got.parts.append(piece)
            if on_token:
                on_token(piece)
        got.finish = choice.get("finish_reason") or got.finish
        got.usage = chunk.get("usage") or got.usage
    return got


def complete(
    text: str,
    max_tokens: int = 64,
    temperature: float = 0.7,
    seed: int | None = None,
    stop: list[str] | None = None,
    stream: bool = False,
    on_token: Callable[[str], None] | None = None,
) -> Completion:
    """Continue `text` with Gemma 3 270M. `temperature=0` is greedy; a fixed `seed` repeats a sample.

    With `stream=True` (or an `on_token` callback) each piece of text is passed to `on_token` as
    soon as it is generated.
    """
    max_tokens = max(1, int(max_tokens))
    kwargs: dict[str, Any] = {
        "max_tokens": max_tokens,
        "temperature": max(0.0, float(temperature)),
        "stop": list(stop) if stop else [],
        "seed": seed if seed is not None else int.from_bytes(os.urandom(4), "little") & 0x7FFFFFFF,
    }
    if temperature <= 0:
        kwargs.update(top_k=1, top_p=1.0, min_p=0.0)
    with _LOCK:
        llm = get_llama()
        tokens_in = len(_ids(text, add_bos=True))
        if tokens_in + max_tokens > llm.n_ctx():
            raise LocalModelError(
                "Câu hỏi quá dài cho mô hình trên máy.", hint="Hãy rút ngắn câu hỏi hoặc giảm max_tokens."
            )
        # A clean state every time: llama-cpp-python would reuse the KV cache of a shared prefix, but
        # with Gemma 3's sliding-window cache that changes the probabilities (measured: 0.18 vs 0.23
        # for the same next token), so the same seed would not always give the same answer.
        llm.reset()
        start = time.perf_counter()
        if not (stream or on_token):
            out = llm.create_completion(text, **kwargs)
            choice = out["choices"][0]
            usage = out.get("usage") or {}
            return Completion(
                text=choice["text"],
                tokens_in=int(usage.get("prompt_tokens", tokens_in)),
                tokens_out=int(usage.get("completion_tokens", 0)),
                latency_s=time.perf_counter() - start,
                finish_reason=choice.get("finish_reason") or "",
            )
        chunks: Iterator[dict[str, Any]] = llm.create_completion(text, stream=True, **kwargs)
        got = _collect(chunks, lambda choice: choice.get("text") or "", start, on_token)
        full, first, finish = "".join(got.parts), got.first, got.finish
        # llama.cpp holds n_tokens = prompt + generated tokens evaluated (the last one is sampled only).
        generated = max(0, int(llm.n_tokens) - tokens_in + (1 if finish == "length" else 0))
        tokens_out = min(max_tokens, generated) if generated else len(_ids(full, add_bos=False))
        return Completion(
            text=full,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            latency_s=time.perf_counter() - start,
            first_token_s=first,
            finish_reason=finish,
        )


def frame_prompt(prompt: str, system: str | None = None) -> str:
    """Wrap a question in the few-shot frame a base model needs to answer it."""
    head = (system.strip() + "\n\n") if system and system.strip() else ""
    return f"{head}{FEW_SHOT}Câu hỏi: {prompt.strip()}\nTrả lời:"



def chat(
    messages: list[dict[str, str]],
    schema: dict[str, Any] | None = None,
    max_tokens: int = 256,
    temperature: float = 0.0,
    seed: int | None = None,
    on_token: Callable[[str], None] | None = None,
    model: str | None = None,
) -> Completion:
    """Answer `messages` with the instruction-tuned local model through its chat template.

    With `schema` (a JSON schema) llama.cpp constrains every token to the grammar of that schema, so the
    answer is JSON of that shape (unless `max_tokens` cuts it: `finish_reason == "length"`). The shared
    start of the messages (system prompt, examples) stays in the model's cache between calls.
    """
    model = model or chat_model()
    if not llm_spec(model).instruct:
        raise LocalModelError(f"{llm_spec(model).label} không có mẫu hội thoại (chat template).",
                              hint="Đặt COURSE_LLM_MODEL=qwen2.5-coder-1.5b.")
    kwargs: dict[str, Any] = {
        "max_tokens": max(1, int(max_tokens)),
        "temperature": max(0.0, float(temperature)),
        "seed": seed if seed is not None else int.from_bytes(os.urandom(4), "little") & 0x7FFFFFFF,
    }
    if temperature <= 0:
        kwargs.update(top_k=1, top_p=1.0, min_p=0.0)
    if schema is not None:
        kwargs["response_format"] = {"type": "json_object", "schema": schema}
    with _LOCK:
        llm = get_llama(model)
        start = time.perf_counter()
        try:
            with _quiet_stderr():
                stream = llm.create_chat_completion(messages, stream=True, **kwargs)
                got = _collect(stream, lambda choice: (choice.get("delta") or {}).get("content") or "", start, on_token)
        except ValueError as exc:  # llama-cpp-python: "Requested tokens (…) exceed context window"
            raise LocalModelError("Yêu cầu quá dài cho mô hình trên máy.",
                                  hint="Hãy rút ngắn ghi chú hoặc giảm max_tokens.") from exc
        # Each streamed piece is at least one token (a split UTF-8 letter waits for the next one).
        n_out = int(got.usage.get("completion_tokens", 0)) or len(got.parts)
        n_in = int(got.usage.get("prompt_tokens", 0)) or max(0, int(llm.n_tokens) - n_out)
        return Completion(text="".join(got.parts), tokens_in=n_in, tokens_out=n_out,
                          latency_s=time.perf_counter() - start, first_token_s=got.first, finish_reason=got.finish)
