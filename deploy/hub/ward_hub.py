"""JupyterHub settings for a ward class, shared by every way of running the hub.

`configure(c, ...)` is called from `deploy/hub/jupyterhub_config.py` (a plain server, and the tests),
and from the TLJH snippet `deploy/tljh/jupyterhub_config.d/ward.py` (with `tljh=True`, which leaves
the proxy, spawner and database to TLJH). One place, so the class is configured the same way everywhere.

What it sets up:
* FirstUseAuthenticator: only learners the trainer added (CSV script) can log in; each chooses a
  password at first login; the trainer resets a password by deleting its entry (wardctl).
* Per-learner resources: memory/CPU limits (enforced by systemdspawner on TLJH, kubespawner on
  Kubernetes), idle servers culled.
* nbgrader: the exchange for the whole hub (`nbgrader_config.py` beside this file, via
  JUPYTER_CONFIG_PATH), the formgrader as a hub service named after the course, and the groups
  `formgrade-<course>` (instructors) and `nbgrader-<course>` (learners) with their roles.
* The AI gateway: each learner's server gets OPENAI_BASE_URL of the ward's LiteLLM proxy and that
  learner's own key (derived from the ward secret, see deploy/gateway/ward_gateway.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEPLOY = HERE.parent
sys.path.insert(0, str(DEPLOY / "gateway"))
from ward_gateway import learner_key, read_secret  # noqa: E402

LOCAL_GATEWAY_MODEL = "may-chu-lop"  # deploy/gateway/litellm_config.yaml: the class AI server, no cloud


def configure(c: Any, *, course: str, state: Path, admins: list[str], instructors: list[str],
              course_root: Path | None = None, tljh: bool = False, spawner: str = "local", bind_url: str = "http://0.0.0.0:8000",
              hub_port: int = 8081, proxy_api_port: int = 8001, formgrader_port: int = 9999,
              gateway_url: str = "", gateway_model: str = "gpt-4o-mini", mem_limit: str = "1G",
              cpu_limit: float = 0.5, python: str = sys.executable) -> None:
    """Apply the ward's class settings to the traitlets config `c`.

    `gateway_model` is the gateway model learners use: a cloud model (its text passes the PII guard first), or
    `may-chu-lop`, the class AI server on the ward's own PC (`khoahoc serve`), where no text leaves the ward."""
    state.mkdir(parents=True, exist_ok=True)
    exchange = state / "exchange"
    exchange.mkdir(exist_ok=True)
    exchange.chmod(0o777)  # nbgrader's exchange: every learner writes its inbound submissions here
    progress = exchange / "tien_do"  # practice progress for the trainer's live view (course.progress)
    progress.mkdir(exist_ok=True)
    progress.chmod(0o1777)  # each learner writes its own file; nobody can replace another's
    # The instructor's nbgrader course root: the repository's grading/ folder unless told otherwise.
    course_root = course_root or DEPLOY.parent / "grading"
    bindir = str(Path(python).parent)
    # Only the test spawner runs servers as the hub's own user, which may be root in a container.
    extra_args = ["--allow-root"] if spawner == "simple" and os.getuid() == 0 else []

    if not tljh:
        c.JupyterHub.bind_url = bind_url
        c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub_port}"
        c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
        c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
        chp = DEPLOY / ".npm" / "node_modules" / ".bin" / "configurable-http-proxy"
        c.ConfigurableHTTPProxy.command = [str(chp) if chp.exists() else "configurable-http-proxy"]
        c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"
        c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
        if spawner == "simple":  # tests only: every server runs as the hub's own OS user
            c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
            c.SimpleLocalProcessSpawner.home_dir_template = str(state / "home" / "{username}")
            c.Spawner.args = extra_args
        else:  # one OS account per learner (created by wardctl add-learners)
            c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
        c.Spawner.cmd = [str(Path(bindir) / "jupyterhub-singleuser")]

    # wardctl finds the hub's API here (TLJH runs the hub itself on 127.0.0.1:15001).
    (state / "hub_api_url").write_text(f"http://127.0.0.1:{15001 if tljh else hub_port}/hub/api")

    # --- who can log in -------------------------------------------------------------------
    c.JupyterHub.template_paths = [str(HERE / "templates")]  # login and start-up pages in Vietnamese
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.FirstUseAuthenticator.dbm_path = str(state / "passwords.dbm")
    c.FirstUseAuthenticator.create_users = False  # only learners the trainer added
    c.FirstUseAuthenticator.min_password_length = 8
    c.Authenticator.admin_users = set(admins)
    c.Authenticator.allow_existing_users = True

    # --- each learner's server ------------------------------------------------------------
    c.Spawner.default_url = "/lab/tree/bat_dau.ipynb"  # the start page (jupyter/jupyter_server_config.py puts it there)
    c.Spawner.mem_limit = mem_limit
    c.Spawner.cpu_limit = cpu_limit
    c.Spawner.start_timeout = 180
    c.Spawner.http_timeout = 120
    c.JupyterHub.concurrent_spawn_limit = 20  # 200 learners pressing "Start" at once queue politely
    c.JupyterHub.allow_named_servers = False
    env = {
        "JUPYTER_CONFIG_PATH": str(HERE / "jupyter"),
        "COURSE_EXCHANGE_DIR": str(exchange),
        "COURSE_ID": course,
        "COURSE_APPS_URL_DIR": "ung_dung",  # apps sit in the learner's folder
        "PATH": bindir + os.pathsep + "/usr/local/bin:/usr/bin:/bin",
    }
    secret_file = state / "gateway_secret"
    if gateway_url:
        env.update({"OPENAI_BASE_URL": gateway_url, "COURSE_LLM_PROVIDER": "compatible",
                    "COMPATIBLE_MODEL": gateway_model})
        if gateway_model != LOCAL_GATEWAY_MODEL:
            env["COURSE_COMPATIBLE_IS_CLOUD"] = "1"
    c.Spawner.environment.update(env)  # merged with TLJH's / the spawner's own defaults

    def pre_spawn_hook(spawner: Any) -> None:
        """Give the learner's server its own gateway key (never the ward's provider keys)."""
        if gateway_url:
            spawner.environment["OPENAI_API_KEY"] = learner_key(read_secret(secret_file), spawner.user.name)
        spawner.environment["COURSE_LEARNER"] = spawner.user.name
        if spawner.user.name not in instructors:
            # Learners: nbgrader's instructor panels hidden (jupyter/learner), and its English assignment list
            # and menu too (hub/learner): they fetch, submit and read feedback with the course's Vietnamese buttons.
            spawner.environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
                [str(HERE / "jupyter"), str(HERE / "learner"), str(DEPLOY.parent / "jupyter" / "learner")])

    c.Spawner.pre_spawn_hook = pre_spawn_hook

    # --- nbgrader: groups, roles, formgrader service ---------------------------------------
    grader = f"grader-{course}"  # the formgrader's hub identity (nbgrader asks the hub for its groups)
    c.JupyterHub.load_groups = {
        f"formgrade-{course}": {"users": [*instructors, grader]},
        f"nbgrader-{course}": {"users": list(instructors)},
    }
    c.JupyterHub.load_roles = [
        {"name": f"formgrade-{course}", "groups": [f"formgrade-{course}"],
         "scopes": [f"access:services!service={course}"]},
        {"name": f"nbgrader-{course}", "groups": [f"nbgrader-{course}"],
         "scopes": ["list:services", f"read:services!service={course}"]},
        # nbgrader's JupyterHubAuthPlugin reads the learner's groups with the server's token.
        {"name": "server", "scopes": ["inherit"]},
        # The formgrader service reads its grader account's groups (nbgrader's JupyterHubAuthPlugin).
        {"name": f"formgrader-{course}", "services": [course], "scopes": [f"read:users!user={grader}"]},
        # wardctl (add learners, reset servers) authenticates as this service.
        {"name": "ward-admin", "services": ["ward-admin"],
         "scopes": ["admin:users", "admin:groups", "admin:servers", "tokens", "read:hub"]},
    ]
    c.JupyterHub.services = [
        {
            # The formgrader runs as its own Jupyter server in the course root, reached at
            # /services/<course>/formgrader. JupyterHub ≥ 4.1 sends `frame-ancestors 'none'`, so the
            # formgrader is opened in its own browser tab, not framed inside JupyterLab (README).
            "name": course,
            "url": f"http://127.0.0.1:{formgrader_port}",
            "command": [str(Path(bindir) / "jupyterhub-singleuser"), f"--ServerApp.root_dir={course_root}",
                        *extra_args],
            "cwd": str(course_root),
            # A dedicated OS account owns the gradebook (root starts it); the test spawner has none.
            **({} if spawner == "simple" else {"user": grader}),
            "environment": {"JUPYTER_CONFIG_PATH": str(HERE / "jupyter"), "COURSE_EXCHANGE_DIR": str(exchange),
                            "COURSE_ID": course, "JUPYTERHUB_DEFAULT_URL": "/formgrader",
                            "JUPYTERHUB_USER": grader,
                            "PATH": env["PATH"]},
            "oauth_no_confirm": True,
        },
        {"name": "ward-admin", "api_token": read_secret(state / "admin_token")},
    ]
