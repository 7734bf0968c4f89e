"""Python mistakes explained in Vietnamese for officials who do not program.

`explain(error, source, namespace)` turns the errors a learner meets while typing into a cell —
a SyntaxError (a missing quote, typographic quotes “ ” ‘ ’ that phones and Word insert), an
IndentationError, a NameError (usually a cell above not run, or the kernel restarted), an
interrupted or out-of-memory cell — into a short Vietnamese title, what happened, what to do and,
when a sure fix exists, the corrected line. Returns None for other errors. `course.ui.setup()` shows
the result instead of the English traceback.
"""

from __future__ import annotations

import ast
import difflib
import re
from dataclasses import dataclass
from typing import Any

# typographic quote -> the straight quote Python understands
CURLY_QUOTES = {"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‛": "'"}
_OPENING = {"“", "„", "‟", "‘", "‛"}


@dataclass
class CodeHelp:
    """What the learner reads: a title, the explanation with what to do, and optionally a line to copy."""

    title: str
    message: str
    line: int | None = None
    fixed: str = ""  # the corrected line(s), ready to copy

    def text(self) -> str:
        """Plain text form (outside Jupyter, and for tests)."""
        out = f"{self.title}: {self.message}"
        return out + (f"\n{self.fixed}" if self.fixed else "")


def straighten_quotes(source: str) -> str:
    """`source` with every typographic quote that delimits a string made straight.

    Typographic quotes inside a string written with straight quotes are text and stay:
    `x = “Tổ 5”` -> `x = "Tổ 5"`, but `x = "Ông nói “chào”"` is unchanged.
    """
    out: list[str] = []
    i, n = 0, len(source)
    closer = ""  # the straight delimiter of the string we are in ("" = outside any string)
    curly_open = False  # the string was opened by a typographic quote
    while i < n:
        ch = source[i]
        if not closer:
            if ch == "#":
                end = source.find("\n", i)
                end = n if end == -1 else end
                out.append(source[i:end])
                i = end
                continue
            if ch in "\"'":
                closer = ch * 3 if source.startswith(ch * 3, i) else ch
                curly_open = False
                out.append(closer)
                i += len(closer)
                continue
            if ch in CURLY_QUOTES:
                closer, curly_open = CURLY_QUOTES[ch], True
                out.append(closer)
                i += 1
                continue
            out.append(ch)
            i += 1
            continue
        # inside a string
        if ch == "\\" and i + 1 < n:
            out.append(source[i:i + 2])
            i += 2
            continue
        if source.startswith(closer, i):
            out.append(closer)
            i += len(closer)
            closer = ""
            continue
        if curly_open and ch in CURLY_QUOTES and ch not in _OPENING and CURLY_QUOTES[ch] == closer:
            out.append(closer)  # “…” closed by its typographic partner
            i += 1
            closer = ""
            continue
        if ch == "\n" and len(closer) == 1:
            closer = ""  # an unterminated one-line string: Python will say so; start afresh
        out.append(ch)
        i += 1
    return "".join(out)


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return True


def _quote_help(source: str, lineno: int | None) -> CodeHelp | None:
    lines = source.splitlines()
    bad = [i for i, line in enumerate(lines, start=1) if any(q in line for q in CURLY_QUOTES)]
    if not bad:
        return None
    fixed_source = straighten_quotes(source)
    fixed_lines = fixed_source.splitlines()
    changed = [i for i in bad if i <= len(fixed_lines) and fixed_lines[i - 1] != lines[i - 1]]
    if not changed:
        return None
    first = lineno if lineno in changed else changed[0]
    chars = "".join(dict.fromkeys(q for i in changed for q in lines[i - 1] if q in CURLY_QUOTES))
    message = (f"Dòng {first} có dấu ngoặc cong {' '.join(chars)} — điện thoại và Word tự đổi dấu ngoặc thẳng "
               "thành dấu này. Python chỉ hiểu dấu ngoặc thẳng \" hoặc '.")
    if _parses(fixed_source):
        message += " Hãy sửa lại như dưới đây (gõ lại dấu ngoặc, hoặc chép dòng này), rồi chạy lại ô."
    else:
        message += (" Hãy sửa dấu ngoặc như dưới đây; ô còn một lỗi khác nữa, chạy lại ô sẽ thấy lời nhắc tiếp theo.")
    fixed = "\n".join(fixed_lines[i - 1] for i in changed)
    return CodeHelp("Dấu ngoặc kép chưa đúng", message, first, fixed)


def _indent_help(err: SyntaxError) -> CodeHelp:
    msg, line = (err.msg or "").lower(), err.lineno
    where = f"Dòng {line}" if line else "Một dòng"
    if "unexpected indent" in msg:
        text = (f"{where} có khoảng trắng thừa ở đầu dòng. Hãy xoá các khoảng trắng đó để dòng thẳng hàng với "
                "dòng phía trên, rồi chạy lại ô.")
    elif "expected an indented block" in msg:
        text = (f"Sau một dòng kết thúc bằng dấu hai chấm «:» cần ít nhất một dòng lùi vào 4 dấu cách; {where.lower()} "
                "chưa lùi vào. Hãy thêm 4 dấu cách ở đầu dòng đó, rồi chạy lại ô.")
    elif "tab" in msg:
        text = (f"{where} lùi đầu dòng bằng lẫn phím Tab và dấu cách. Hãy xoá khoảng trắng ở đầu dòng rồi gõ lại "
                "bằng dấu cách cho thẳng hàng với các dòng khác.")
    else:
        text = (f"{where} lùi vào không khớp với các dòng phía trên. Hãy canh đầu dòng cho thẳng hàng với dòng "
                "cùng cấp phía trên (thường là bằng 4 hoặc 8 dấu cách), rồi chạy lại ô.")
    return CodeHelp("Các dòng chưa thẳng hàng", text, line)


