"""Fresh grading kernels without paying Python's start-up for each one: a per-worker fork server.

Starting an IPython kernel costs ~0.5 s of CPU (importing ipykernel, IPython, zmq...) and the
assignment's set-up cell imports the course's modules again (0.2-0.5 s). Every submission pays
both when nbgrader launches `python -m ipykernel_launcher` for it.

Here each grading worker starts one *zygote* process that imports those modules once (and
nothing else: it never runs a learner's code). For every notebook, nbgrader's kernel manager
asks the zygote to `fork()`; the child becomes the kernel (`IPKernelApp`, same argv, the same
environment and working directory nbgrader would have given it). So every submission still gets
a brand-new process, which no other learner's code has ever touched, and the grading sandbox
(`course.grading.sandbox`, installed by the IPython startup file) applies as before; only the
imports are already done. The kernel is its own session leader (signals go to its group) and a
child of the zygote, which the worker kills with its descendants on a deadline.

`FastExecute` is nbgrader's `Execute` with this kernel manager and an immediate (SIGKILL)
shutdown of the finished kernel: its outputs are already collected, and a graceful shutdown
only waits. If the fork server is unusable, kernels start the ordinary way.
"""

from __future__ import annotations

import ast
import asyncio
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.local_provisioner import LocalProvisioner
from nbgrader.preprocessors import Execute
from traitlets import Type

BASE_PRELOAD = ("ipykernel.kernelapp", "IPython", "course.grading.sandbox")
# What a notebook importing the key triggers later in the kernel (lazy imports, data loaded on
# first use): "module" is imported, "module:function" is also called without arguments.
WARMUPS = {"course.legal": ("pyvi.ViTokenizer", "course.legal.retrieval:get_index",
                            "course.legal.query_encoder:encoder")}


def preload_list(imports: list[str]) -> list[str]:
    """The notebooks' imports followed by the warm-ups they call for."""
    extra = [w for key, items in WARMUPS.items() if any(m == key or m.startswith(key + ".") for m in imports)
             for w in items]
    return imports + [w for w in extra if w not in imports]


def notebook_imports(paths: list[Path]) -> list[str]:
    """Top-level modules imported by the code cells of (instructor-released) notebooks."""
    import nbformat

    found: list[str] = []
    for path in paths:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # noqa: BLE001 — a broken release notebook is reported elsewhere
            continue
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            for node in tree.body:
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                found += [n for n in names if n not in found]
    return found


class _ForkedProcess:
    """The slice of `subprocess.Popen` that `LocalProvisioner` uses, for a kernel we did not spawn."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except ProcessLookupError:  # already gone
            self._fd, self.returncode = None, -1

    def poll(self) -> int | None:
        if self.returncode is None and self._fd is not None:
            ready, _, _ = select.select([self._fd], [], [], 0)
            if ready:
                self._exited()
        return self.returncode

    def _exited(self) -> None:
        self.returncode = -1  # the zygote reaps its children: the exact status is not known here
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None and self._fd is not None:
            select.select([self._fd], [], [], timeout)
            self.poll()
        return -1 if self.returncode is None else self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class Zygote:
    """Client side of the fork server; one per worker process, started on first use."""

    _instance: Zygote | None = None
    _lock = threading.Lock()
    disabled = False  # set after a failure: the rest of this worker's kernels start normally

    def __init__(self) -> None:
        # NBGRADER_EXECUTION as in every grading kernel. One OpenMP thread: GNU OpenMP is not
        # fork-safe once it has started a thread pool, should a warm-up run a parallel region
        # here (e.g. embedding legal articles); kernels that load OpenMP themselves are unaffected.
        env = dict(os.environ, NBGRADER_EXECUTION="autograde", OMP_NUM_THREADS="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "course.grading.kernels", *BASE_PRELOAD],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     encoding="utf-8", env=env)
        self.preloaded: set[str] = set(BASE_PRELOAD)

    @classmethod
    def get(cls) -> Zygote | None:
        """The worker's fork server, or None when it is not running (then kernels start normally)."""
        with cls._lock:
            if cls.disabled:
                return None
            if cls._instance is None or cls._instance.proc.poll() is not None:
                try:
                    cls._instance = Zygote()
                except OSError:
                    cls.disabled = True
                    return None
            return cls._instance

    @classmethod
    def shutdown(cls) -> None:
        """Close the fork server, if one runs, and wait for it."""
        with cls._lock:
            if cls._instance is not None:
                cls._instance.close()
                cls._instance = None

    @classmethod
    def give_up(cls) -> None:
        """Stop using the fork server (it failed to answer)."""
        with cls._lock:
            cls.disabled = True
            if cls._instance is not None:
                cls._instance.proc.kill()
                cls._instance.proc.wait()
                cls._instance = None

    def _send(self, message: dict) -> None:
        self.proc.stdin.write(json.dumps(message) + "\n")
        self.proc.stdin.flush()

    def preload(self, modules: list[str]) -> None:
        """Ask the zygote to import more modules (before its next fork)."""
        new = [m for m in modules if m not in self.preloaded]
        if new:
            self.preloaded.update(new)
            try:
                self._send({"preload": new})
            except OSError:
                Zygote.give_up()

    def spawn(self, argv: list[str], env: dict[str, str], cwd: str, timeout: float = 60) -> int:
        """Fork a kernel; its pid."""
        self._send({"argv": argv, "env": env, "cwd": cwd})  # answered after any pending preload
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            raise OSError("fork server did not answer")
        return int(json.loads(line)["pid"])

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


