"""A class on the ward's JupyterHub, for real, on 127.0.0.1 (deploy/hub/jupyterhub_config.py).

Starts JupyterHub (configurable-http-proxy from npm, SimpleLocalProcessSpawner, the real
FirstUseAuthenticator, the formgrader as a hub service), adds ≥ 20 learners from a CSV with
`deploy/wardctl.py`, then every learner: logs in through the hub API (first login sets the password),
starts a server, fetches the assignment through nbgrader's exchange, opens the notebook, answers,
runs its cells through the kernel over the proxy's websocket, saves, submits. The instructor collects
and grades (`khoahoc grade`); every submission is graded with the expected score, none lost.

Opt-in (20 Jupyter servers on 2 cores, ~3–5 min): COURSE_DEPLOY_TESTS=1.
COURSE_DEPLOY_HUB_LEARNERS (default 20) sizes it.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
CHP = DEPLOY / ".npm" / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(DEPLOY))
import wardctl  # noqa: E402

from tests.hub_runner import COURSE, running_hub  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("COURSE_DEPLOY_TESTS") != "1",
                       reason="tải nặng: đặt COURSE_DEPLOY_TESTS=1 để chạy"),
    pytest.mark.skipif(not (BIN / "jupyterhub").exists(), reason="cần gói tùy chọn deploy: pip install -e '.[deploy]'"),
    pytest.mark.skipif(not CHP.exists(), reason="cần configurable-http-proxy: npm install --prefix deploy/.npm "
                                                "configurable-http-proxy@5"),
]

N = int(os.environ.get("COURSE_DEPLOY_HUB_LEARNERS", "20"))
ASSIGNMENT = "bai_thu_lop"
SPAWN_CONCURRENCY = 5


def _assignment_notebook() -> nbformat.NotebookNode:
    """A small nbgrader assignment: one answer cell, one hidden-test cell (1 point)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    md = nbformat.v4.new_markdown_cell("# Bài thử của lớp\nGán `so_ho_dan` bằng số hộ dân của tổ dân phố (42).")
    ans = nbformat.v4.new_code_cell("### BEGIN SOLUTION\nso_ho_dan = 42\n### END SOLUTION")
    ans.metadata["nbgrader"] = {"grade": False, "solution": True, "locked": False, "task": False,
                                "grade_id": "cau-1-tra-loi", "schema_version": 3}
    test = nbformat.v4.new_code_cell(
        "assert isinstance(so_ho_dan, int), 'Hãy gán một số nguyên.'\n"
        "### BEGIN HIDDEN TESTS\nassert so_ho_dan == 42, 'Chưa đúng số hộ dân.'\n### END HIDDEN TESTS")
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "task": False, "points": 1,
                                 "grade_id": "cau-1-kiem-tra", "schema_version": 3}
    for i, cell in enumerate((md, ans, test)):
        cell["id"] = f"bai-thu-{i}"
    nb.cells = [md, ans, test]
    return nb


