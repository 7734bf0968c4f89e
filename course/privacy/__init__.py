"""Privacy guard: find Vietnamese personal data and replace it by reversible placeholders.

```python
from course.privacy import redact, restore, find_pii
r = redact("Anh Nam, CCCD 001203004567, ĐT 0912 345 678")
r.text      # 'Anh Nam, CCCD [CCCD_1], ĐT [SDT_1]'   ← only this may leave the machine
r.mapping   # {'[CCCD_1]': '001203004567', '[SDT_1]': '0912 345 678'}
restore("Đã ghi nhận [SDT_1].", r.mapping)   # placeholders mapped back for display
```
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from course.privacy.detect import KINDS, Finding, find_pii

__all__ = ["Finding", "Redaction", "StreamRestorer", "find_pii", "redact", "restore", "summary_vi"]


@dataclass
class Redaction:
    """Redacted text, the placeholder → original value mapping, and what was found."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.findings)

    def kinds(self) -> list[str]:
        """Vietnamese labels of the kinds found, in order of first appearance, no repeats."""
        seen: list[str] = []
        for f in self.findings:
            if f.label not in seen:
                seen.append(f.label)
        return seen

    def notice(self) -> str:
        """One Vietnamese sentence telling the learner what was hidden (empty when nothing)."""
        return summary_vi(self)


def redact(text: str, mapping: dict[str, str] | None = None) -> Redaction:
    """Replace personal data in `text` by placeholders like `[CCCD_1]`.

    The same value always gets the same placeholder. Pass the `mapping` of an earlier redaction
    (e.g. of the system prompt) to keep numbering consistent across several texts.
    """
    text = unicodedata.normalize("NFC", text or "")
    mapping = dict(mapping or {})
    by_value = {v: k for k, v in mapping.items()}
    counters: dict[str, int] = {}
    for placeholder in mapping:
        m = re.fullmatch(r"\[([A-Z_]+)_(\d+)\]", placeholder)
        if m:
            counters[m.group(1)] = max(counters.get(m.group(1), 0), int(m.group(2)))
    findings = find_pii(text)
    out: list[str] = []
    pos = 0
    for f in findings:
        stem = KINDS[f.kind][0]
        placeholder = by_value.get(f.value)
        if placeholder is None:
            counters[stem] = counters.get(stem, 0) + 1
            placeholder = f"[{stem}_{counters[stem]}]"
            mapping[placeholder] = f.value
            by_value[f.value] = placeholder
        out.append(text[pos : f.start])
        out.append(placeholder)
        pos = f.end
    out.append(text[pos:])
    return Redaction("".join(out), mapping, findings)


_PLACEHOLDER = re.compile(r"\[([A-Z_]+_\d+)\]")


def restore(text: str, mapping: dict[str, str]) -> str:
    """Put the original values back in place of the placeholders (for display on this machine)."""
    if not mapping or not text:
        return text
    return _PLACEHOLDER.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)


class StreamRestorer:
    """Restore placeholders in streamed text even when one is split across chunks."""

    def __init__(self, mapping: dict[str, str], emit: Callable[[str], None]) -> None:
        self.mapping = mapping
        self.emit = emit
        self._pending = ""

    def feed(self, chunk: str) -> None:
        buf = self._pending + chunk
        cut = buf.rfind("[")
        if cut != -1 and "]" not in buf[cut:] and len(buf) - cut <= 24:
            self._pending, buf = buf[cut:], buf[:cut]
        else:
            self._pending = ""
        if buf:
            self.emit(restore(buf, self.mapping))

    def flush(self) -> None:
        if self._pending:
            self.emit(restore(self._pending, self.mapping))
            self._pending = ""


def summary_vi(redaction: Redaction) -> str:
    """'Đã che 2 thông tin cá nhân (số điện thoại, số căn cước công dân) trước khi gửi lên mạng.'"""
    if not redaction.findings:
        return ""
    n = len(redaction.mapping)
    return (
        f"Đã che {n} thông tin cá nhân ({', '.join(redaction.kinds())}) trước khi gửi lên mạng; "
        "câu trả lời hiển thị lại giá trị thật ngay trên máy này."
    )
