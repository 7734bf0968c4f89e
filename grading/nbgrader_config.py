# nbgrader course root of "AI cho cán bộ cơ sở".
# Works from here (`cd grading && nbgrader ...`) and through `khoahoc grade` from the repo root.
# Settings come from course.config (environment or .env; all optional, see grading/README.md):
#   COURSE_GRADEBOOK_URL  SQLAlchemy URL of the gradebook (default: SQLite <this folder>/gradebook.db);
#                         e.g. postgresql://grader@db/khoahoc when several graders work at once.
#   COURSE_EXCHANGE_DIR   exchange directory (default: <this folder>/exchange; on JupyterHub use a
#                         shared path such as /srv/nbgrader/exchange).
#   COURSE_ID             course id in the exchange (default: ai_can_bo_co_so).
#   COURSE_CELL_TIMEOUT   seconds a cell may run while autograding (default 30).
#   COURSE_FORK_KERNELS   0 = `khoahoc grade` starts every grading kernel as a new Python process;
#                         default 1 = forks it from a per-worker process that has the notebooks'
#                         imports loaded (course/grading/kernels.py). Plain `nbgrader` is unaffected.
# The older KHOAHOC_ names are still read for one release.
import os
from pathlib import Path

from course.config import load_settings
from course.grading.nbgrader_ext import configure

ROOT = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 — provided by nbgrader's config loader
# exchange and gradebook default to this folder, wherever it was copied
settings = load_settings(environ={**os.environ, "COURSE_GRADING_ROOT": str(ROOT)})

c.CourseDirectory.root = str(ROOT)
c.CourseDirectory.course_id = settings.course_id
c.CourseDirectory.db_url = settings.gradebook_url
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".khoahoc*"]
c.Exchange.root = str(settings.exchange_dir)
c.Exchange.path_includes_course = True
configure(c)
