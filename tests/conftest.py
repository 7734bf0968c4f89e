"""Shared fixtures: run a real notebook headless, find the repo, keep the tests offline."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent


def offline_env() -> dict[str, str]:
    """Environment for a notebook kernel with no cloud key: the offline default."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_BASE_URL",
                        "GOOGLE_GEMINI_BASE_URL", "COURSE_LLM_PROVIDER", "NBGRADER_EXECUTION"}}
    env["COURSE_DOTENV"] = str(REPO / "tests" / "no.env")
    env["MPLBACKEND"] = "Agg"
    return env


def run_notebook(path: Path, timeout: int = 600, env: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Execute a notebook top to bottom in a real kernel; raise on the first failing cell.

    The file on disk is not modified: notebooks stay committed without outputs.
    """
    nb = nbformat.read(path, as_version=4)
    old = dict(os.environ)
    env = env or offline_env()  # before clearing: offline_env() copies the current environment
    os.environ.clear()
    os.environ.update(env)
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    return nb


def outputs_text(nb: nbformat.NotebookNode) -> str:
    """All text a learner would see in the executed notebook's outputs."""
    chunks = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if "text" in out:
                chunks.append(out["text"])
            for key in ("text/plain", "text/html", "text/markdown"):
                if key in out.get("data", {}):
                    chunks.append(out["data"][key])
    return "\n".join(chunks)
