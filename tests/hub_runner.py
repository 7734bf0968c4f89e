"""The ward class server (JupyterHub with deploy/hub/jupyterhub_config.py) started for a test on loopback ports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
BIN = Path(sys.executable).parent
COURSE = "ai_can_bo_co_so"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen, grace_s: float) -> None:
    """SIGTERM, then SIGKILL if the process has not ended within `grace_s` seconds."""
    proc.terminate()
    try:
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def wait_ready(proc: subprocess.Popen, url: str, log: Path, limit_s: float, what: str) -> float:
    """Poll `url` until it answers 200 (seconds waited); fail with the log's tail if the process dies first."""
    import httpx

    t0 = time.monotonic()
    while True:
        if proc.poll() is not None:
            pytest.fail(f"{what} dừng khi khởi động:\n" + log.read_text()[-4000:])
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return time.monotonic() - t0
        except httpx.HTTPError:
            pass
        assert time.monotonic() - t0 < limit_s, f"{what} không sẵn sàng sau {limit_s:g} s"
        time.sleep(0.5)


@contextmanager
def running_hub(tmp: Path, course_root: Path, drop: tuple[str, ...] = (), **extra_env: str) -> Iterator[SimpleNamespace]:
    """Start the hub (state in `tmp/state`), wait until its API answers (at most 180 s), stop it on exit.

    `drop` names environment variables the hub must not inherit; `extra_env` adds some. Yields `base` (the
    public URL), `state`, `env`, `tmp`, `course_root` and `startup_s`."""
    state = tmp / "state"
    ports = {name: free_port() for name in ("public", "hub", "api", "formgrader")}
    env = dict(os.environ, WARD_HUB_STATE=str(state), WARD_COURSE_ID=COURSE, WARD_COURSE_ROOT=str(course_root),
               WARD_ADMINS="giangvien", WARD_INSTRUCTORS="giangvien", WARD_SPAWNER="simple",
               WARD_HUB_BIND_URL=f"http://127.0.0.1:{ports['public']}", WARD_HUB_PORT=str(ports["hub"]),
               WARD_PROXY_API_PORT=str(ports["api"]), WARD_FORMGRADER_PORT=str(ports["formgrader"]),
               PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra_env)
    for key in drop:
        env.pop(key, None)
    log = (tmp / "jupyterhub.log").open("w")
    proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(DEPLOY / "hub" / "jupyterhub_config.py")],
                            cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{ports['public']}"
    try:
        startup_s = wait_ready(proc, base + "/hub/api/", tmp / "jupyterhub.log", 180, "JupyterHub")
        yield SimpleNamespace(base=base, state=state, env=env, tmp=tmp, course_root=course_root, startup_s=startup_s)
    finally:
        stop(proc, 30)  # the hub stops its learners' servers and its services on SIGTERM (cleanup_servers)
        log.close()
