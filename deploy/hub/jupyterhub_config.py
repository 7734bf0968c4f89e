"""JupyterHub for a ward class on one server (no TLJH): `jupyterhub -f deploy/hub/jupyterhub_config.py`.

Everything is read from environment variables (defaults in brackets), so the trainer edits nothing here:
WARD_COURSE_ID [ai_can_bo_co_so], WARD_COURSE_ROOT [<repo>/grading], WARD_HUB_STATE [/srv/ward-hub], WARD_ADMINS [giangvien] and
WARD_INSTRUCTORS [giangvien] (comma-separated), WARD_HUB_BIND_URL [http://0.0.0.0:8000],
WARD_HUB_PORT [8081], WARD_PROXY_API_PORT [8001], WARD_FORMGRADER_PORT [9999],
WARD_SPAWNER [local; "simple" only in tests], WARD_GATEWAY_URL [empty: no shared AI gateway],
WARD_GATEWAY_MODEL [gpt-4o-mini; may-chu-lop = the class AI server, no cloud],
WARD_MEM_LIMIT [1G], WARD_CPU_LIMIT [0.5].
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ward_hub import configure  # noqa: E402


def _list(name: str, default: str) -> list[str]:
    return [x.strip() for x in os.environ.get(name, default).split(",") if x.strip()]


configure(
    get_config(),  # noqa: F821 - provided by JupyterHub when it loads this file
    course=os.environ.get("WARD_COURSE_ID", "ai_can_bo_co_so"),
    course_root=Path(os.environ["WARD_COURSE_ROOT"]) if os.environ.get("WARD_COURSE_ROOT") else None,
    state=Path(os.environ.get("WARD_HUB_STATE", "/srv/ward-hub")),
    admins=_list("WARD_ADMINS", "giangvien"),
    instructors=_list("WARD_INSTRUCTORS", "giangvien"),
    spawner=os.environ.get("WARD_SPAWNER", "local"),
    bind_url=os.environ.get("WARD_HUB_BIND_URL", "http://0.0.0.0:8000"),
    hub_port=int(os.environ.get("WARD_HUB_PORT", "8081")),
    proxy_api_port=int(os.environ.get("WARD_PROXY_API_PORT", "8001")),
    formgrader_port=int(os.environ.get("WARD_FORMGRADER_PORT", "9999")),
    gateway_url=os.environ.get("WARD_GATEWAY_URL", ""),
    gateway_model=os.environ.get("WARD_GATEWAY_MODEL", "gpt-4o-mini"),
    mem_limit=os.environ.get("WARD_MEM_LIMIT", "1G"),
    cpu_limit=float(os.environ.get("WARD_CPU_LIMIT", "0.5")),
)
