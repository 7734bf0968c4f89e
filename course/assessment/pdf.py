"""PDF building blocks shared by the report and the certificates (ReportLab).

Fonts: DejaVu Serif and DejaVu Sans, which ship inside matplotlib (a course dependency) and cover
every Vietnamese letter; they are embedded (subset) in each PDF so the file prints the same
anywhere. `COURSE_FONT_DIR` points at another folder holding the same file names.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from course.assessment.classes import AssessmentError
from course.config import load_settings

FONT_FILES = {
    "Serif": "DejaVuSerif.ttf", "Serif-Bold": "DejaVuSerif-Bold.ttf", "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf", "Sans": "DejaVuSans.ttf", "Sans-Bold": "DejaVuSans-Bold.ttf",
}
FONT_ENV = "COURSE_FONT_DIR"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def font_dir() -> Path:
    """`COURSE_FONT_DIR`, else matplotlib's bundled TrueType folder."""
    if load_settings().font_dir:
        return load_settings().font_dir
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def _register(folder: str) -> tuple[str, ...]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    missing = [f for f in FONT_FILES.values() if not (Path(folder) / f).is_file()]
    if missing:
        raise AssessmentError(f"Không tìm thấy phông chữ tiếng Việt ({', '.join(missing)}) trong {folder}.",
                              hint="Phông DejaVu đi kèm gói matplotlib: hãy cài lại bằng `make setup`, hoặc đặt "
                                   f"{FONT_ENV} trỏ tới thư mục có các tệp phông này.")
    try:
        for name, file in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(f"KH-{name}", str(Path(folder) / file)))
    except TTFError as err:
        raise AssessmentError(f"Tệp phông chữ trong {folder} bị hỏng: {err}.") from None
    addMapping("KH-Serif", 0, 0, "KH-Serif")
    addMapping("KH-Serif", 1, 0, "KH-Serif-Bold")
    addMapping("KH-Serif", 0, 1, "KH-Serif-Italic")
    addMapping("KH-Serif", 1, 1, "KH-Serif-BoldItalic")
    return tuple(FONT_FILES)


def register_fonts() -> None:
    """Register the embedded fonts once per process (`KH-Serif`, `KH-Serif-Bold`, ..., `KH-Sans`)."""
    _register(str(font_dir()))


def missing_glyphs(text: str, font: str = "KH-Serif") -> list[str]:
    """Characters of `text` the font cannot draw (spaces and joiners ignored)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(font).face
    cmap = face.charToGlyph
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})


def clean_name(text: str) -> str:
    """NFC, invisible characters (zero-width, control, bidi marks) removed, spaces collapsed."""
    kept = "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch) not in {"Cc", "Cf"})
    return " ".join(kept.split())


def fit_size(text: str, font: str, size: float, width: float, minimum: float = 9) -> float:
    """The largest font size <= `size` at which `text` fits in `width` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def draw_title_block(canvas, left_lines: list[str], top: float, left_x: float, right_x: float,
                     size: float = 12) -> float:
    """The administrative heading: issuing body (left) and national name with motto (right), each
    centred on its column with a short rule under the last line; returns the y below the block."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    y = top
    lines = [ln for ln in left_lines if ln]
    for i, line in enumerate(lines):
        font = "KH-Serif-Bold" if i == len(lines) - 1 else "KH-Serif"
        canvas.setFont(font, fit_size(line.upper(), font, size, 230))
        canvas.drawCentredString(left_x, y, line.upper())
        y -= size * 1.3
    if lines:
        w = min(stringWidth(lines[-1].upper(), "KH-Serif-Bold", size), 230) / 3
        rule_y = y + size * 1.3 - 10  # a short rule under the last line
        canvas.line(left_x - w / 2, rule_y, left_x + w / 2, rule_y)
    y2 = top
    canvas.setFont("KH-Serif-Bold", size)
    canvas.drawCentredString(right_x, y2, NATIONAL_NAME)
    y2 -= size * 1.3
    canvas.setFont("KH-Serif-Bold", size + 1)
    canvas.drawCentredString(right_x, y2, MOTTO)
    w = stringWidth(MOTTO, "KH-Serif-Bold", size + 1)
    canvas.line(right_x - w / 2, y2 - 3, right_x + w / 2, y2 - 3)
    return min(y, y2 - size * 1.3)
