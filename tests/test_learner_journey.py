"""One learner, from login to feedback, on the ward's class server — in Debian's Chromium, for real.

JupyterHub from `deploy/hub/jupyterhub_config.py` on 127.0.0.1 (started as tests/test_deploy_hub.py does:
configurable-http-proxy, SimpleLocalProcessSpawner, FirstUseAuthenticator), the real module 1 assignment
released by the instructor with nbgrader. The learner only clicks and types into boxes: logs in, opens the
start page, presses «Nhận bài», opens the assignment, runs one answer cell before answering (a calm
Vietnamese note, no red traceback), answers every question in the widgets, writes the essay with “ ”
quotes, saves and presses «Nộp bài». The instructor grades with `khoahoc grade --release-feedback`; the
learner presses «Xem nhận xét» and reads Vietnamese feedback. Never an English error or an answer key.
Screenshots of each step: test-artifacts/hanh_trinh_*.png.

Opt-in like the other class-server tests (a hub, a Jupyter server and Chromium on 2 cores): COURSE_DEPLOY_TESTS=1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from course.grading.synthetic import make_course, solution_code

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
CHP = DEPLOY / ".npm" / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
COURSE = "ai_can_bo_co_so"
ASSIGNMENT = "m1_tong_quan_ai"
SOURCE = ROOT / "module1_ai_overview" / "bai_tap"
LEARNER, PASSWORD = "hocvien01", "matkhau-hocvien01"
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ESSAY = ("Việc AI giúp được: soạn nháp “thông báo lịch tiếp công dân” vì đó là thông tin công khai, tôi vẫn đọc "
         "lại trước khi gửi. Việc không được đưa lên AI công cộng: “công văn mật” của công an, vì đó là bí mật nhà "
         "nước; đơn có số căn cước của người dân cũng phải ẩn danh trước khi dùng.")
ENGLISH_ERRORS = ("Traceback", "most recent call last", "Error:", "AssertionError", "NameError", "SyntaxError",
                  "Exception", "not defined", "BEGIN SOLUTION", "BEGIN HIDDEN")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(os.environ.get("COURSE_DEPLOY_TESTS") != "1",
                       reason="tải nặng: đặt COURSE_DEPLOY_TESTS=1 để chạy"),
    pytest.mark.skipif(not (BIN / "jupyterhub").exists(), reason="cần gói tùy chọn deploy: pip install -e '.[deploy]'"),
    pytest.mark.skipif(not CHP.exists(), reason="cần configurable-http-proxy: npm install --prefix deploy/.npm "
                                                "configurable-http-proxy@5"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium không có (cài gói Debian `chromium`)"),
]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def model_answers() -> dict[str, object]:
    """The source's own answers (cau_1 … cau_11, nhan_5_phan_anh), read from its solution blocks."""
    nb = nbformat.read(SOURCE / "bai_tap.ipynb", as_version=4)
    answers: dict[str, object] = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution"):
            for name, value in re.findall(r"^\s*(\w+) = (\[.*?\]|\".*?\")\s*$", solution_code(cell.source),
                                          re.MULTILINE):
                answers[name] = json.loads(value)
    return answers


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    import httpx

    sys.path.insert(0, str(DEPLOY))
    import wardctl

    tmp = tmp_path_factory.mktemp("hanh_trinh")
    state = tmp / "state"
    course_root = make_course(tmp / "grading", {ASSIGNMENT: SOURCE})
    ports = {name: _free_port() for name in ("public", "hub", "api", "formgrader")}
    env = dict(os.environ, WARD_HUB_STATE=str(state), WARD_COURSE_ID=COURSE, WARD_COURSE_ROOT=str(course_root),
               WARD_ADMINS="giangvien", WARD_INSTRUCTORS="giangvien", WARD_SPAWNER="simple",
               WARD_HUB_BIND_URL=f"http://127.0.0.1:{ports['public']}", WARD_HUB_PORT=str(ports["hub"]),
               WARD_PROXY_API_PORT=str(ports["api"]), WARD_FORMGRADER_PORT=str(ports["formgrader"]),
               PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               COURSE_ID=COURSE, COURSE_EXCHANGE_DIR=str(state / "exchange"),
               COURSE_DOTENV=str(ROOT / "tests" / "no.env"))
    for key in ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_BASE_URL", "NBGRADER_EXECUTION",
                "JUPYTERHUB_USER", "JUPYTERHUB_SERVICE_NAME"):
        env.pop(key, None)
    log = (tmp / "jupyterhub.log").open("w")
    proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(DEPLOY / "hub" / "jupyterhub_config.py")],
                            cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{ports['public']}"
    try:
        t0 = time.monotonic()
        while True:
            if proc.poll() is not None:
                pytest.fail("JupyterHub dừng khi khởi động:\n" + (tmp / "jupyterhub.log").read_text()[-4000:])
            try:
                if httpx.get(base + "/hub/api/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() - t0 < 180, "JupyterHub không sẵn sàng sau 180 s"
            time.sleep(0.5)
        # The instructor releases module 1's assignment into the hub's exchange; the trainer adds the learner.
        grading_env = dict(env, JUPYTER_CONFIG_PATH=str(DEPLOY / "hub" / "jupyter"))
        for step in (("generate_assignment", ASSIGNMENT, "--force"), ("release_assignment", ASSIGNMENT, "--force")):
            out = subprocess.run([str(BIN / "nbgrader"), *step], cwd=course_root, env=grading_env,
                                 capture_output=True, text=True, timeout=600)
            assert out.returncode == 0, out.stderr[-2000:]
        csv_path = tmp / "hoc_vien.csv"
        csv_path.write_text(f"ten_dang_nhap,ho_ten,vai_tro,ngan_sach_usd\n{LEARNER},Nguyễn Văn An,hoc_vien,\n",
                            encoding="utf-8")
        assert wardctl.main(["--state", str(state), "--course", COURSE, "--gateway-db",
                             str(tmp / "gateway" / "g.sqlite3"), "them-hoc-vien", str(csv_path)]) == 0
        yield type("Hub", (), dict(base=base, state=state, course_root=course_root, env=grading_env, tmp=tmp))
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage",
                                    "--lang=vi-VN"])
        try:
            yield b
        finally:
            b.close()


