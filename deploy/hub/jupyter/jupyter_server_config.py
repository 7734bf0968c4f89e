"""Every learner's server on the ward's hub starts by refreshing the learner's files in its home folder.

The home gets the start page, lectures, practices, glossary and apps (`khoahoc hoc-vien --no-assignments`):
no assignment sources and no answer keys; assignments come only through nbgrader's exchange («Nhận bài»
on the start page). Files the learner changed are kept. The formgrader service and instructors' shells are
left alone. A failure is logged and never stops the server from starting.
"""

import logging
import os
from pathlib import Path

if os.environ.get("JUPYTERHUB_USER") and not os.environ.get("JUPYTERHUB_SERVICE_NAME"):
    try:
        from course.learner.folder import refresh

        refresh(Path.cwd(), assignments=False)
    except Exception:  # noqa: BLE001 - the learner's server must start even if the refresh fails
        logging.getLogger("khoahoc").exception("could not refresh the learner's files")

    try:  # the course's code font (every Vietnamese letter) and sizes, as `make run` seeds them
        import importlib.util

        seeder = Path(__file__).resolve().parents[3] / "jupyter" / "seed_user_settings.py"
        spec = importlib.util.spec_from_file_location("seed_user_settings", seeder)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.seed()
    except Exception:  # noqa: BLE001 - fonts are a comfort, never a reason not to start
        logging.getLogger("khoahoc").exception("could not seed the learner's JupyterLab settings")
