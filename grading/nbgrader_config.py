# nbgrader course root of "AI cho cán bộ cơ sở".
# Works from here (`cd grading && nbgrader ...`) and through `khoahoc grade` from the repo root.
# Settings by environment variable (all optional):
#   KHOAHOC_GRADEBOOK_URL  SQLAlchemy URL of the gradebook (default: SQLite grading/gradebook.db);
#                          e.g. postgresql://grader@db/khoahoc when several graders work at once.
#   KHOAHOC_EXCHANGE_DIR   exchange directory (default: grading/exchange; on JupyterHub use a shared
#                          path such as /srv/nbgrader/exchange, see grading/README.md).
#   KHOAHOC_COURSE_ID      course id in the exchange (default: ai_can_bo_co_so).
#   KHOAHOC_CELL_TIMEOUT   seconds a cell may run while autograding (default 30).
#   KHOAHOC_FORK_KERNELS   0 = `khoahoc grade` starts every grading kernel as a new Python process;
#                          default 1 = forks it from a per-worker process that has the notebooks'
#                          imports loaded (course/grading/kernels.py). Plain `nbgrader` is unaffected.
import os
from pathlib import Path

from course.grading.nbgrader_ext import configure

ROOT = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 — provided by nbgrader's config loader

c.CourseDirectory.root = str(ROOT)
c.CourseDirectory.course_id = os.environ.get("KHOAHOC_COURSE_ID", "ai_can_bo_co_so")
c.CourseDirectory.db_url = os.environ.get("KHOAHOC_GRADEBOOK_URL") or f"sqlite:///{ROOT / 'gradebook.db'}"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".khoahoc*"]
c.Exchange.root = os.environ.get("KHOAHOC_EXCHANGE_DIR", str(ROOT / "exchange"))
c.Exchange.path_includes_course = True
configure(c)