def new_page(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(60_000)
    return context.new_page()


def shot(page, name: str) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def idle(page, timeout_s: float = 180) -> None:  # noqa: ANN001
    """Wait until no cell of the open notebook is running ([*])."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        f"() => ![...document.querySelectorAll('{ACTIVE} .jp-InputPrompt')].some(p => p.textContent.includes('*'))",
        timeout=timeout_s * 1000)


def run_cell(page, cell) -> None:  # noqa: ANN001
    """Select a cell by its prompt (command mode) and press Shift+Enter, as a learner does."""
    cell.locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Shift+Enter")
    idle(page)


def learner_sees_no_english_error_or_key(page) -> None:  # noqa: ANN001
    text = page.locator(ACTIVE).inner_text()
    for word in ENGLISH_ERRORS:
        assert word not in text, f"the learner saw «{word}»: …{text[max(0, text.find(word) - 200):][:400]}"
    assert page.locator(f"{ACTIVE} [data-mime-type='application/vnd.jupyter.error']").count() == 0
    assert page.locator(f"{ACTIVE} [data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def open_lab_notebook(page) -> None:  # noqa: ANN001
    page.wait_for_selector(f"{ACTIVE} .jp-Notebook .jp-Cell", timeout=180_000)
    page.wait_for_function(
        "(sel) => { const k = document.querySelector(sel + ' .jp-KernelName');"
        " return !!k && !/No Kernel|Không có kernel/.test(k.textContent); }", arg=ACTIVE, timeout=120_000)
    page.wait_for_selector(".jp-StatusBar-Component:has-text('Idle'), .jp-StatusBar-TextItem:has-text('Idle'),"
                           ".jp-StatusBar-TextItem:has-text('Rảnh')", timeout=120_000)


def answer_widget(page, cell, value: object) -> None:  # noqa: ANN001
    """Click the answer in a cell's radio buttons, or choose each label in its drop-downs."""
    if isinstance(value, list):
        selects = cell.locator(".widget-dropdown select")
        assert selects.count() == len(value)
        for i, label in enumerate(value):
            selects.nth(i).select_option(label=label)
        cell.get_by_text(f"đã gán {len(value)}/{len(value)} mục").wait_for(timeout=30_000)
        return
    label = cell.locator(".widget-radio-box label").filter(has_text=re.compile(rf"^\s*{re.escape(str(value))}\s*$"))
    label.first.click()
    cell.get_by_text("Đã lưu vào biến").wait_for(timeout=30_000)


def work_through_assignment(page, prefix: str, released: Path) -> object:  # noqa: ANN001
    """Steps 3–6 of both journeys, from the open start page's assignment list: open module 1's assignment,
    answer everything by clicks and typing, save, press «Nộp bài»; returns the submit cell."""
    answers = model_answers()
    assert {f"cau_{i}" for i in range(1, 12)} <= set(answers) and len(answers["nhan_5_phan_anh"]) == 5
    wrong = {"cau_3": next(o for o in "ABCD" if o != answers["cau_3"])}  # one deliberately wrong answer
    page.locator(".khoahoc-bai-tap a").filter(has_text="Học phần 1").first.click()
    page.wait_for_url(re.compile(r"bai_tap\.ipynb"), timeout=120_000)
    page.locator(f"{ACTIVE} .jp-Cell").filter(has_text="Bài tập 1 — Tổng quan về AI").first.wait_for(timeout=120_000)
    open_lab_notebook(page)
    count = len(nbformat.read(released, as_version=4).cells)
    page.wait_for_function(f"() => document.querySelectorAll('{ACTIVE} .jp-Cell').length === {count}",
                           timeout=60_000)  # every cell rendered
    cells = page.locator(f"{ACTIVE} .jp-Cell")
    reminded = False
    for i in range(count):
        cell = cells.nth(i)
        source = cell.locator(".jp-InputArea").inner_text()
        if source.strip() == "VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY":  # the essay: a text cell the learner types into
            cell.locator(".jp-InputPrompt").first.click()
            page.keyboard.press("Enter")  # edit the text cell
            page.wait_for_selector(f"{ACTIVE} .jp-Notebook.jp-mod-editMode", timeout=30_000)
            cell.locator(".cm-content").wait_for(timeout=30_000)
            page.keyboard.press("Control+A")
            page.keyboard.type(ESSAY)
            page.keyboard.press("Shift+Enter")
            idle(page)
            continue
        if "nop_bai(" in source:
            break
        run_cell(page, cell)
        name = re.search(r"(\w+) = (choice_question|true_false|label_task)\(", source)
        if name:
            if not reminded:  # run before answering: a calm note in Vietnamese, nothing red
                cell.get_by_text("Câu này chưa có câu trả lời").wait_for(timeout=30_000)
                learner_sees_no_english_error_or_key(page)
                cell.scroll_into_view_if_needed()
                shot(page, f"{prefix}3_chay_truoc_khi_tra_loi")
                reminded = True
            answer_widget(page, cell, wrong.get(name.group(1), answers[name.group(1)]))
    assert reminded
    assert cells.count() == count, "a keystroke added or removed cells"
    page.keyboard.press("Control+S")
    page.wait_for_timeout(1500)
    learner_sees_no_english_error_or_key(page)
    essay = cells.filter(has_text="“thông báo lịch tiếp công dân”").last  # typed with “ ”, kept as typed
    essay.scroll_into_view_if_needed()
    shot(page, f"{prefix}4_da_tra_loi")

    submit_cell = cells.filter(has_text="nop_bai(").last
    run_cell(page, submit_cell)
    submit_cell.get_by_text("Bạn chưa nộp bài này.").wait_for(timeout=60_000)
    submit_cell.get_by_role("button", name="Nộp bài").click()
    submit_cell.get_by_text("Đã nộp bài lúc").wait_for(timeout=120_000)
    assert re.search(r"\d\d giờ \d\d, ngày \d\d tháng \d{1,2} năm 20\d\d", submit_cell.inner_text())
    shot(page, f"{prefix}5_nop_bai")
    learner_sees_no_english_error_or_key(page)
    return submit_cell


def grade_and_read_feedback(page, submit_cell, course_root: Path, env: dict, prefix: str) -> None:  # noqa: ANN001
    """The instructor grades with `khoahoc grade --release-feedback`; the learner presses «Xem nhận xét»."""
    grade = subprocess.run([str(BIN / "khoahoc"), "grade", ASSIGNMENT, "--root", str(course_root), "--quiet",
                            "--release-feedback", "--no-export"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=900)
    assert grade.returncode == 0, (grade.stdout + grade.stderr)[-3000:]
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gb:
        sub = gb.find_submission(ASSIGNMENT, LEARNER)
        auto = sum(g.score for nb in sub.notebooks for g in nb.grades if g.cell.cell_type == "code")
    assert auto == 12, auto  # 11 questions + labels (2 points) - the one wrong answer

    submit_cell.get_by_role("button", name="Xem nhận xét").click()
    submit_cell.get_by_text("Nhận xét cho lần nộp lúc").wait_for(timeout=120_000)
    frame = page.frame_locator("iframe.khoahoc-nhan-xet")
    frame.get_by_text("Câu 3 chưa đúng").first.wait_for(timeout=30_000)
    submit_cell.scroll_into_view_if_needed()
    shot(page, f"{prefix}6_xem_nhan_xet")
    feedback = frame.locator("body").inner_text()
    for word in ("Traceback", "most recent call last", "BEGIN HIDDEN", "AssertionError"):
        assert word not in feedback, word
    assert re.search(r"Phần 3 — Tự luận.*chờ giảng viên chấm", feedback)  # the essay waits for the trainer
    assert not re.search(r"kiem_tra_cau_\d|m1_tong_quan_ai", feedback)  # titles, never internal ids
    learner_sees_no_english_error_or_key(page)


def test_one_learner_from_login_to_feedback(hub, browser):  # noqa: ANN001
    page = new_page(browser)
    # 1. Log in (first login sets the password) and land on the start page.
    page.goto(f"{hub.base}/hub/login")
    assert "Đăng nhập" in page.inner_text("body") and "Sign in" not in page.inner_text("body")
    page.fill("#username_input", LEARNER)
    page.fill("#password_input", PASSWORD)
    shot(page, "hanh_trinh_1_dang_nhap")
    page.click("#login_submit")
    page.wait_for_url(re.compile(rf"/user/{LEARNER}/lab"), timeout=240_000)
    open_lab_notebook(page)
    assert "bat_dau.ipynb" in page.url
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Tệp" in menus and "Nbgrader" not in menus, menus  # no English assignment list for learners
    cells = page.locator(f"{ACTIVE} .jp-Cell")
    home = hub.state / "home" / LEARNER
    assert (home / "bat_dau.ipynb").is_file() and not (home / "module1_ai_overview" / "bai_tap").exists()
    assert not any("BEGIN SOLUTION" in p.read_text(errors="ignore") for p in home.rglob("*.ipynb"))

    # 2. Run the assignment list and press «Nhận bài» beside module 1's assignment.
    run_cell(page, cells.filter(has_text="show_environment()").first)
    run_cell(page, cells.filter(has_text="show_assignments()").last)
    row = page.locator(".khoahoc-bai-tap .widget-hbox").filter(has_text="Học phần 1").first
    row.get_by_role("button", name="Nhận bài").click()
    page.locator(".khoahoc-bai-tap a").filter(has_text="Học phần 1").first.wait_for(timeout=60_000)
    shot(page, "hanh_trinh_2_nhan_bai")
    learner_sees_no_english_error_or_key(page)
    assert (home / "module1_ai_overview" / "bai_tap" / "bai_tap.ipynb").is_file()

    # 3.–5. Answer by clicks and typing, save, «Nộp bài».
    submit_cell = work_through_assignment(page, "hanh_trinh_",
                                          hub.course_root / "release" / ASSIGNMENT / "bai_tap.ipynb")
    inbound = list((hub.state / "exchange" / COURSE / "inbound").glob(f"{LEARNER}+{ASSIGNMENT}+*"))
    assert len(inbound) == 1

    # 6. The instructor grades; «Xem nhận xét» shows Vietnamese feedback.
    grade_and_read_feedback(page, submit_cell, hub.course_root, hub.env, "hanh_trinh_")
    shutil.copy(hub.tmp / "jupyterhub.log", ARTIFACTS / "hanh_trinh_jupyterhub.log")
    page.context.close()


@pytest.fixture(scope="module")
def single_machine(tmp_path_factory):
    """`make run` on one PC: `khoahoc hoc-vien` fills the learner's folder (assignments released into the
    local exchange), JupyterLab rooted there with the learner profile."""
    tmp = tmp_path_factory.mktemp("may_don")
    course_root = make_course(tmp / "grading", {ASSIGNMENT: SOURCE})
    env = dict(os.environ, COURSE_GRADING_ROOT=str(course_root), COURSE_EXCHANGE_DIR=str(course_root / "exchange"),
               JUPYTER_DATA_DIR=str(tmp / "jupyter_data"), COURSE_LEARNER=LEARNER, COURSE_APPS_URL_DIR="ung_dung",
               COURSE_DOTENV=str(ROOT / "tests" / "no.env"), JUPYTER_CONFIG_PATH=str(ROOT / "jupyter" / "learner"),
               JUPYTERLAB_SETTINGS_DIR=str(tmp / "user-settings"), JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    for key in ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_BASE_URL", "NBGRADER_EXECUTION",
                "JUPYTERHUB_USER", "JUPYTERHUB_SERVICE_NAME", "JUPYTERHUB_SERVICE_PREFIX"):
        env.pop(key, None)
    learner_dir = tmp / "hoc_vien"
    made = subprocess.run([str(BIN / "khoahoc"), "hoc-vien", "--dest", str(learner_dir), "--root", str(course_root)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr[-2000:]
    subprocess.run([sys.executable, str(ROOT / "jupyter" / "seed_user_settings.py"), str(tmp / "user-settings")],
                   check=True, timeout=60, env=env)
    port = _free_port()
    log = (tmp / "lab.log").open("w")
    proc = subprocess.Popen([str(BIN / "jupyter"), "lab", "--no-browser", f"--ServerApp.port={port}",
                             "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={learner_dir}",
                             "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.port_retries=0",
                             "--allow-root", "--LabApp.default_url=/lab/tree/bat_dau.ipynb"],
                            env=env, cwd=learner_dir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        import httpx

        t0 = time.monotonic()
        while True:
            assert proc.poll() is None, (tmp / "lab.log").read_text()[-3000:]
            try:
                if httpx.get(base + "api/status", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() - t0 < 120, "JupyterLab không sẵn sàng sau 120 s"
            time.sleep(0.5)
        yield type("Machine", (), dict(base=base, course_root=course_root, env=env, learner_dir=learner_dir))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        log.close()


def test_same_journey_on_a_single_machine(single_machine, browser):  # noqa: ANN001
    page = new_page(browser)
    page.goto(single_machine.base)  # make run opens the default URL: the start page
    open_lab_notebook(page)
    assert "bat_dau.ipynb" in page.url
    names = {p.name for p in single_machine.learner_dir.iterdir()}
    assert names >= {"bat_dau.ipynb", "module1_ai_overview", "ung_dung"} and not names & {"course", "grading", "tests"}
    cells = page.locator(f"{ACTIVE} .jp-Cell")
    run_cell(page, cells.filter(has_text="show_environment()").first)
    run_cell(page, cells.filter(has_text="show_assignments()").last)
    page.locator(".khoahoc-bai-tap a").filter(has_text="Học phần 1").first.wait_for(timeout=60_000)
    shot(page, "hanh_trinh_may_don_2_danh_sach_bai")
    learner_sees_no_english_error_or_key(page)
    submit_cell = work_through_assignment(page, "hanh_trinh_may_don_",
                                          single_machine.course_root / "release" / ASSIGNMENT / "bai_tap.ipynb")
    inbound = list((single_machine.course_root / "exchange" / COURSE / "inbound").glob(f"{LEARNER}+{ASSIGNMENT}+*"))
    assert len(inbound) == 1
    grade_and_read_feedback(page, submit_cell, single_machine.course_root, single_machine.env, "hanh_trinh_may_don_")
    page.context.close()
