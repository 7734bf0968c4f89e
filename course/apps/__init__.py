"""App mode: the tools learners use most, as Voilà pages (no code shown, phone-friendly).

Each app is a one-cell notebook in this folder calling `show_app(NAME)`, which displays a header
and the module's own widget (built by that module's package). `khoahoc app NAME` starts Voilà on
it; inside JupyterLab the same page opens at `<base>voila/render/course/apps/<file>`.

An app has its own short name (`giong-noi`, what people type) and names the module it belongs to by
the module's id from the catalogue (`module3_speech_to_text`); `apps_of(module)` lists a module's apps.
`khoahoc app` also takes a module's number or id when that module has exactly one app
(`khoahoc app 3` opens `giong-noi`); for a module with several apps it lists them.
"""

from __future__ import annotations

import html
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from course import catalogue
from course.errors import CourseError

APPS_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class App:
    """One app: its command-line name, notebook, Vietnamese title, the widget factory it shows and the
    id of the module it belongs to (None: the whole course, e.g. the course evaluation form)."""

    name: str
    notebook: str
    title: str
    description: str
    factory: str  # "package.module:callable" returning a widget, or an object with a `.widget`
    module: str | None


APPS: dict[str, App] = {
    app.name: app
    for app in (
        App("giong-noi", "go_bang_giong_noi.ipynb", "Gõ bằng giọng nói",
            "Bấm ghi âm, nói tiếng Việt, chữ hiện ra trong ô bên dưới để sửa và sao chép.",
            "course.speech:voice_typing_widget", catalogue.module(3).id),
        App("prompt", "phong_thu_cau_lenh.ipynb", "Phòng thử câu lệnh (prompt)",
            "Điền vai trò, bối cảnh, nhiệm vụ, định dạng rồi gửi cho AI; so sánh các câu trả lời.",
            "course.prompting.lab:PromptLab", catalogue.module(2).id),
        App("luat", "tra_cuu_luat.ipynb", "Tra cứu pháp luật",
            "Gõ câu hỏi bằng lời thường (có dấu hoặc không dấu) để tìm điều luật liên quan; chọn lĩnh vực hoặc "
            "văn bản nếu muốn. Mỗi điều luật ghi rõ văn bản còn hiệu lực không và là bản nào.",
            "course.legal.widgets:search_box", catalogue.module(4).id),
        App("van-ban", "kiem_tra_van_ban.ipynb", "Kiểm tra thể thức văn bản",
            "Dán nội dung hoặc tải lên tệp .docx để kiểm tra theo Nghị định 30/2020/NĐ-CP.",
            "course.documents:checker_widget", catalogue.module(2).id),
        App("danh-gia", "phieu_danh_gia.ipynb", "Phiếu đánh giá khoá học",
            "Phiếu không ghi tên: mức hữu ích của từng học phần, tốc độ, nội dung muốn bổ sung, ý kiến khác.",
            "course.assessment.evaluation:EvaluationForm", None),
    )
}
ALIASES = {"voice": "giong-noi", "giong_noi": "giong-noi", "legal": "luat", "law": "luat",
           "documents": "van-ban", "doc": "van-ban", "van_ban": "van-ban", "prompt-lab": "prompt",
           "danh_gia": "danh-gia", "evaluation": "danh-gia"}

# Phone-friendly layout for widgets inside Voilà: full width, large touch targets, no fixed widths.
MOBILE_CSS = """
<style>
.khoahoc-app { max-width: 900px; margin: 0 auto; font-size: 17px; }
.khoahoc-app h1 { font-size: 1.6em; margin: .3em 0; }
.khoahoc-app p { margin: .2em 0 .8em 0; color: #333; }
body[data-voila] .jp-Cell { padding: 4px 8px; }
body[data-voila] .widget-text, body[data-voila] .widget-textarea, body[data-voila] .widget-hbox,
body[data-voila] .widget-vbox, body[data-voila] .widget-box { max-width: 100% !important; }
body[data-voila] .widget-text input, body[data-voila] .widget-textarea textarea {
  font-size: 17px; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
body[data-voila] .jupyter-button { min-height: 40px; font-size: 16px; }
@media (max-width: 600px) {
  body[data-voila] .widget-hbox { flex-wrap: wrap; }
  body[data-voila] .widget-inline-hbox { flex-direction: column; align-items: stretch; height: auto !important; }
  body[data-voila] .widget-inline-hbox > * { box-sizing: border-box; max-width: 100%; margin-left: 0; margin-right: 0; }
  body[data-voila] .widget-textarea textarea { min-height: 4.5em; }
  body[data-voila] .widget-dropdown select { flex: 0 0 auto; height: 36px; }
  body[data-voila] .widget-inline-hbox, body[data-voila] .widget-inline-hbox textarea,
  body[data-voila] .widget-inline-hbox input, body[data-voila] .widget-inline-hbox select {
    width: 100% !important; box-sizing: border-box; }
  body[data-voila] .jp-OutputArea-output { padding-right: 4px; box-sizing: border-box; }
  body[data-voila] .widget-inline-hbox .widget-label { min-width: 0 !important; width: auto !important;
    max-width: 100%; text-align: left; }
  body[data-voila] .widget-text, body[data-voila] .widget-textarea, body[data-voila] .widget-dropdown {
    width: 100% !important; }
}
</style>
"""


