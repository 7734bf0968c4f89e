"""One learner, from login to feedback, on the ward's class server — in Debian's Chromium, for real.

JupyterHub from `deploy/hub/jupyterhub_config.py` on 127.0.0.1 (started as tests/test_deploy_hub.py does:
configurable-http-proxy, SimpleLocalProcessSpawner, FirstUseAuthenticator), the real module 1 and module 4
assignments released by the instructor with nbgrader. The learner only clicks and types into boxes: logs in,
opens the start page, and for each assignment presses «Nhận bài», opens it, runs one answer cell before
answering (a calm Vietnamese note, no red traceback), answers every question in the widgets (one wrong on
purpose; module 1's essay and module 4's made-up article typed with “ ” quotes), saves and presses «Nộp bài».
The instructor grades with `khoahoc grade --release-feedback`; the learner presses «Xem nhận xét» and reads
Vietnamese feedback with the expected score. Never an English error or an answer key. The same on a single
machine (`make run`). Screenshots of each step: test-artifacts/hanh_trinh_*.png (module 4: hanh_trinh_m4_*).

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
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from course.catalogue import module
from course.grading.synthetic import make_course, solution_code
from tests.hub_runner import COURSE, free_port, running_hub, wait_ready

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
CHP = DEPLOY / ".npm" / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"

LEARNER, PASSWORD = "hocvien01", "matkhau-hocvien01"
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ESSAY = ("Việc AI giúp được: soạn nháp “thông báo lịch tiếp công dân” vì đó là thông tin công khai, tôi vẫn đọc "
         "lại trước khi gửi. Việc không được đưa lên AI công cộng: “công văn mật” của công an, vì đó là bí mật nhà "
         "nước; đơn có số căn cước của người dân cũng phải ẩn danh trước khi dùng.")


@dataclass(frozen=True)
class Task:
    """One module's assignment as the learner does it: the answers are the source's own model answers,
    except `wrong` (one option chosen wrongly on purpose) and `typed` (text typed differently, with “ ”)."""

    folder: str  # the module's id: its folder (in the learner's files as in the repository) and its assignment
    link: str  # the start page's link text
    title: str  # the assignment's heading
    wrong: str  # the question answered wrongly: its feedback line is "<Câu …> chưa đúng"
    wrong_label: str
    typed: dict[str, str]  # text boxes typed with typographic quotes (the essay for module 1)
    score: int  # the autograded points expected
    feedback: tuple[str, ...] = ()  # more patterns the feedback page shows

    @property
    def assignment(self) -> str:
        return self.folder

    @property
    def source(self) -> Path:
        return ROOT / self.folder / "bai_tap"


M1 = Task(module(1).id, "Học phần 1", "Bài tập 1 — Tổng quan về AI", "cau_3", "Câu 3",
          {"essay": ESSAY}, 12,  # 11 questions + labels (2 points) - the one wrong answer
          (r"Phần 3 — Tự luận.*chờ giảng viên chấm",))  # the essay waits for the trainer
# Module 4: the one-case trap answered wrongly (cau_2b "A": "before 23:00" for a guest arriving at 23:30);
# the made-up article typed as an official would write it, with “ ” from a phone or Word.
M4 = Task(module(4).id, "Học phần 4",
          "Bài tập 4 — Tra cứu điều luật cho việc của phường, xã", "cau_2b", "Câu 2b",
          {"cau_4": "Điều 89 “Luật Hộ tịch”"}, 7,  # 8 points - the one wrong answer
          (r"Tìm điều luật — Câu 1a", r"Tìm điều luật — Câu 1c"))  # three checks under one heading, told apart
TASKS = (M1, M4)
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


def model_answers(task: Task) -> dict[str, object]:
    """The source's own answers (module 1: cau_1 … cau_11, nhan_5_phan_anh), read from its solution blocks."""
    nb = nbformat.read(task.source / "bai_tap.ipynb", as_version=4)
    answers: dict[str, object] = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution"):
            for name, value in re.findall(r"^\s*(\w+) = (\[.*?\]|\".*?\")\s*$", solution_code(cell.source),
                                          re.MULTILINE):
                answers[name] = json.loads(value)
    return answers


