"""Guard rails inside a grading kernel (installed before the learner's first cell runs).

A Python audit hook (`sys.addaudithook`, which code cannot remove) refuses, with a Vietnamese
`PermissionError`:
- reading files under the course root, the answer keys (`*.ipynb` outside the submission folder)
  or any gradebook (`*.db`, `sqlite3.connect` outside the submission folder);
- network access (`socket.connect`, `socket.getaddrinfo`, ...): grading never calls a live model;
- starting other programs (`subprocess`, `os.system`, `os.exec*`, `os.fork`...).
Each refusal is also written to a log the grader reads, so the learner's report says why.
Resource limits cap memory (RLIMIT_AS) and the size of files written (RLIMIT_FSIZE); stdout and
stderr stop after a byte budget. This is defence in depth, not an OS sandbox: for a hostile
class, run each grading worker as its own Unix user or container (see grading/README.md).

The grader sets `COURSE_SANDBOX` (JSON) in the kernel's environment and an IPython startup
file calls `install_from_env()`.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

ENV = "COURSE_SANDBOX"
NET_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.bind",
              "socket.sendto", "socket.gethostbyaddr", "urllib.Request"}
PROC_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
               "os.forkpty", "pty.spawn", "os.startfile"}
MSG_FILE = "Khi chấm bài, bài làm không được đọc tệp này (đáp án, sổ điểm hoặc thư mục chấm): {}"
MSG_NET = "Khi chấm bài, bài làm không được truy cập mạng."
MSG_PROC = "Khi chấm bài, bài làm không được chạy chương trình khác."
OUTPUT_NOTE = "\n… [Đầu ra quá dài: phần còn lại đã bị bỏ qua khi chấm.]\n"


class Policy:
    """Which paths a submission may not touch; `allow` (its own folder) wins over `deny`."""

    def __init__(self, allow: str, deny: list[str]) -> None:
        self.allow = os.path.realpath(allow)
        self.deny = [os.path.realpath(d) for d in deny]

    @staticmethod
    def _under(path: str, root: str) -> bool:
        return path == root or path.startswith(root.rstrip(os.sep) + os.sep)

    def forbidden(self, path: Any) -> bool:
        if isinstance(path, int):
            return False
        try:
            real = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return False
        if self._under(real, self.allow):
            return False
        if any(self._under(real, d) for d in self.deny):
            return True
        return real.endswith((".ipynb", ".db", ".sqlite", ".sqlite3"))


def _make_hook(policy: Policy, log_fd: int | None):
    def note(kind: str, detail: str) -> None:
        if log_fd is not None:
            os.write(log_fd, (json.dumps({"kind": kind, "detail": detail}, ensure_ascii=False) + "\n").encode())

    def hook(event: str, args: tuple) -> None:
        if event == "open" or event == "os.listdir" or event == "os.scandir" or event == "sqlite3.connect":
            target = args[0] if args else None
            if target is not None and target != ":memory:" and policy.forbidden(target):
                note("file", str(target))
                raise PermissionError(MSG_FILE.format(target))
        elif event in NET_EVENTS:
            note("network", event)
            raise PermissionError(MSG_NET)
        elif event in PROC_EVENTS:
            note("process", event)
            raise PermissionError(MSG_PROC)

    return hook


def _cap_stream(stream: Any, budget: list[int]) -> None:
    write = stream.write

    def capped(text: str) -> int:
        if budget[0] <= 0:
            return len(text)
        if len(text) > budget[0]:
            text = text[: budget[0]] + OUTPUT_NOTE
        budget[0] -= len(text)
        return write(text)

    stream.write = capped


def install(allow: str, deny: list[str], log_path: str | None = None, mem_mb: int = 0,
            fsize_mb: int = 0, output_bytes: int = 0) -> None:
    """Install the limits and the audit hook in this process (a grading kernel)."""
    import resource

    if mem_mb > 0:
        resource.setrlimit(resource.RLIMIT_AS, (mem_mb * 2**20, mem_mb * 2**20))
    if fsize_mb > 0:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize_mb * 2**20, fsize_mb * 2**20))
    if output_bytes > 0:
        budget = [output_bytes]
        _cap_stream(sys.stdout, budget)
        _cap_stream(sys.stderr, budget)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600) if log_path else None
    if log_fd is not None:
        _log_cells(log_fd)
    sys.addaudithook(_make_hook(Policy(allow, deny), log_fd))


def cell_hash(source: str) -> str:
    """Fingerprint of a cell's code, to name the cell that killed a kernel."""
    import hashlib

    return hashlib.sha1(source.encode("utf-8")).hexdigest()


def _log_cells(log_fd: int) -> None:
    """Log each cell's fingerprint before it runs: after a crash, the last one is the culprit."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def before(info: Any) -> None:
        line = json.dumps({"kind": "cell", "detail": cell_hash(info.raw_cell or "")}) + "\n"
        os.write(log_fd, line.encode())

    shell.events.register("pre_run_cell", before)


def install_from_env() -> None:
    """Read the settings the grader put in `COURSE_SANDBOX`, remove them, and install."""
    raw = os.environ.pop(ENV, "")
    if raw:
        install(**json.loads(raw))


def startup_file_text() -> str:
    """Content of the IPython startup file the grader writes for its kernels."""
    return "import course.grading.sandbox as _kh_sandbox\n_kh_sandbox.install_from_env()\ndel _kh_sandbox\n"
