"""What the course start page (`bat_dau.ipynb`) shows: environment status, modules, apps."""

from __future__ import annotations

import html
from pathlib import Path

from course.catalogue import MODULES, PARTS
from course.config import REPO_ROOT

# Marks drawn by common text fonts (colour emoji are missing on many Linux/Windows lab PCs).
OK = "<span style='color:#1e8449;font-weight:bold'>✔</span>"
BAD = "<span style='color:#c0392b;font-weight:bold'>✘</span>"
OPTIONAL = "<span style='color:#7f8c8d'>–</span>"



def module_files(root: Path = REPO_ROOT) -> list[tuple[str, list[tuple[str, bool]]]]:
    """For each module title: (part label, file present?) — a trainer sees what is missing."""
    return [(m.label, [(label, (root / m.id / part).is_file()) for part, label in PARTS]) for m in MODULES]


def environment_html() -> str:
    """The `khoahoc check` report as a small HTML table, in Vietnamese."""
    from course.doctor import offline_ready, run_checks

    lines = run_checks()
    rows = "".join(
        f"<tr><td>{'•' if line.ok is None else OK if line.ok else (BAD if line.required else OPTIONAL)}</td>"
        f"<td>{html.escape(line.label)}</td><td>{html.escape(line.detail)}</td></tr>" for line in lines)
    verdict = ("Sẵn sàng: khoá học chạy được ngoại tuyến, không cần khoá API." if offline_ready(lines)
               else f"Chưa sẵn sàng: sửa các dòng {BAD} (thường chỉ cần chạy <code>make run</code>).")
    files = "".join(
        f"<tr><td colspan='3'>{html.escape(title)}: "
        + ", ".join(f"{label} {OK if ok else BAD + ' chưa có'}" for label, ok in parts) + "</td></tr>"
        for title, parts in module_files())
    return (f"<table class='khoahoc-status' style='font-size:1em'>{rows}{files}</table>"
            f"<p><b>{verdict}</b></p>")


def show_environment() -> None:
    """Display the environment report (providers, models, module files)."""
    from IPython.display import HTML, display

    display(HTML(environment_html()))


def show_apps() -> None:
    """Display links that open each app (Voilà) in a new tab."""
    from IPython.display import HTML, display

    from course.apps import app_links_html

    display(HTML(app_links_html()))
