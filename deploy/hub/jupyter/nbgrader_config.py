"""nbgrader settings for every server on the ward's hub (found through JUPYTER_CONFIG_PATH).

One exchange for the hub, per-course paths, and JupyterHub groups deciding who is a learner
(`nbgrader-<course>`) and who grades (`formgrade-<course>`).
"""

import os

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821 - provided by traitlets when this file is loaded

c.Exchange.root = os.environ.get("COURSE_EXCHANGE_DIR") or os.environ.get("KHOAHOC_EXCHANGE_DIR") or "/srv/ward-hub/exchange"
c.Exchange.path_includes_course = True
c.CourseDirectory.course_id = os.environ.get("COURSE_ID") or os.environ.get("KHOAHOC_COURSE_ID") or "ai_can_bo_co_so"
c.Authenticator.plugin_class = JupyterHubAuthPlugin

# A learner's submissions carry their hub name, not the OS account (TLJH names accounts
# "jupyter-<name>"; the test spawner runs everyone as one account). The formgrader service and the
# trainer's shell have no JUPYTERHUB_USER and keep nbgrader's default (all students).
if os.environ.get("JUPYTERHUB_USER") and not os.environ.get("JUPYTERHUB_SERVICE_NAME"):
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
