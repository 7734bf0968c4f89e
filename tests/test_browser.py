"""The course in a real browser: Debian's Chromium (Playwright) against JupyterLab and Voilà on 127.0.0.1.

The servers run on a temporary copy of the course notebooks (so autosave never writes outputs into
the repository), with the repository's JupyterLab settings overrides and the learner profile.
Screenshots go to `test-artifacts/` (git-ignored). Bounded: every wait has a timeout.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, offline_env

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
VOICE_WAV = REPO / "module3_speech_to_text" / "audio"
BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium không có (cài gói Debian `chromium`)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early ({proc.returncode}) for {url}")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status < 500:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"server not answering: {url}")


def stop(proc: subprocess.Popen) -> None:
    """Stop a server we started (its own process group: the server and its kernels)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def course_copy(root: Path) -> Path:
    """A throw-away course root: copies of the notebooks, the real `course` package linked in."""
    root.mkdir(parents=True, exist_ok=True)
    for path in [REPO / "bat_dau.ipynb", *sorted(REPO.glob("module*"))]:
        if path.is_dir():
            shutil.copytree(path, root / path.name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif path.is_file():
            shutil.copy2(path, root / path.name)
    (root / "docs").mkdir(exist_ok=True)
    if (REPO / "docs" / "thuat_ngu.ipynb").is_file():
        shutil.copy2(REPO / "docs" / "thuat_ngu.ipynb", root / "docs" / "thuat_ngu.ipynb")
    # The real package (a link, not a copy): `import course` and the app notebooks stay the repo's own.
    (root / "course").symlink_to(REPO / "course", target_is_directory=True)
    return root


def lab_settings_dir(tmp: Path) -> Path:
    """JupyterLab app settings dir holding the repository's overrides.json (what the Makefile installs)."""
    settings = tmp / "app-settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "jupyter" / "overrides.json", settings / "overrides.json")
    return settings


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def course_root(workdir: Path) -> Path:
    return course_copy(workdir / "root")


def server_env(workdir: Path) -> dict[str, str]:
    # As `make run` does: the course's code font and sizes in the user settings JupyterLab applies.
    subprocess.run([sys.executable, str(REPO / "jupyter" / "seed_user_settings.py"), str(workdir / "user-settings")],
                   check=True, timeout=60)
    env = offline_env()
    env.update({
        "PATH": f"{BIN}:{env.get('PATH', '')}",
        "JUPYTER_CONFIG_PATH": str(REPO / "jupyter" / "learner"),  # learner profile
        "JUPYTERLAB_SETTINGS_DIR": str(workdir / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(workdir / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
    })
    return env


@pytest.fixture(scope="module")
def lab(workdir: Path, course_root: Path) -> Iterator[str]:
    """A real JupyterLab on 127.0.0.1 serving the course copy; yields its base URL."""
    port = free_port()
    cmd = [str(BIN / "jupyter"), "lab", "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.root_dir={course_root}", "--IdentityProvider.token=", "--ServerApp.password=",
           f"--LabApp.app_settings_dir={lab_settings_dir(workdir)}", "--ServerApp.port_retries=0", "--allow-root",
           "--ServerApp.disable_check_xsrf=True"]
    log = (workdir / "lab.log").open("w")
    proc = subprocess.Popen(cmd, env=server_env(workdir), cwd=course_root, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_http(base + "api/status", proc)
        yield base
    finally:
        stop(proc)
        log.close()


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[str]:
    """A real standalone Voilà serving the course apps folder; yields its base URL."""
    port = free_port()
    cmd = [str(BIN / "voila"), str(REPO / "course" / "apps"), "--no-browser", f"--port={port}",
           "--Voila.ip=127.0.0.1", "--theme=light", "--show_tracebacks=True"]
    log = (workdir / "voila.log").open("w")
    proc = subprocess.Popen(cmd, env=server_env(workdir), cwd=REPO / "course" / "apps", stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_http(base, proc)
        yield base
    finally:
        stop(proc)
        log.close()


def fake_audio() -> Path | None:
    """The committed module-3 speech wav (with its reference text) for Chromium's fake microphone."""
    preferred = VOICE_WAV / "tiep_cong_dan.wav"  # northern voice: Whisper base does best on it
    if preferred.is_file():
        return preferred
    wavs = sorted(p for p in VOICE_WAV.glob("*.wav") if "im_lang" not in p.name) if VOICE_WAV.is_dir() else []
    return wavs[0] if wavs else None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--lang=vi-VN"]
    wav = fake_audio()
    if wav:
        args.append(f"--use-file-for-fake-audio-capture={wav}")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        try:
            yield b
        finally:
            b.close()


def new_page(browser, width: int = 1280, height: int = 860):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                                  permissions=["microphone"])
    context.set_default_timeout(30_000)
    return context.new_page()


def shot(page, name: str) -> Path:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def open_notebook(page, base: str, path: str) -> None:  # noqa: ANN001
    """Open one notebook in a fresh workspace (`?reset`: no tabs restored from an earlier test)."""
    page.goto(f"{base}lab/tree/{path}?reset")
    page.wait_for_selector(f"{ACTIVE} .jp-Notebook", timeout=60_000)
    # The kernel must start by itself (kernelspec in the notebook + autoStartDefaultKernel): no dialog.
    page.wait_for_function(
        "(sel) => { const k = document.querySelector(sel + ' .jp-KernelName');"
        " return !!k && !/No Kernel|Không có kernel/.test(k.textContent); }",
        arg=ACTIVE, timeout=120_000)


def _prompts(page) -> list[str]:  # noqa: ANN001
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputPrompt").all_inner_texts()


def run_all(page, timeout_s: int = 240) -> None:  # noqa: ANN001
    """Run every cell through the «Chạy» (Run) menu, then wait until no cell is pending."""
    page.wait_for_selector(".jp-StatusBar-Component:has-text('Idle'), .jp-StatusBar-TextItem:has-text('Idle')",
                           timeout=120_000)
    for _attempt in range(3):
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.click()
        page.keyboard.press("Escape")
        page.locator(".lm-MenuBar-itemLabel", has_text="Chạy").first.click()
        # The vi_VN pack leaves this submenu item untranslated; accept either wording.
        page.locator(".lm-Menu-itemLabel").filter(has_text="Run All Cells").or_(
            page.locator(".lm-Menu-itemLabel").filter(has_text="Chạy tất cả")).first.click()
        try:
            page.wait_for_function(
                "() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputPrompt')]"
                ".some(p => /\\[[0-9*]+\\]/.test(p.textContent))", timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - the command was not taken (notebook not focused yet): retry
            page.keyboard.press("Escape")
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputPrompt')]"
        ".some(p => p.textContent.includes('*'))", timeout=timeout_s * 1000)
    page.wait_for_timeout(500)
    assert any(any(ch.isdigit() for ch in p) for p in _prompts(page)), "no cell was executed"


def shutdown_kernels(base: str) -> None:
    """Stop the kernels a test left running on our JupyterLab (frees CPU for the next test)."""

    with urllib.request.urlopen(base + "api/kernels", timeout=10) as resp:
        kernels = json.load(resp)
    for kernel in kernels:
        req = urllib.request.Request(f"{base}api/kernels/{kernel['id']}", method="DELETE")
        urllib.request.urlopen(req, timeout=20).close()


def visible_text(page) -> str:  # noqa: ANN001
    return page.evaluate("() => document.body.innerText")


QUIZ_CELLS = [
    ("markdown", "q-intro", "# Câu hỏi thử\n\nChọn một đáp án rồi bấm **Tự kiểm tra**."),
    ("code", "q-setup", "from course.ui import setup\n\nsetup()"),
    ("code", "q-ask", 'from course.widgets import choice_question\n\n'
     'cau_1 = choice_question("cau_1", ["A", "B", "C"], "Mô hình ngôn ngữ lớn tạo ra chữ như thế nào?")'),
    ("code", "q-check", 'from course.widgets import Rule, one_of, self_check\n\n'
     'self_check([Rule("cau_1", "Câu 1", one_of(["A", "B", "C"]))])'),
]


def write_quiz(root: Path) -> str:
    """A small notebook using the course's real quiz and self-check widgets."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    cells = [new_code_cell(src, id=cid) if kind == "code" else new_markdown_cell(src, id=cid)
             for kind, cid, src in QUIZ_CELLS]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                                              "language": "python"}})
    nbformat.write(nb, root / "cau_hoi_thu.ipynb")
    return "cau_hoi_thu.ipynb"


def no_error_boxes(page) -> None:  # noqa: ANN001
    text = visible_text(page)
    assert "Traceback" not in text, "a traceback reached the learner"
    assert "Có lỗi" not in text, "a course error box is shown: " + text[text.find("Có lỗi"):][:300]
    errors = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) [data-mime-type='application/vnd.jupyter.error']")
    assert errors.count() == 0, "a cell raised an error"


def test_start_page_vietnamese_no_popups(browser, lab: str) -> None:  # noqa: ANN001
    """Start page: Vietnamese menus, kernel preselected, no news pop-up, no instructor panel; runs clean."""
    page = new_page(browser)
    open_notebook(page, lab, "bat_dau.ipynb")
    page.wait_for_timeout(1500)
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    for vi in ("Tệp", "Chỉnh sửa", "Chạy", "Trợ giúp"):
        assert vi in menus, f"menu «{vi}» missing: {menus}"
    assert "File" not in menus and "Help" not in menus, menus
    text = visible_text(page)
    for unwanted in ("Jupyter news", "tin tức", "Chọn Kernel", "Select Kernel", "Create Assignment",
                     "Formgrader", "Modified"):
        assert unwanted not in text, f"learner should not meet «{unwanted}»"
    assert page.locator(".jp-Dialog").count() == 0, "a dialog is open"
    run_all(page)
    shot(page, "lab-start-page")
    no_error_boxes(page)
    text = visible_text(page)
    assert "Nhà cung cấp AI" in text
    assert "Tra cứu pháp luật" in text and "voila/render/course/apps/tra_cuu_luat.ipynb" in page.content()
    # Learners see the assignment list (nbgrader menu) but not the instructor tools.
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").first.click()
    items = page.locator(".lm-Menu-itemLabel").all_inner_texts()
    page.keyboard.press("Escape")
    assert any("Assignment List" in i for i in items), items
    assert not any("Formgrader" in i for i in items), items
    # The start page's app links go through the Voilà extension of this same JupyterLab, to files it serves.
    href = page.locator("a[href*='voila/render/course/apps/tra_cuu_luat.ipynb']").first.get_attribute("href")
    path = href.split("voila/render/", 1)[1]
    with urllib.request.urlopen(f"{lab}api/contents/{path}?content=0", timeout=30) as resp:
        assert resp.status == 200
    page.context.close()
    shutdown_kernels(lab)


def test_quiz_answer_gives_feedback(browser, lab: str, course_root: Path) -> None:  # noqa: ANN001
    """Press a quiz answer, then «Tự kiểm tra»: the learner sees Vietnamese feedback."""
    page = new_page(browser)
    open_notebook(page, lab, write_quiz(course_root))
    run_all(page, timeout_s=90)
    shot(page, "lab-quiz")
    page.get_by_role("button", name="Tự kiểm tra").click()
    page.wait_for_selector("text=cần xem lại", timeout=20_000)
    page.get_by_text("B", exact=True).first.click()
    page.wait_for_selector("text=Đã lưu", timeout=20_000)
    page.get_by_role("button", name="Tự kiểm tra").click()
    page.wait_for_selector("text=Đã trả lời đủ", timeout=20_000)
    shot(page, "lab-quiz-feedback")
    answers = course_root / "cau_tra_loi.json"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not (answers.is_file() and '"B"' in answers.read_text(encoding="utf-8")):
        time.sleep(0.5)
    assert answers.is_file(), "the answer was not saved next to the notebook"
    assert '"B"' in answers.read_text(encoding="utf-8"), answers.read_text(encoding="utf-8")
    page.context.close()
    shutdown_kernels(lab)


PRACTICE = "module4_legal_lookup/thuc_hanh.ipynb"


def test_practice_notebook_runs_in_the_browser(browser, lab: str, course_root: Path) -> None:  # noqa: ANN001
    """A learner opens a module's practice notebook and runs every cell: no error reaches them."""
    assert (course_root / PRACTICE).is_file(), f"{PRACTICE} missing"
    page = new_page(browser)
    open_notebook(page, lab, PRACTICE)
    run_all(page, timeout_s=240)
    shot(page, "lab-practice-module4")
    no_error_boxes(page)
    prompts = _prompts(page)
    assert prompts and all("*" not in p for p in prompts)
    assert sum(1 for p in prompts if any(ch.isdigit() for ch in p)) >= 3, prompts
    page.context.close()
    shutdown_kernels(lab)


def test_lecture_presents_with_rise(browser, lab: str) -> None:  # noqa: ANN001
    """jupyterlab-rise renders a lecture notebook as reveal.js slides, served by our JupyterLab."""
    lecture = "module1_ai_overview/bai_giang.ipynb"
    page = new_page(browser)
    page.goto(f"{lab}rise/{lecture}?activate=true", timeout=60_000)
    page.wait_for_selector(".reveal .slides section", timeout=90_000)
    page.wait_for_timeout(2500)
    shot(page, "lab-rise-lecture")
    sections = page.locator(".reveal .slides > section").count()
    assert sections >= 3, f"only {sections} slides"
    text = visible_text(page)
    assert "Traceback" not in text
    page.context.close()
    shutdown_kernels(lab)


def app_page(browser, voila: str, name: str, width: int = 1280, height: int = 860):  # noqa: ANN001, ANN201
    from course.apps import get_app

    page = new_page(browser, width, height)
    page.goto(f"{voila}voila/render/{get_app(name).notebook}", timeout=120_000)
    page.wait_for_selector(".khoahoc-app h1", timeout=180_000)
    return page


def assert_fits_phone(page) -> None:  # noqa: ANN001
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 2, f"page wider than the phone screen by {overflow}px"


def test_legal_app_on_a_phone(browser, voila: str) -> None:  # noqa: ANN001
    """Voilà legal search at phone size: type an unaccented question, see articles."""
    page = app_page(browser, voila, "luat", 390, 844)
    box = page.locator("input[type=text]").first
    box.wait_for(timeout=180_000)
    text = visible_text(page)
    assert "from course" not in text and "show_app" not in text, "code is visible in app mode"
    box.fill("thoi han hop dong lao dong")
    box.press("Enter")
    page.get_by_role("button", name="Tìm điều luật").click()
    page.wait_for_function("() => /Điều\\s+\\d+/.test(document.body.innerText)", timeout=120_000)
    page.wait_for_timeout(500)
    shot(page, "voila-luat-phone")
    text = visible_text(page)
    assert "Lao động" in text or "45/2019/QH14" in text, text[-800:]
    assert "Traceback" not in text and "Có lỗi" not in text
    assert_fits_phone(page)
    page.context.close()


def test_prompt_lab_app_on_a_phone(browser, voila: str) -> None:  # noqa: ANN001
    """Voilà prompt lab at phone size: the prompt parts are there, in Vietnamese, nothing overflows."""
    page = app_page(browser, voila, "prompt", 390, 844)
    page.locator("textarea, input[type=text]").first.wait_for(timeout=180_000)
    page.wait_for_timeout(800)
    shot(page, "voila-prompt-phone")
    text = visible_text(page)
    assert "Vai trò" in text or "vai trò" in text, text[:800]
    assert "Traceback" not in text and "Có lỗi" not in text
    assert_fits_phone(page)
    page.context.close()


FLAWED_LETTER = """ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH
Số: 5/UBND-VP
An Bình, ngày 5 tháng 1 năm 2026
V/v họp dân về vệ sinh môi trường
Kính gửi: Các hộ dân tổ dân phố số 3.
Ủy ban nhân dân phường mời các hộ dân dự họp lúc 19 giờ ngày 10 tháng 01 năm 2026 tại nhà văn hóa.
CHỦ TỊCH
Nguyễn Văn An"""


def test_document_checker_app_on_a_phone(browser, voila: str) -> None:  # noqa: ANN001
    """Voilà document checker at phone size: paste a flawed công văn, press «Kiểm tra», read the findings."""
    page = app_page(browser, voila, "van-ban", 390, 844)
    area = page.locator("textarea").first
    area.wait_for(timeout=180_000)
    area.fill(FLAWED_LETTER)
    page.get_by_role("button", name="Kiểm tra").first.click()
    page.wait_for_selector("text=Cách sửa", timeout=60_000)
    page.wait_for_timeout(500)
    shot(page, "voila-van-ban-phone")
    text = visible_text(page)
    assert "Quốc hiệu" in text or "CỘNG HÒA" in text, text[-1000:]
    assert "lỗi" in text and "Traceback" not in text
    assert_fits_phone(page)
    page.context.close()


def test_voice_typing_records_and_transcribes(browser, voila: str) -> None:  # noqa: ANN001
    """Chromium's fake microphone plays a committed wav: record → stop → Vietnamese text in the box."""
    from course.apps.glossary import fold

    wav = fake_audio()
    assert wav is not None, "module 3 should commit a speech wav for this test"
    reference = (wav.with_suffix(".txt")).read_text(encoding="utf-8")
    page = app_page(browser, voila, "giong-noi")
    record = page.get_by_role("button", name="Ghi âm")
    record.wait_for(timeout=180_000)
    record.click()
    page.get_by_role("button", name="Dừng").wait_for(timeout=15_000)
    page.wait_for_timeout(6500)  # the fake device loops the 6 s sentence
    page.get_by_role("button", name="Dừng").click()
    page.wait_for_timeout(3000)
    shot(page, "voila-giong-noi-stopped")
    page.wait_for_function("() => { const t = document.querySelector('textarea'); return t && t.value.trim().length > 5; }",
                           timeout=90_000)
    shot(page, "voila-giong-noi")
    heard = page.evaluate("() => document.querySelector('textarea').value")
    ref_words = set(fold(reference).replace(".", " ").split())
    got_words = set(fold(heard).replace(".", " ").split())
    assert len(ref_words & got_words) >= 3, f"transcript unrelated to the spoken sentence: {heard!r}"
    assert "Traceback" not in visible_text(page)
    page.context.close()


def test_code_cells_render_vietnamese_and_explain_curly_quotes(browser, lab: str, course_root: Path) -> None:  # noqa: ANN001
    """Vietnamese typed in a code cell is drawn by the course's code font alone (no fallback font, so no
    detached marks), and a cell typed with “ ” quotes shows the Vietnamese explanation, not a red traceback."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    text = "Hãy ghi số điều: ố ệ ữ ỹ ấ ầ ẩ ẫ ặ ở ợ"
    nb = new_notebook(cells=[new_code_cell("from course.ui import setup\n\nsetup()", id="f-setup"),
                             new_code_cell(f'ghi_chu = "{text}"\nprint(ghi_chu)', id="f-text"),
                             new_code_cell("cau_1 = “B”", id="f-quotes")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                               "language": "python"}})
    nbformat.write(nb, course_root / "phong_chu.ipynb")
    page = new_page(browser)
    open_notebook(page, lab, "phong_chu.ipynb")
    run_all(page, timeout_s=90)
    page.wait_for_selector("text=Dấu ngoặc kép chưa đúng", timeout=30_000)
    shot(page, "lab-code-font-vietnamese")
    # Which platform fonts Chromium really used for the code cell's text and for the printed output.
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used: set[str] = set()
    for selector in (f"{ACTIVE} .cm-line", f"{ACTIVE} .cm-line *", f"{ACTIVE} .jp-OutputArea-output pre"):
        for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            used |= {f["familyName"] for f in fonts}
    assert used == {"Liberation Mono"}, used
    assert text in visible_text(page)
    errors = page.locator(f"{ACTIVE} [data-mime-type='application/vnd.jupyter.error']")
    assert errors.count() == 0, "a red traceback reached the learner"
    assert 'cau_1 = "B"' in visible_text(page)
    page.context.close()
    shutdown_kernels(lab)