@pytest.fixture(scope="module")
def hub(tmp_path_factory):

    sys.path.insert(0, str(DEPLOY))
    import wardctl

    tmp = tmp_path_factory.mktemp("hanh_trinh")
    course_root = make_course(tmp / "grading", {task.assignment: task.source for task in TASKS})
    drop = ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_BASE_URL", "NBGRADER_EXECUTION",
            "JUPYTERHUB_USER", "JUPYTERHUB_SERVICE_NAME")
    with running_hub(tmp, course_root, drop=drop, COURSE_ID=COURSE,
                     COURSE_EXCHANGE_DIR=str(tmp / "state" / "exchange"),
                     COURSE_DOTENV=str(ROOT / "tests" / "no.env")) as started:
        # The instructor releases modules 1 and 4's assignments into the hub's exchange; the trainer adds the learner.
        grading_env = dict(started.env, JUPYTER_CONFIG_PATH=str(DEPLOY / "hub" / "jupyter"))
        for step in [(verb, task.assignment, "--force") for task in TASKS
                     for verb in ("generate_assignment", "release_assignment")]:
            out = subprocess.run([str(BIN / "nbgrader"), *step], cwd=course_root, env=grading_env,
                                 capture_output=True, text=True, timeout=600)
            assert out.returncode == 0, out.stderr[-2000:]
        csv_path = tmp / "hoc_vien.csv"
        csv_path.write_text(f"ten_dang_nhap,ho_ten,vai_tro,ngan_sach_usd\n{LEARNER},Nguyễn Văn An,hoc_vien,\n",
                            encoding="utf-8")
        assert wardctl.main(["--state", str(started.state), "--course", COURSE, "--gateway-db",
                             str(tmp / "gateway" / "g.sqlite3"), "them-hoc-vien", str(csv_path)]) == 0
        yield type("Hub", (), dict(base=started.base, state=started.state, course_root=course_root,
                                   env=grading_env, tmp=tmp))


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
    """Click the answer in a cell's radio buttons, choose each label in its drop-downs, or type into its text box
    and press «Lưu câu trả lời»."""
    if isinstance(value, list):
        selects = cell.locator(".widget-dropdown select")
        assert selects.count() == len(value)
        for i, label in enumerate(value):
            selects.nth(i).select_option(label=label)
        cell.get_by_text(f"đã gán {len(value)}/{len(value)} mục").wait_for(timeout=30_000)
        return
    box = cell.locator(".widget-textarea textarea")
    if box.count():
        box.first.click()
        page.keyboard.type(str(value))
        assert box.first.input_value() == value  # the keystrokes went into the box, not to JupyterLab
        cell.get_by_role("button", name="Lưu câu trả lời").click()
        cell.get_by_text("Đã lưu vào biến").wait_for(timeout=30_000)
        return
    label = cell.locator(".widget-radio-box label").filter(has_text=re.compile(rf"^\s*{re.escape(str(value))}\s*$"))
    label.first.click()
    cell.get_by_text("Đã lưu vào biến").wait_for(timeout=30_000)


def type_essay(page, cell, text: str) -> None:  # noqa: ANN001
    """Type into a text (markdown) cell, as module 1's essay asks."""
    cell.locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Enter")  # edit the text cell
    page.wait_for_selector(f"{ACTIVE} .jp-Notebook.jp-mod-editMode", timeout=30_000)
    cell.locator(".cm-content").wait_for(timeout=30_000)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Shift+Enter")
    idle(page)


def open_assignment_list(page, task: Task, home: Path, prefix: str, fetch: bool) -> None:  # noqa: ANN001
    """On the open start page: run the assignment list; on the class server press «Nhận bài» for `task` first."""
    cells = page.locator(f"{ACTIVE} .jp-Cell")
    run_cell(page, cells.filter(has_text="show_environment()").first)
    run_cell(page, cells.filter(has_text="show_assignments()").last)
    link = page.locator(".khoahoc-bai-tap a").filter(has_text=task.link).first
    if fetch:
        row = page.locator(".khoahoc-bai-tap .widget-hbox").filter(has_text=task.link).first
        row.get_by_role("button", name="Nhận bài").click()
    link.wait_for(timeout=60_000)
    link.scroll_into_view_if_needed()
    shot(page, f"{prefix}2_{'nhan_bai' if fetch else 'danh_sach_bai'}")
    learner_sees_no_english_error_or_key(page)
    assert (home / task.folder / "bai_tap" / "bai_tap.ipynb").is_file()