def apps_of(key: str | int) -> list[App]:
    """The apps of a module given by number, id or legacy assignment id (catalogue.module), in menu order."""
    module_id = catalogue.module(key).id
    return [app for app in APPS.values() if app.module == module_id]


def get_app(name: str) -> App:
    """The app called `name` (its name or an English alias), or the only app of the module `name`
    (a module number or id); a Vietnamese CourseError otherwise."""
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key in APPS:
        return APPS[key]
    try:
        mod = catalogue.module(key)
    except KeyError:
        raise CourseError(f"Không có ứng dụng tên «{name}».",
                          hint="Các ứng dụng có sẵn: " + ", ".join(APPS) + ".") from None
    found = apps_of(mod.id)
    if len(found) == 1:
        return found[0]
    if not found:
        raise CourseError(f"Học phần {mod.number} không có ứng dụng riêng.",
                          hint="Các ứng dụng có sẵn: " + ", ".join(APPS) + ".")
    raise CourseError(f"Học phần {mod.number} có {len(found)} ứng dụng: " + ", ".join(a.name for a in found) + ".",
                      hint="Hãy gõ tên một ứng dụng, ví dụ `khoahoc app " + found[0].name + "`.")


def load_widget(app: App):  # noqa: ANN201 - any displayable widget
    """Build the app's widget from its module; a Vietnamese CourseError if the module lacks it."""
    module_name, func_name = app.factory.split(":")
    try:
        factory = getattr(importlib.import_module(module_name), func_name)
    except (ImportError, AttributeError) as exc:
        raise CourseError(f"Ứng dụng «{app.title}» chưa sẵn sàng trên máy này.",
                          hint="Báo giảng viên: cần cập nhật bộ công cụ khoá học (`make run`).") from exc
    built = factory()
    # Some modules return a helper object holding its widget in `.widget` (e.g. the prompt lab).
    if not hasattr(built, "_repr_mimebundle_") and hasattr(built, "widget"):
        return built.widget
    return built


def header_html(app: App) -> str:
    """Title and one-line help shown above the widget, with the phone-friendly CSS."""
    return (f"{MOBILE_CSS}<div class='khoahoc-app'><h1>{html.escape(app.title)}</h1>"
            f"<p>{html.escape(app.description)}</p></div>")


def show_app(name: str) -> None:
    """The single cell of an app notebook: header, then the module's widget (or a clear error)."""
    from IPython.display import HTML, display

    from course.ui import setup, show_error

    setup(show_status=False)
    try:
        app = get_app(name)
        display(HTML(header_html(app)))
        display(load_widget(app))
    except CourseError as err:
        show_error(str(err))


def base_url() -> str:
    """The Jupyter server's base URL as seen from a kernel: JupyterHub's prefix, else `/`."""
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    return prefix if prefix.endswith("/") else prefix + "/"


def app_url(name: str, base: str | None = None) -> str:
    """URL of the app through the Voilà extension of the running Jupyter server."""
    app = get_app(name)
    # In the learner's folder (make run, class server) the apps sit in `ung_dung/` (COURSE_APPS_URL_DIR).
    from course.config import load_settings

    return f"{base or base_url()}voila/render/{load_settings().apps_url_dir}/{app.notebook}"


def app_links_html(base: str | None = None) -> str:
    """HTML list of links opening each app in a new browser tab (used by the start page)."""
    items = "".join(
        f"<li><a href='{html.escape(app_url(a.name, base))}' target='_blank' rel='noopener'>"
        f"{html.escape(a.title)}</a> — {html.escape(a.description)} "
        f"<code>khoahoc app {a.name}</code></li>" for a in APPS.values())
    return f"<ul class='khoahoc-apps' style='font-size:1.05em;line-height:1.6'>{items}</ul>"
