"""JupyterLab settings the course ships: every override names a real setting; the learner profile works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO

OVERRIDES = REPO / "jupyter" / "overrides.json"
LEARNER = REPO / "jupyter" / "learner"


def schema_dirs() -> list[Path]:
    from jupyter_core.paths import jupyter_path

    dirs = [Path(p) / "schemas" for p in jupyter_path("lab")]
    dirs += [ext / "schemas" for base in jupyter_path("labextensions") for ext in Path(base).glob("**/")
             if (ext / "package.json").is_file() and (ext / "schemas").is_dir()]
    return [d for d in dirs if d.is_dir()]


def find_schema(plugin_id: str) -> dict:
    package, plugin = plugin_id.split(":")
    for base in schema_dirs():
        path = base / package / f"{plugin}.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise AssertionError(f"no schema for {plugin_id}")


@pytest.mark.parametrize("plugin_id", list(json.loads(OVERRIDES.read_text(encoding="utf-8"))))
def test_override_names_real_settings(plugin_id: str) -> None:
    settings = json.loads(OVERRIDES.read_text(encoding="utf-8"))[plugin_id]
    schema = find_schema(plugin_id)
    for key in settings:
        assert key in schema.get("properties", {}), f"{plugin_id} has no setting «{key}»"


def test_overrides_make_a_vietnamese_quiet_lab() -> None:
    o = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    assert o["@jupyterlab/translation-extension:plugin"]["locale"] == "vi_VN"
    assert o["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert o["@jupyterlab/notebook-extension:tracker"]["autoStartDefaultKernel"] is True


def test_learner_profile_hides_instructor_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    from jupyterlab_server.config import get_static_page_config

    monkeypatch.delenv("JUPYTER_CONFIG_PATH", raising=False)
    plain = get_static_page_config(level="all").get("disabledExtensions", {})
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(LEARNER))
    learner = get_static_page_config(level="all").get("disabledExtensions", {})
    for plugin in ("@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:formgrader"):
        assert learner.get(plugin) is True, f"{plugin} still enabled for learners"
        assert not plain.get(plugin), f"{plugin} disabled for instructors too"
    assert not learner.get("@jupyter/nbgrader:assignment-list"), "learners need the assignment list"
    server = json.loads((LEARNER / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