def work_through_assignment(page, task: Task, prefix: str, released: Path) -> object:  # noqa: ANN001
    """From the start page's assignment list: open the task's assignment, run one answer cell before answering,
    answer everything by clicks and typing, save, press «Nộp bài»; returns the submit cell."""
    answers = model_answers(task)
    assert task.wrong in answers and set(task.typed) - {"essay"} <= set(answers)
    wrong = {task.wrong: next(o for o in "ABCD" if o != answers[task.wrong])}  # one deliberately wrong answer
    page.locator(".khoahoc-bai-tap a").filter(has_text=task.link).first.click()
    page.wait_for_url(re.compile(rf"{task.folder}/bai_tap/bai_tap\.ipynb"), timeout=120_000)
    page.locator(f"{ACTIVE} .jp-Cell").filter(has_text=task.title).first.wait_for(timeout=120_000)
    open_lab_notebook(page)
    count = len(nbformat.read(released, as_version=4).cells)
    page.wait_for_function(f"() => document.querySelectorAll('{ACTIVE} .jp-Cell').length === {count}",
                           timeout=60_000)  # every cell rendered
    cells = page.locator(f"{ACTIVE} .jp-Cell")
    reminded, quoted = False, None
    for i in range(count):
        cell = cells.nth(i)
        source = cell.locator(".jp-InputArea").inner_text()
        if source.strip() == "VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY":  # the essay: a text cell the learner types into
            type_essay(page, cell, task.typed["essay"])
            quoted = cell
            continue
        if "nop_bai(" in source:
            break
        run_cell(page, cell)
        name = re.search(r"(\w+) = (choice_question|true_false|label_task|text_answer)\(", source)
        if name:
            if not reminded:  # run before answering: a calm note in Vietnamese, nothing red
                cell.get_by_text("Câu này chưa có câu trả lời").wait_for(timeout=30_000)
                learner_sees_no_english_error_or_key(page)
                cell.scroll_into_view_if_needed()
                shot(page, f"{prefix}3_chay_truoc_khi_tra_loi")
                reminded = True
            var = name.group(1)
            answer_widget(page, cell, task.typed.get(var) or wrong.get(var, answers[var]))
            assert "chưa có câu trả lời" not in cell.inner_text()  # the reminder gave way to «Đã lưu …»
            quoted = cell if var in task.typed else quoted
    assert reminded and quoted is not None
    assert cells.count() == count, "a keystroke added or removed cells"
    page.keyboard.press("Control+S")
    page.wait_for_timeout(1500)
    learner_sees_no_english_error_or_key(page)
    quoted.scroll_into_view_if_needed()  # typed with “ ”, kept as typed
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