def _course_root(tmp: Path) -> Path:
    """An nbgrader course root like the repository's grading/ (its own nbgrader_config.py if present)."""
    root = tmp / "grading"
    (root / "source" / ASSIGNMENT).mkdir(parents=True)
    shipped = ROOT / "grading" / "nbgrader_config.py"
    if shipped.exists():
        shutil.copy(shipped, root / "nbgrader_config.py")
    else:
        (root / "nbgrader_config.py").write_text(
            "import os\nc = get_config()\nc.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))\n"
            "c.CourseDirectory.course_id = os.environ['COURSE_ID']\n"
            "c.Exchange.root = os.environ['COURSE_EXCHANGE_DIR']\nc.Exchange.path_includes_course = True\n")
    nbformat.write(_assignment_notebook(), root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    return root


class HubClient:
    """Just enough of the hub's REST API and a user's Jupyter server, over the public proxy port."""

    def __init__(self, base: str) -> None:
        import httpx

        self.base = base
        self.http = httpx.AsyncClient(base_url=base, timeout=120, follow_redirects=False)

    async def login(self, user: str, password: str) -> str | None:
        r = await self.http.post(f"/hub/api/users/{user}/tokens",
                                 json={"auth": {"username": user, "password": password}, "expires_in": 7200,
                                       "note": "bài thử lớp học"})
        return r.json()["token"] if r.status_code in (200, 201) else None

    async def start(self, user: str, token: str) -> None:
        h = {"Authorization": f"token {token}"}
        r = await self.http.post(f"/hub/api/users/{user}/server", headers=h)
        assert r.status_code in (201, 202, 400), r.text  # 400: already running
        for _ in range(600):
            info = (await self.http.get(f"/hub/api/users/{user}", headers=h)).json()
            server = (info.get("servers") or {}).get("")
            if server and server.get("ready"):
                return
            await asyncio.sleep(0.5)
        raise AssertionError(f"máy chủ của {user} không sẵn sàng")


async def _execute(ws_url: str, token: str, codes: list[str]) -> list[str]:
    """Run code cells in a kernel over the Jupyter websocket; returns each execute_reply status."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    conn = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"},
                                               request_timeout=120))
    session = uuid.uuid4().hex
    statuses = []
    try:
        for code in codes:
            msg_id = uuid.uuid4().hex
            conn.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                           "username": "", "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": False}}))
            while True:
                raw = await asyncio.wait_for(conn.read_message(), 120)
                assert raw is not None, "websocket của nhân bị đóng"
                msg = json.loads(raw)
                if msg.get("msg_type") == "execute_reply" and msg["parent_header"].get("msg_id") == msg_id:
                    statuses.append(msg["content"]["status"])
                    break
    finally:
        conn.close()
    return statuses


async def _learner_session(hub: HubClient, user: str, password: str, correct: bool, sem: asyncio.Semaphore,
                           log: dict) -> None:
    t0 = time.perf_counter()
    token = await hub.login(user, password)
    assert token, f"{user} không đăng nhập được"
    h = {"Authorization": f"token {token}"}
    async with sem:
        await hub.start(user, token)
        log.setdefault("spawn_s", []).append(time.perf_counter() - t0)
        base = f"/user/{user}"
        r = await hub.http.post(f"{base}/assignments/fetch", headers=h,
                                json={"course_id": COURSE, "assignment_id": ASSIGNMENT})
        assert r.status_code == 200, r.text
        listing = r.json()
        assert listing.get("success"), listing
        fetched = next(a for a in listing["value"] if a["assignment_id"] == ASSIGNMENT and a["status"] == "fetched")
        nb_path = fetched["notebooks"][0]["path"]
        # Open the notebook as JupyterLab does, answer the question, save it.
        r = await hub.http.get(f"{base}/api/contents/{nb_path}", headers=h, params={"content": "1"})
        assert r.status_code == 200, r.text
        model = r.json()
        cells = model["content"]["cells"]
        answer = next(c for c in cells if c["metadata"].get("nbgrader", {}).get("solution"))
        assert "remind_unanswered()" in "".join(answer["source"]), "bản phát cho học viên còn lộ lời giải"
        answer["source"] = "so_ho_dan = 42" if correct else "so_ho_dan = 41"
        r = await hub.http.put(f"{base}/api/contents/{nb_path}", headers=h,
                               json={"type": "notebook", "format": "json", "content": model["content"]})
        assert r.status_code == 200, r.text
        # Run its cells through a kernel of the learner's own server, over the proxy.
        r = await hub.http.post(f"{base}/api/kernels", headers=h, json={"name": "python3"})
        assert r.status_code == 201, r.text
        kernel = r.json()["id"]
        ws = hub.base.replace("http", "ws", 1) + f"{base}/api/kernels/{kernel}/channels"
        codes = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        assert "42" not in codes[1], "bài phát cho học viên còn lộ phần kiểm tra ẩn"
        statuses = await _execute(ws, token, codes)
        # Only the visible check runs for the learner; the hidden one decides the grade later. The release
        # ends with the course's «Nộp bài» panel (nbgrader_ext.AddSubmitPanel), which runs cleanly too.
        assert "nop_bai(" in codes[-1] and len(codes) == 3, codes
        assert statuses == ["ok", "ok", "ok"], statuses
        await hub.http.delete(f"{base}/api/kernels/{kernel}", headers=h)
        r = await hub.http.post(f"{base}/assignments/submit", headers=h,
                                json={"course_id": COURSE, "assignment_id": ASSIGNMENT})
        assert r.status_code == 200 and r.json().get("success"), r.text
        await hub.http.delete(f"/hub/api/users/{user}/server", headers=h)  # free the seat
        log.setdefault("session_s", []).append(time.perf_counter() - t0)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hub")
    with running_hub(tmp, _course_root(tmp)) as started:
        yield started


def _nbgrader(hub, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "nbgrader"), *args], cwd=hub.course_root, env=hub.env,
                          capture_output=True, text=True, timeout=600)


def test_class_of_learners_submit_and_get_graded(hub):
    env = hub.env
    # The instructor releases the assignment into the hub's exchange.
    env.update(COURSE_ID=COURSE, COURSE_EXCHANGE_DIR=str(hub.state / "exchange"),
               JUPYTER_CONFIG_PATH=str(DEPLOY / "hub" / "jupyter"))
    for step in (("generate_assignment", ASSIGNMENT, "--force"), ("release_assignment", ASSIGNMENT, "--force")):
        out = _nbgrader(hub, *step)
        assert out.returncode == 0, out.stderr[-2000:]

    # The trainer adds the class from a CSV (Vietnamese names, one line without a username).
    csv_path = hub.tmp / "hoc_vien.csv"
    lines = ["ten_dang_nhap,ho_ten,vai_tro,ngan_sach_usd"]
    lines += [f"hv{i:02d},Học Viên Số {i},hoc_vien," for i in range(N - 1)]
    lines += [",Nguyễn Thị Đào,hoc_vien,0.2"]
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    users = [f"hv{i:02d}" for i in range(N - 1)] + ["nguyenthidao"]
    gateway_db = hub.tmp / "gateway" / "ward_gateway.sqlite3"
    gateway_db.parent.mkdir()
    cli = ["--state", str(hub.state), "--course", COURSE, "--gateway-db", str(gateway_db)]  # hub API: from state
    assert wardctl.main([*cli, "them-hoc-vien", str(csv_path)]) == 0
    assert wardctl.main([*cli, "them-hoc-vien", str(csv_path)]) == 0  # the same CSV again changes nothing
    # Every learner has a gateway key (the one the hub injects at spawn) with the CSV's budget.
    sys.path.insert(0, str(DEPLOY / "gateway"))
    import ward_gateway

    secret = (hub.state / "gateway_secret").read_text().strip()
    ledger = ward_gateway.Ledger(gateway_db)
    budgets = {u: ledger.lookup(ward_gateway.learner_key(secret, u)).max_budget_usd for u in users}
    assert budgets["nguyenthidao"] == pytest.approx(0.2) and budgets["hv00"] == pytest.approx(0.5)
    correct = {u: i % 4 != 3 for i, u in enumerate(users)}  # every 4th learner answers wrong
    passwords = {u: f"matkhau-{u}" for u in users}
    timings: dict = {}

    async def run_class() -> float:
        h = HubClient(hub.base)
        sem = asyncio.Semaphore(SPAWN_CONCURRENCY)
        t0 = time.perf_counter()
        try:
            # Someone not on the list cannot log in; a wrong password is refused after first use.
            assert await h.login("khach", "matkhau-khach") is None
            await asyncio.gather(*(_learner_session(h, u, passwords[u], correct[u], sem, timings) for u in users))
            assert await h.login(users[0], "sai-mat-khau") is None
            assert await h.login(users[0], passwords[users[0]])
        finally:
            await h.http.aclose()
        return time.perf_counter() - t0

    wall = asyncio.run(run_class())

    # Trainer resets a password: the next login sets a new one.
    assert wardctl.main(["--state", str(hub.state), "dat-lai-mat-khau", users[1]]) == 0

    async def relogin() -> None:
        h = HubClient(hub.base)
        try:
            assert await h.login(users[1], "mat-khau-moi-123")
            assert await h.login(users[1], passwords[users[1]]) is None
        finally:
            await h.http.aclose()

    asyncio.run(relogin())

    # The instructor collects and grades everything.
    out = _nbgrader(hub, "collect", ASSIGNMENT)
    assert out.returncode == 0, out.stderr[-2000:]
    submitted = sorted(p.name for p in (hub.course_root / "submitted").iterdir())
    assert submitted == sorted(users), f"bài nộp thu được: {submitted}"
    t_grade = time.perf_counter()
    if (ROOT / "course" / "grading" / "cli.py").exists():
        grade = subprocess.run([str(BIN / "khoahoc"), "grade", ASSIGNMENT, "--root", str(hub.course_root),
                                "--workers", "2", "--quiet", "--no-feedback"], cwd=ROOT, env=hub.env,
                               capture_output=True, text=True, timeout=900)
    else:
        grade = _nbgrader(hub, "autograde", ASSIGNMENT)
    assert grade.returncode == 0, (grade.stdout + grade.stderr)[-3000:]
    grade_s = time.perf_counter() - t_grade
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{hub.course_root / 'gradebook.db'}") as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
    assert sorted(scores) == sorted(users), "thiếu điểm của một số học viên"
    wrong = {u: s for u, s in scores.items() if s != (1.0 if correct[u] else 0.0)}
    assert not wrong, f"điểm sai: {wrong}"

    figures = {"learners": len(users), "hub_startup_s": round(hub.startup_s, 1), "class_wall_s": round(wall, 1),
               "spawn_concurrency": SPAWN_CONCURRENCY,
               "login_to_ready_p50_s": round(sorted(timings["spawn_s"])[len(users) // 2], 1),
               "session_p50_s": round(sorted(timings["session_s"])[len(users) // 2], 1),
               "session_max_s": round(max(timings["session_s"]), 1), "grade_s": round(grade_s, 1)}
    out_dir = ROOT / "test-artifacts"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "deploy_hub.json").write_text(json.dumps(figures, indent=2))
    print("\nHUB", json.dumps(figures))


def test_formgrader_service_is_for_instructors_only(hub):
    """The formgrader answers instructors at /services/<course>/ and refuses learners (403)."""
    import httpx

    csv_path = hub.tmp / "mot_hoc_vien.csv"
    csv_path.write_text("ten_dang_nhap,ho_ten,vai_tro,ngan_sach_usd\nhvxem,Học Viên Xem,hoc_vien,\n", encoding="utf-8")
    assert wardctl.main(["--state", str(hub.state), "--hub-api", f"{hub.base}/hub/api", "--course", COURSE,
                         "--gateway-db", str(hub.tmp / "no-gateway" / "x.sqlite3"),
                         "them-hoc-vien", str(csv_path)]) == 0

    async def tokens() -> tuple[str, str]:
        h = HubClient(hub.base)
        try:
            teacher = await h.login("giangvien", "matkhau-giangvien")
            learner = await h.login("hvxem", "matkhau-hvxem")
        finally:
            await h.http.aclose()
        return teacher, learner

    teacher, learner = asyncio.run(tokens())
    assert teacher and learner
    url = f"{hub.base}/services/{COURSE}/formgrader"
    deadline = time.monotonic() + 120
    while True:  # the service's Jupyter server may still be starting
        r = httpx.get(url, headers={"Authorization": f"token {teacher}"}, timeout=30, follow_redirects=True)
        if r.status_code != 503 or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert r.status_code == 200, (r.status_code, r.headers.get("location"), r.text[:300])
    assert str(r.url).startswith(url)  # landed on a formgrader page (manage_assignments), not a login form
    assert "formgrader" in r.text.lower()
    # JupyterHub ≥ 4.1: no framing of hub-served pages — why the formgrader opens in its own tab.
    assert "frame-ancestors 'none'" in r.headers.get("content-security-policy", "")
    denied = httpx.get(url, headers={"Authorization": f"token {learner}"}, timeout=30, follow_redirects=True)
    assert denied.status_code == 403
