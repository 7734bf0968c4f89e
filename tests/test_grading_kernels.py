"""Grading kernels forked from a worker's zygote: fresh per submission, nothing leaks between learners."""

from __future__ import annotations

import asyncio
import os

import nbformat
import pytest

from course.grading.kernels import ForkKernelManager, QuickReadyClient, Zygote, notebook_imports, preload_list


def test_notebook_imports_and_warmups(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from course.ui import setup\nimport json, os.path\nsetup()"),
                nbformat.v4.new_code_cell("from course.legal import widgets\nfrom . import x\nif 1:\n    import zlib"),
                nbformat.v4.new_code_cell("this is not python (")]
    path = tmp_path / "bai_tap.ipynb"
    nbformat.write(nb, path)
    found = notebook_imports([path, tmp_path / "missing.ipynb"])
    assert found == ["course.ui", "json", "os.path", "course.legal"]  # top-level statements only
    assert preload_list(["course.ui"]) == ["course.ui"]
    assert "course.legal.retrieval:get_index" in preload_list(found)


async def _run(code: str) -> dict:
    km = ForkKernelManager()
    await km.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"], cwd=os.getcwd())
    kc = km.client()
    assert isinstance(kc, QuickReadyClient)
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=60)
        reply = await kc.execute_interactive(code, user_expressions={"out": "result"}, timeout=60,
                                             output_hook=lambda msg: None)
        out = reply["content"]["user_expressions"]["out"]["data"]["text/plain"]
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
    assert not await km.is_alive()
    return out


@pytest.fixture(scope="module")
def zygote():
    z = Zygote.get()
    if z is None:
        pytest.skip("fork server unavailable")
    z.preload(["course.grading.checks"])
    yield z
    z.close()
    Zygote._instance = None


def test_each_kernel_is_a_fresh_fork_and_state_does_not_leak(zygote, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = asyncio.run(_run(
        "import os, sys\npre = 'course.grading.checks' in sys.modules\n"
        "import course.grading.checks as c\nc.LEAKED = 'hv001'\nresult = (os.getpid(), os.getppid(), pre)"))
    pid, ppid, preloaded = eval(first)  # noqa: S307 — a tuple of ints and a bool from our own kernel
    assert ppid == zygote.proc.pid and preloaded
    second = asyncio.run(_run(
        "import os, course.grading.checks as c\nresult = (os.getpid(), getattr(c, 'LEAKED', None), os.getcwd())"))
    pid2, leaked, cwd = eval(second)  # noqa: S307
    assert pid2 != pid and leaked is None and cwd == str(tmp_path)
