"""TLJH extra config: copy to /opt/tljh/config/jupyterhub_config.d/ward.py, then `sudo tljh-config reload`.

Adds the course's nbgrader groups and formgrader service, the shared AI gateway and learners' keys,
on top of TLJH's own proxy, spawner (systemd, with limits) and authenticator from config.yaml.
Set the repository path in WARD_REPO (default /opt/khoahoc) via /etc/systemd/system/jupyterhub.service.d.
"""

import os
import sys
from pathlib import Path

REPO = Path(os.environ.get("WARD_REPO", "/opt/khoahoc"))
sys.path.insert(0, str(REPO / "deploy" / "hub"))
from ward_hub import configure  # noqa: E402

configure(
    c,  # noqa: F821 - TLJH provides `c`
    course=os.environ.get("WARD_COURSE_ID", "ai_can_bo_co_so"),
    state=Path(os.environ.get("WARD_HUB_STATE", "/srv/ward-hub")),
    course_root=REPO / "grading",
    admins=["giangvien"],
    instructors=[u for u in os.environ.get("WARD_INSTRUCTORS", "giangvien").split(",") if u],
    tljh=True,
    gateway_url=os.environ.get("WARD_GATEWAY_URL", "http://127.0.0.1:4000/v1"),
    gateway_model=os.environ.get("WARD_GATEWAY_MODEL", "gpt-4o-mini"),
    mem_limit="1G",
    cpu_limit=0.5,
    python="/opt/tljh/user/bin/python",
)