def grade_and_read_feedback(page, submit_cell, task: Task, course_root: Path, env: dict,  # noqa: ANN001
                            prefix: str) -> None:
    """The instructor grades with `khoahoc grade --release-feedback`; the learner presses «Xem nhận xét»."""
    grade = subprocess.run([str(BIN / "khoahoc"), "grade", task.assignment, "--root", str(course_root), "--quiet",
                            "--release-feedback", "--no-export"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=900)
    assert grade.returncode == 0, (grade.stdout + grade.stderr)[-3000:]
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gb:
        sub = gb.find_submission(task.assignment, LEARNER)
        grades = [g for nb in sub.notebooks for g in nb.grades if g.cell.cell_type == "code"]
        auto = sum(g.score for g in grades)
        lost = [g.cell.name for g in grades if g.score < g.max_score]
    graded = nbformat.read(course_root / "autograded" / LEARNER / task.assignment / "bai_tap.ipynb", as_version=4)
    errors = [(c.get("id"), o.get("ename"), o.get("evalue")) for c in graded.cells if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert auto == task.score, (auto, lost, errors)

    submit_cell.get_by_role("button", name="Xem nhận xét").click()
    submit_cell.get_by_text("Nhận xét cho lần nộp lúc").wait_for(timeout=120_000)
    frame = submit_cell.frame_locator("iframe.khoahoc-nhan-xet")
    frame.get_by_text(f"{task.wrong_label} chưa đúng").first.wait_for(timeout=30_000)
    submit_cell.scroll_into_view_if_needed()
    shot(page, f"{prefix}6_xem_nhan_xet")
    feedback = frame.locator("body").inner_text()
    for word in ENGLISH_ERRORS:
        assert word not in feedback, word
    for pattern in task.feedback:
        assert re.search(pattern, feedback), pattern
    assert not re.search(rf"kiem_tra_cau_\d|m\d-bt-|{task.assignment}", feedback)  # titles, never internal ids
    learner_sees_no_english_error_or_key(page)


def do_assignment(page, task: Task, prefix: str, home: Path, course_root: Path, exchange: Path,  # noqa: ANN001
                  env: dict, fetch: bool) -> None:
    """One assignment from the open start page to its feedback (steps 2–6 of every journey)."""
    open_assignment_list(page, task, home, prefix, fetch)
    submit_cell = work_through_assignment(page, task, prefix, course_root / "release" / task.assignment / "bai_tap.ipynb")
    assert len(list((exchange / COURSE / "inbound").glob(f"{LEARNER}+{task.assignment}+*"))) == 1
    grade_and_read_feedback(page, submit_cell, task, course_root, env, prefix)


def back_to_start_page(page, url: str) -> None:  # noqa: ANN001
    """The learner opens the start page again (its address, as on the hub's start-up page)."""
    page.once("dialog", lambda dialog: dialog.accept())  # «leave this page?» if a widget changed the notebook
    page.goto(url)
    page.wait_for_url(re.compile(r"bat_dau\.ipynb"), timeout=120_000)
    open_lab_notebook(page)


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
    start = page.url
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Tệp" in menus and "Nbgrader" not in menus, menus  # no English assignment list for learners
    home = hub.state / "home" / LEARNER
    assert (home / "bat_dau.ipynb").is_file() and not any((home / t.folder / "bai_tap").exists() for t in TASKS)
    assert not any("BEGIN SOLUTION" in p.read_text(errors="ignore") for p in home.rglob("*.ipynb"))

    # 2.–6. For modules 1 and 4: «Nhận bài» on the start page, answer by clicks and typing, «Nộp bài»; the
    # instructor grades; «Xem nhận xét» shows Vietnamese feedback.
    for task, prefix in ((M1, "hanh_trinh_"), (M4, "hanh_trinh_m4_")):
        if task is not M1:
            back_to_start_page(page, start)
        do_assignment(page, task, prefix, home, hub.course_root, hub.state / "exchange", hub.env, fetch=True)
    saved = json.loads((home / M4.folder / "bai_tap" / "cau_tra_loi.json").read_text(encoding="utf-8"))
    assert saved["cau_4"] == M4.typed["cau_4"]  # the typographic quotes kept as typed
    assert not any("BEGIN SOLUTION" in p.read_text(errors="ignore") or "BEGIN HIDDEN" in p.read_text(errors="ignore")
                   for p in home.rglob("*.ipynb"))
    shutil.copy(hub.tmp / "jupyterhub.log", ARTIFACTS / "hanh_trinh_jupyterhub.log")
    page.context.close()


@pytest.fixture(scope="module")
def single_machine(tmp_path_factory):
    """`make run` on one PC: `khoahoc hoc-vien` fills the learner's folder (assignments released into the
    local exchange), JupyterLab rooted there with the learner profile."""
    tmp = tmp_path_factory.mktemp("may_don")
    course_root = make_course(tmp / "grading", {task.assignment: task.source for task in TASKS})
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
    port = free_port()
    log = (tmp / "lab.log").open("w")
    proc = subprocess.Popen([str(BIN / "jupyter"), "lab", "--no-browser", f"--ServerApp.port={port}",
                             "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={learner_dir}",
                             "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.port_retries=0",
                             "--allow-root", "--LabApp.default_url=/lab/tree/bat_dau.ipynb"],
                            env=env, cwd=learner_dir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_ready(proc, base + "api/status", tmp / "lab.log", 120, "JupyterLab")
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
    start = page.url
    names = {p.name for p in single_machine.learner_dir.iterdir()}
    assert names >= {"bat_dau.ipynb", "ung_dung", *(t.folder for t in TASKS)} and not names & {"course", "grading",
                                                                                                "tests"}
    for task, prefix in ((M1, "hanh_trinh_may_don_"), (M4, "hanh_trinh_m4_may_don_")):
        if task is not M1:
            back_to_start_page(page, start)
        do_assignment(page, task, prefix, single_machine.learner_dir, single_machine.course_root,
                      single_machine.course_root / "exchange", single_machine.env, fetch=False)
    page.context.close()
