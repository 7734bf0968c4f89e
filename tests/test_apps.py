"""App mode, start page and glossary without a browser (the browser side is in test_browser.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest

from course.apps import APPS, APPS_DIR, app_links_html, app_url, get_app, load_widget
from course.apps.cli import voila_command
from course.apps.glossary import fold, load_glossary, search_terms, terms_html
from course.errors import CourseError
from tests.conftest import REPO, outputs_text, run_notebook


def test_app_names_and_aliases() -> None:
    assert get_app("legal") is APPS["luat"] and get_app("Voice") is APPS["giong-noi"]
    with pytest.raises(CourseError) as err:
        get_app("khong-co")
    assert "Không có ứng dụng" in str(err.value) and "luat" in str(err.value)


@pytest.mark.parametrize("name", list(APPS))
def test_app_notebook_is_one_thin_cell(name: str) -> None:
    nb = json.loads((APPS_DIR / APPS[name].notebook).read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1 and f'show_app("{name}")' in "".join(code[0]["source"])
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_urls_follow_the_server_base(monkeypatch: pytest.MonkeyPatch) -> None:
    assert app_url("luat", "/") == "/voila/render/course/apps/tra_cuu_luat.ipynb"
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/hocvien01/")
    assert app_url("luat").startswith("/user/hocvien01/voila/render/")
    assert app_links_html().count("target='_blank'") == len(APPS)


def test_voila_command_hides_code_and_listens_locally() -> None:
    cmd = voila_command("x.ipynb", 8866, "127.0.0.1", open_browser=False)
    assert "--strip_sources=True" in cmd and "--Voila.ip=127.0.0.1" in cmd and "--no-browser" in cmd
    assert "--show_tracebacks=False" in cmd


def test_cli_lists_apps_and_rejects_unknown() -> None:
    ok = subprocess.run([sys.executable, "-m", "course", "app", "--list"], capture_output=True, text=True,
                        timeout=120, cwd=REPO)
    assert ok.returncode == 0 and all(name in ok.stdout for name in APPS)
    bad = subprocess.run([sys.executable, "-m", "course", "app", "khong-co"], capture_output=True, text=True,
                         timeout=120, cwd=REPO)
    assert bad.returncode == 2 and "Không có ứng dụng" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("name", list(APPS))
def test_app_widget_is_available(name: str) -> None:
    """Each app's module exposes its widget factory (wired when the module lands)."""
    widget = load_widget(APPS[name])
    assert hasattr(widget, "_repr_mimebundle_") or hasattr(widget, "_ipython_display_")


def test_glossary_is_clean_and_searchable() -> None:
    terms = load_glossary()
    assert len(terms) >= 40
    for t in terms:
        for text in (t.english, t.vietnamese, t.explanation, t.group):
            assert text and unicodedata.normalize("NFC", text) == text
    assert fold("Ảo giác ĐƯỜNG") == "ao giac duong"
    assert search_terms("ao giac", terms)[0].english.startswith("Hallucination")
    assert search_terms("temperature", terms)[0].vietnamese == "Nhiệt độ"
    assert "Không tìm thấy" in terms_html(search_terms("xyzxyz", terms))


@pytest.mark.slow
def test_start_page_runs_offline() -> None:
    nb = run_notebook(REPO / "bat_dau.ipynb", timeout=300)
    text = outputs_text(nb)
    assert "Nhà cung cấp AI" in text and "mô hình nhỏ chạy trên máy" in text
    assert "voila/render/course/apps/" in text and "Có lỗi" not in text


@pytest.mark.slow
def test_glossary_notebook_runs() -> None:
    nb = run_notebook(REPO / "docs" / "thuat_ngu.ipynb", timeout=300)
    assert "Có lỗi" not in outputs_text(nb)


@pytest.mark.slow
def test_khoahoc_app_serves_the_app_locally(tmp_path) -> None:  # noqa: ANN001
    """`khoahoc app van-ban` starts a real Voilà on 127.0.0.1 that serves the app page."""
    import os
    import urllib.request

    from tests.test_browser import free_port, stop, wait_http

    port = free_port()
    log = (tmp_path / "app.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "course", "app", "van-ban", "--no-browser", "--port", str(port)],
                            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")})
    try:
        wait_http(f"http://127.0.0.1:{port}/", proc, timeout=90)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as resp:
            page = resp.read().decode("utf-8", "replace")
        assert "voila" in page.lower() and "show_app" not in page, "app page not served (or code visible)"
    finally:
        stop(proc)
        log.close()
