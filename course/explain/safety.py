"""Safe or not: sort requests into "được dùng AI công cộng / cần ẩn danh / không được".

Each example has the trainers' answer and why. `suggest()` is a rough rule for any text: secret
or highly sensitive markers → not allowed; personal data found by `course.privacy` → anonymise
first; otherwise public AI is fine. It is a reminder, not a legal decision.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from course.text import fold

ALLOWED, ANONYMISE, FORBIDDEN = "được dùng AI công cộng", "cần ẩn danh", "không được"
CATEGORIES = (ALLOWED, ANONYMISE, FORBIDDEN)

# Markers of state secrets or internal-only papers. "mật" is only trusted with its diacritics
# (without them "mat" is also "mất", "mặt", "mắt"); the others are compared without diacritics.
SECRET_WORDS = ("mật",)
SECRET_MARKERS = ("toi mat", "tuyet mat", "bi mat nha nuoc", "tai lieu mat", "van ban mat", "cong van mat",
                  "khong pho bien", "luu hanh noi bo", "quoc phong", "ke hoach tac chien")
# Sensitive personal data that small communities can re-identify even without names.
SENSITIVE_MARKERS = ("hiv", "benh an", "ho so benh", "tien an", "tien su", "xet nghiem ma tuy", "nghien ma tuy")


@dataclass(frozen=True)
class Request:
    """An example request, the trainers' category and the reason."""

    text: str
    category: str
    why: str


EXAMPLES: tuple[Request, ...] = (
    Request("Soạn thông báo lịch tiêm phòng dại cho chó, mèo tại các tiểu khu trong tháng 9.", ALLOWED,
            "Thông tin công khai, không có dữ liệu cá nhân."),
    Request("Tóm tắt đơn của ông Lò Văn Pánh, CCCD 014085001234, SĐT 0912 345 678, về tranh chấp đất.",
            ANONYMISE, "Có họ tên, số định danh và số điện thoại: thay bằng ký hiệu trước khi gửi."),
    Request("Phân tích công văn MẬT của Công an tỉnh về phương án bảo vệ mục tiêu trên địa bàn.", FORBIDDEN,
            "Tài liệu mật: không bao giờ đưa vào chatbot công cộng, kể cả khi đã xoá tên."),
    Request("Giải thích thủ tục đăng ký khai sinh bằng lời dễ hiểu cho người dân.", ALLOWED,
            "Nội dung pháp luật công khai."),
    Request("Viết thư trả lời chị Hà (email ha.nguyen@gmail.com) về lịch tiếp công dân tuần sau.", ANONYMISE,
            "Có địa chỉ email cá nhân: ẩn đi, điền lại sau khi có bản nháp."),
    Request("Sửa chính tả biên bản về hồ sơ bệnh án HIV của một người dân trong bản.", FORBIDDEN,
            "Dữ liệu sức khoẻ là dữ liệu cá nhân nhạy cảm; ở bản nhỏ, bỏ tên vẫn có thể nhận ra người đó."),
    Request("Dịch sang tiếng Anh lời giới thiệu du lịch đồi chè Mộc Châu.", ALLOWED,
            "Nội dung quảng bá công khai."),
    Request("Lập bảng chi trả hỗ trợ cho bà Quàng Thị Xuân, số tài khoản 0123456789 tại Agribank.", ANONYMISE,
            "Có họ tên và số tài khoản ngân hàng: ẩn trước khi nhờ AI lập bảng."),
    Request("Tóm tắt tài liệu «Tối mật» về kế hoạch quốc phòng của địa phương.", FORBIDDEN,
            "Bí mật nhà nước: tuyệt đối không dùng AI công cộng."),
)


def _has(text: str, marker: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(marker)}(?!\w)", text) is not None


