"""Privacy guard: find Vietnamese personal data and replace it by reversible placeholders.

```python
from course.privacy import redact, restore, find_pii
r = redact("Anh Nam, CCCD 001203004567, ĐT 0912 345 678")
r.text      # 'Anh Nam, CCCD [CCCD_1], ĐT [SDT_1]'   ← only this may leave the machine
r.mapping   # {'[CCCD_1]': '001203004567', '[SDT_1]': '0912 345 678'}
restore("Đã ghi nhận [SDT_1].", r.mapping)   # placeholders mapped back for display
```
Names become `[HO_TEN_1]` the same way. Sensitive data about a person (health, criminal record …) is
never sent as written: `redact` replaces it by a general wording, and `Redaction.blocked` tells the
caller to stop unless the policy is "generalise" (`Redaction.block_message()` explains why in
Vietnamese, citing Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15). A placeholder-looking text the learner
typed ("[HO_TEN_1]") is sent as "［HO_TEN_1］" and shown back as typed, so it is never mistaken for one
of ours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from course.privacy.detect import KINDS, Finding, find_pii
from course.privacy.sensitive import CATEGORIES

__all__ = ["SENSITIVE_POLICIES", "Finding", "Redaction", "StreamRestorer", "find_pii", "redact", "restore",
           "summary_vi"]

SENSITIVE_POLICIES = ("block", "generalise")
LAW_91 = ("Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (hiệu lực từ ngày 01 tháng 01 năm 2026), đây là "
          "dữ liệu cá nhân nhạy cảm (Điều 2 định nghĩa; danh mục do Chính phủ ban hành)")
_TYPED = re.compile(r"\[([A-Z_]+_\d+)\]")
_OPEN, _CLOSE = "\uff3b", "\uff3d"  # fullwidth brackets: a typed "[X_1]" travels as "［X_1］"


@dataclass
class Redaction:
    """Redacted text, the placeholder → original value mapping, and what was found."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    policy: str = "block"

    @property
    def changed(self) -> bool:
        return bool(self.findings)

    @property
    def sensitive(self) -> list[Finding]:
        """Sensitive data about a person (health, criminal record …) found in the text."""
        return [f for f in self.findings if f.kind == "SENSITIVE"]

    @property
    def blocked(self) -> bool:
        """True when sensitive data was found and the policy says not to send it at all."""
        return bool(self.sensitive) and self.policy != "generalise"

    def report(self) -> str:
        """What would leave this machine and what the guard replaced, in Vietnamese (shown before sending)."""
        if not self.findings:
            return "Không thấy dữ liệu cá nhân: câu hỏi được gửi nguyên văn.\n" + self.text
        head = ("KHÔNG GỬI — có dữ liệu nhạy cảm (xem lý do bên dưới). Nếu được phép gửi, nội dung sẽ là:"
                if self.blocked else "Nội dung gửi lên mạng:")
        lines = [head, "  " + self.text, "Đã thay trên máy này:"]
        placeholder_of = {v: k for k, v in self.mapping.items() if k.startswith("[")}
        shown: set[str] = set()
        for f in self.findings:
            if f.kind == "SENSITIVE":
                label, general = CATEGORIES.get(f.category, ("dữ liệu nhạy cảm", "có thông tin nhạy cảm"))
                lines.append(f"  «{f.value}» → «{general}» ({label})")
            elif f.value not in shown:
                shown.add(f.value)
                lines.append(f"  {placeholder_of.get(f.value, '?')} ← «{f.value}» ({f.label})")
        if self.blocked:
            lines.append(self.block_message())
        return "\n".join(lines)

    def block_message(self) -> str:
        """Vietnamese explanation of why the text is not sent (empty when not blocked)."""
        if not self.blocked:
            return ""
        cats = ", ".join(dict.fromkeys(CATEGORIES.get(f.category, ("dữ liệu nhạy cảm",))[0]
                                       for f in self.sensitive))
        return (f"Câu hỏi có dữ liệu cá nhân nhạy cảm gắn với một người ({cats}) nên không được gửi lên mạng. "
                f"{LAW_91}. Hãy bỏ chi tiết đó (hoặc viết chung chung, ví dụ «một người dân đang điều trị "
                "bệnh»), hoặc dùng mô hình chạy trên máy.")

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


def redact(text: str, mapping: dict[str, str] | None = None, sensitive: str = "block") -> Redaction:
    """Replace personal data in `text` by placeholders like `[CCCD_1]`, `[HO_TEN_1]`.

    The same value always gets the same placeholder. Pass the `mapping` of an earlier redaction
    (e.g. of the system prompt) to keep numbering consistent across several texts. Sensitive data is
    replaced by a general wording ("có vấn đề sức khoẻ"), not a placeholder; with `sensitive="block"`
    (the default) the result is also marked `blocked`.
    """
    if sensitive not in SENSITIVE_POLICIES:
        raise ValueError(f"sensitive must be one of {SENSITIVE_POLICIES}")
    text = unicodedata.normalize("NFC", text or "")
    mapping = dict(mapping or {})
    by_value = {v: k for k, v in mapping.items() if k.startswith("[")}
    counters: dict[str, int] = {}
    for placeholder in mapping:
        m = re.fullmatch(r"\[([A-Z_]+)_(\d+)\]", placeholder)
        if m:
            counters[m.group(1)] = max(counters.get(m.group(1), 0), int(m.group(2)))
    findings = find_pii(text)
    out: list[str] = []
    pos = 0
    for f in findings:
        out.append(_escape_typed(text[pos : f.start], mapping))
        pos = f.end
        if f.kind == "SENSITIVE":
            out.append(CATEGORIES.get(f.category, ("", "có thông tin nhạy cảm"))[1])
            continue
        stem = KINDS[f.kind][0]
        placeholder = by_value.get(f.value)
        if placeholder is None:
            counters[stem] = counters.get(stem, 0) + 1
            placeholder = f"[{stem}_{counters[stem]}]"
            mapping[placeholder] = f.value
            by_value[f.value] = placeholder
        out.append(placeholder)
    out.append(_escape_typed(text[pos:], mapping))
    return Redaction("".join(out), mapping, findings, sensitive)


def _escape_typed(chunk: str, mapping: dict[str, str]) -> str:
    """A placeholder-looking text the learner typed travels in fullwidth brackets and comes back as typed."""
    def swap(m: re.Match[str]) -> str:
        wire = f"{_OPEN}{m.group(1)}{_CLOSE}"
        mapping[wire] = m.group(0)
        return wire

    return _TYPED.sub(swap, chunk)


_PLACEHOLDER = re.compile(r"[\[\uff3b]([A-Z_]+_\d+)[\]\uff3d]")


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
        cut = max(buf.rfind("["), buf.rfind(_OPEN))
        if cut != -1 and "]" not in buf[cut:] and _CLOSE not in buf[cut:] and len(buf) - cut <= 24:
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
    n = sum(1 for k in redaction.mapping if k.startswith("[")) + len(redaction.sensitive)
    return (
        f"Đã che {n} thông tin cá nhân ({', '.join(redaction.kinds())}) trước khi gửi lên mạng; "
        "câu trả lời hiển thị lại giá trị thật ngay trên máy này."
    )