def _syntax_help(err: SyntaxError, source: str) -> CodeHelp:
    quotes = _quote_help(source, err.lineno) if source else None
    if quotes is None and err.text and any(q in err.text for q in CURLY_QUOTES):
        quotes = _quote_help(err.text, 1)
        if quotes:
            quotes.line = err.lineno
            quotes.message = quotes.message.replace("Dòng 1", f"Dòng {err.lineno}", 1)
    if quotes:
        return quotes
    if isinstance(err, IndentationError):
        return _indent_help(err)
    msg = (err.msg or "").lower()
    where = f"Dòng {err.lineno}" if err.lineno else "Ô này"
    char = re.search(r"invalid character '(.)'", err.msg or "")
    if "unterminated string" in msg or "unterminated triple-quoted" in msg or "eol while scanning" in msg:
        text = (f"{where} mở dấu ngoặc kép nhưng chưa đóng. Một đoạn chữ phải nằm giữa hai dấu ngoặc giống nhau, "
                "ví dụ \"Tổ dân phố số 5\". Hãy thêm dấu ngoặc đóng ở cuối đoạn chữ, rồi chạy lại ô.")
    elif "incomplete input" in msg:
        text = ("Ô này còn dở dang: có một dấu ngoặc ( [ { hoặc dấu ngoặc kép đã mở mà chưa đóng. "
                "Hãy thêm dấu đóng tương ứng ở cuối, rồi chạy lại ô.")
    elif "was never closed" in msg:
        text = (f"{where} mở dấu ngoặc {err.msg.split(chr(39))[1] if chr(39) in err.msg else '('} nhưng chưa đóng. "
                "Hãy thêm dấu ngoặc đóng tương ứng, rồi chạy lại ô.")
    elif "unmatched" in msg or "does not match opening" in msg:
        text = f"{where} có một dấu ngoặc đóng thừa hoặc không khớp với dấu mở. Hãy xoá hoặc sửa dấu ngoặc đó."
    elif char:
        text = (f"{where} có ký tự «{char.group(1)}» nằm ngoài dấu ngoặc kép, Python không hiểu. Nếu đó là chữ, "
                "hãy đặt cả đoạn vào giữa hai dấu ngoặc kép \"…\"; nếu gõ nhầm, hãy xoá ký tự đó.")
    elif "forgot a comma" in msg:
        text = (f"{where} có hai phần đứng liền nhau mà thiếu dấu phẩy giữa chúng. Hãy thêm dấu phẩy, "
                "hoặc đặt đoạn chữ vào giữa hai dấu ngoặc kép.")
    else:
        text = (f"{where} viết chưa đúng cách Python hiểu (thường do thiếu hoặc thừa một dấu ngoặc, dấu phẩy, "
                "dấu hai chấm). Hãy so với dòng mẫu trong bài, sửa lại, rồi chạy lại ô.")
    return CodeHelp("Lệnh gõ chưa đúng", text, err.lineno)


def _name_help(err: NameError, namespace: dict[str, Any] | None) -> CodeHelp:
    name = getattr(err, "name", None) or (re.findall(r"'([^']+)'", str(err)) or ["?"])[0]
    text = (f"Chưa có «{name}». Thường là do một ô phía trên — nơi tạo ra «{name}» — chưa được chạy, hoặc máy "
            "vừa khởi động lại nên mọi kết quả cũ đã mất. Hãy chạy lần lượt các ô từ đầu bài: bấm vào ô đầu tiên "
            "rồi nhấn Shift+Enter cho đến ô này. Câu trả lời đã chọn trong các khung vẫn được giữ.")
    known = [k for k in (namespace or {}) if not k.startswith("_")]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if close:
        text += f" Hoặc có phải bạn định gõ «{close[0]}»?"
    return CodeHelp("Chưa chạy ô phía trên?", text)


def explain(error: BaseException, source: str = "", namespace: dict[str, Any] | None = None) -> CodeHelp | None:
    """Vietnamese help for a learner's code mistake; None when the error is not one of these."""
    if isinstance(error, SyntaxError):
        return _syntax_help(error, source)
    if isinstance(error, NameError):
        return _name_help(error, namespace)
    if isinstance(error, KeyboardInterrupt):
        return CodeHelp("Ô đã được dừng", "Ô lệnh đã dừng giữa chừng (nút dừng ■ đã được bấm), nên kết quả của "
                        "ô này chưa đủ. Khi sẵn sàng, hãy chạy lại ô.")
    if isinstance(error, MemoryError):
        return CodeHelp("Máy không đủ bộ nhớ", "Việc này cần nhiều bộ nhớ hơn máy đang có. Hãy đóng các bài khác "
                        "đang mở, rồi chạy lại ô; nếu vẫn lỗi, báo giảng viên.")
    return None
