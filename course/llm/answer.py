"""`Answer`: what every call to a language model returns, whatever the provider."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from course.catalogue import provider_label


@dataclass
class Answer:
    """Text plus metadata. On failure `error` holds a short Vietnamese message and `text` is ""."""

    text: str = ""
    provider: str = ""
    model: str = ""
    tokens_in: int = 0
    tokens_out: int = 0
    latency_s: float = 0.0
    cost_usd: float | None = 0.0
    replayed: bool = False
    fallback_from: str | None = None
    redactions: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None
    notices: list[str] = field(default_factory=list)
    streamed: bool = False  # the text was already printed while it arrived

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def label(self) -> str:
        """One short Vietnamese line: who answered, and how far to trust it."""
        base = provider_label(self.provider) if self.provider else "không rõ"
        if self.provider == "compatible" and self.model:
            base = f"{base} ({self.model})"
        if self.replayed:
            base = f"BẢN GHI LẠI (phát lại, không gọi mô hình) — {base}"
        if self.fallback_from:
            base = f"{base} — dùng thay cho {provider_label(self.fallback_from)}"
        return base

    def footer(self) -> str:
        """One line for the CLI and notebooks: provider, model, tokens, seconds, cost."""
        cost = "" if not self.cost_usd else f", ~{self.cost_usd:.5f} USD"
        replay = ", phát lại" if self.replayed else ""
        return (
            f"[{self.provider or '?'} · {self.model or '?'} · {self.tokens_in}→{self.tokens_out} token · "
            f"{self.latency_s:.1f} giây{cost}{replay}]"
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["label"] = self.label
        return data

    def __str__(self) -> str:
        return self.text if self.ok else f"Lỗi: {self.error}"

    def _repr_markdown_(self) -> str:
        notes = "" if self.streamed else "".join(f"\n\n> {n}" for n in self.notices)
        if not self.ok:
            return f"**Lỗi:** {self.error}{notes}"
        body = "" if self.streamed else f"{self.text}\n\n"
        return f"{body}*{self.label}* {self.footer()}{notes}"