def suggest(text: str) -> tuple[str, str]:
    """(category, Vietnamese reason) by a simple rule; the official decision stays with people."""
    from course.privacy import find_pii

    folded = fold(text)
    lowered = unicodedata.normalize("NFC", text.lower())
    if any(_has(lowered, m) for m in SECRET_WORDS) or any(_has(folded, m) for m in SECRET_MARKERS):
        return FORBIDDEN, "Có dấu hiệu tài liệu mật hoặc nội bộ."
    if any(_has(folded, m) for m in SENSITIVE_MARKERS):
        return FORBIDDEN, "Có dữ liệu cá nhân nhạy cảm (sức khoẻ, tiền án…)."
    found = find_pii(text)
    if found:
        kinds = ", ".join(dict.fromkeys(f.label for f in found))
        return ANONYMISE, f"Có dữ liệu cá nhân: {kinds}."
    return ALLOWED, "Không thấy dữ liệu cá nhân hay dấu hiệu tài liệu mật."


def redaction_html(text: str) -> str:
    """What `course.privacy.redact` would send instead of the text."""
    from course.privacy import redact

    r = redact(text)
    if not r.changed:
        return "<i>Không có gì cần ẩn.</i>"
    return f"Gửi đi sẽ là: <code>{html.escape(r.text)}</code><br><small>{html.escape(r.notice())}</small>"


def score(choices: Sequence[str | None], examples: Sequence[Request] = EXAMPLES) -> int:
    """How many choices match the trainers' categories."""
    return sum(c == e.category for c, e in zip(choices, examples, strict=False))


class SafetySorter:
    """One drop-down per example + "Xem đáp án"; a free box to try any request."""

    def __init__(self, examples: Sequence[Request] = EXAMPLES) -> None:
        import ipywidgets as w

        self.examples = list(examples)
        self.dropdowns = [w.Dropdown(options=[("— chọn —", None)] + [(c, c) for c in CATEGORIES], index=0,
                                     layout=w.Layout(width="15em")) for _ in self.examples]
        rows = [w.HBox([dd, w.HTML(f"<b>{i}.</b> {html.escape(e.text)}")])
                for i, (dd, e) in enumerate(zip(self.dropdowns, self.examples, strict=True), start=1)]
        self.check_button = w.Button(description="Xem đáp án", button_style="info", icon="eye",
                                     layout=w.Layout(width="auto"))
        self.result = w.HTML()
        from course.widgets.safe import guard

        self.check_button.on_click(guard(lambda _b: self.reveal(), lambda m: setattr(self.result, "value", m)))
        self.free = w.Textarea(placeholder="Dán một yêu cầu bạn định gửi cho AI…", layout=w.Layout(width="100%"))
        self.free_button = w.Button(description="Kiểm tra yêu cầu này", icon="shield", layout=w.Layout(width="auto"))
        self.free_result = w.HTML()
        self.free_button.on_click(guard(lambda _b: self.try_text(),
                                        lambda m: setattr(self.free_result, "value", m)))
        self.widget = w.VBox([*rows, self.check_button, self.result,
                              w.HTML("<b>Thử với yêu cầu của bạn:</b>"), self.free, self.free_button,
                              self.free_result])

    def reveal(self) -> int:
        """Show the trainers' answers with reasons and what would be redacted; return the score."""
        items = []
        for i, (dd, e) in enumerate(zip(self.dropdowns, self.examples, strict=True), start=1):
            mark = "✔" if dd.value == e.category else ("–" if dd.value is None else "✘")
            items.append(f"<li>{mark} <b>{i}. {html.escape(e.category)}</b> — {html.escape(e.why)}<br>"
                         f"{redaction_html(e.text)}</li>")
        got = score([dd.value for dd in self.dropdowns], self.examples)
        self.result.value = f"<p><b>Bạn xếp đúng {got}/{len(self.examples)}.</b></p><ol style='list-style:none'>" \
                            + "".join(items) + "</ol>"
        return got

    def try_text(self) -> tuple[str, str]:
        """Rough category + redaction preview for the free box."""
        cat, why = suggest(self.free.value)
        self.free_result.value = (f"<p>Gợi ý: <b>{html.escape(cat)}</b> — {html.escape(why)}<br>"
                                  f"{redaction_html(self.free.value)}<br><small>Đây là quy tắc đơn giản của máy; "
                                  "người chịu trách nhiệm quyết định là bạn.</small></p>")
        return cat, why


def safety_sorter(examples: Sequence[Request] = EXAMPLES) -> None:
    """Show the safety sorter widget."""
    from IPython.display import display

    display(SafetySorter(examples).widget)