def _same_python(argv: list[str]) -> bool:
    return (len(argv) >= 3 and argv[1:3] == ["-m", "ipykernel_launcher"]
            and os.path.realpath(argv[0]) == os.path.realpath(sys.executable))


class ForkProvisioner(LocalProvisioner):
    """Launches the kernel by forking the worker's zygote (or normally when that is not possible)."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        zygote = Zygote.get() if _same_python(cmd) else None
        if zygote is None:
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid = await asyncio.get_running_loop().run_in_executor(None, zygote.spawn, cmd, env, cwd)
        except (OSError, ValueError, KeyError):
            Zygote.give_up()
            return await super().launch_kernel(cmd, **kwargs)
        self.process = _ForkedProcess(pid)
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info

    async def wait(self) -> int | None:
        if self.process is None:
            return 0
        ret = await asyncio.get_running_loop().run_in_executor(None, self.process.wait, None)
        self.process = None
        return ret


class QuickReadyClient(AsyncKernelClient):
    """jupyter_client's client, minus the 0.2 s of IOPub silence it waits for once the kernel is ready.

    Same handshake (kernel_info reply on shell, then one IOPub message to prove IOPub is
    connected); the messages still queued are drained without waiting for more. A late one is
    harmless: nbclient only reads IOPub messages whose parent is the request it sent.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:  # type: ignore[override]
        deadline = time.time() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if msg["msg_type"] == "kernel_info_reply":
                    try:
                        await self.iopub_channel.get_msg(timeout=0.2)
                    except Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(msg)
                        break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.time() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                await self.iopub_channel.get_msg(timeout=0.01)
            except Empty:
                break


class ForkKernelManager(AsyncKernelManager):
    """`AsyncKernelManager` whose kernels come from the worker's fork server."""

    client_factory = Type(QuickReadyClient, klass=AsyncKernelClient)

    async def _async_wait(self, pollinterval: float = 0.01) -> None:
        await super()._async_wait(pollinterval=pollinterval)  # a killed kernel is gone within ms

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:
        if self.provisioner is None:
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
            self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)


class FastExecute(Execute):
    """nbgrader's Execute with fork-server kernels that are killed as soon as the notebook ran."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("kernel_manager_class", ForkKernelManager)
        kwargs.setdefault("shutdown_kernel", "immediate")
        super().__init__(*args, **kwargs)


# ---------------------------------------------------------------- the zygote process itself

def _import_all(modules: list[str]) -> None:
    import importlib

    for name in modules:
        try:
            module, _, func = name.partition(":")
            loaded = importlib.import_module(module)
            if func:
                getattr(loaded, func)()
        except BaseException as err:  # noqa: BLE001 — the kernel will import (and report) it itself
            print(f"khoahoc zygote: preload {name} failed: {err!r}", file=sys.stderr)


def _warm_tracebacks() -> None:
    """Format one traceback the way IPython does, so regexes and lexers are compiled before the fork
    (the first error of every kernel otherwise pays ~0.1 s for it). Run after the imports, last."""
    try:
        from IPython.core.ultratb import VerboseTB

        try:
            raise ValueError("warm-up")
        except ValueError:
            VerboseTB().structured_traceback(*sys.exc_info())
    except Exception as err:  # noqa: BLE001 — only a speed-up
        print(f"khoahoc zygote: traceback warm-up failed: {err!r}", file=sys.stderr)


def _become_kernel(request: dict, reply_fds: list[int]) -> None:
    """In the forked child: look like `python -m ipykernel_launcher ...` started fresh, then run it."""
    code = 1
    try:
        for fd in reply_fds:
            os.close(fd)
        os.setsid()
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(2, 1)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        if "numpy.random" in sys.modules:  # fresh random state, as a new process would have
            sys.modules["numpy.random"].seed()
        argv = request["argv"]
        sys.argv = [argv[2], *argv[3:], f"--IPKernelApp.parent_handle={os.getppid()}"]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:  # noqa: BLE001
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _reap(_signum: int, _frame: Any) -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass


def serve(preload: list[str]) -> None:
    """Zygote loop: preload, then one fork per request line on stdin, its pid on stdout."""
    signal.signal(signal.SIGCHLD, _reap)  # reaped (not ignored), so their CPU time is accounted
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]  # as ipykernel_launcher does; the kernel's shell puts its own cwd back
    _import_all(preload)
    _warm_tracebacks()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if "preload" in request:
            _import_all(request["preload"])
            _warm_tracebacks()
            continue
        pid = os.fork()
        if pid == 0:
            _become_kernel(request, [out.fileno(), 0])
        out.write(json.dumps({"pid": pid}) + "\n")


if __name__ == "__main__":
    serve(sys.argv[1:])
