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


# Every Vietnamese letter (lower and upper case): the base letters with marks and the 134 tone forms.
VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)) + \
    "àáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝĩũĨŨ"


def code_font() -> str:
    """The first family of the code font the course sets in JupyterLab."""
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    family = overrides["@jupyterlab/apputils-extension:themes"]["overrides"]["code-font-family"]
    return family.split(",")[0].strip().strip("'\"")


def test_code_font_is_installed_monospace_with_every_vietnamese_letter() -> None:
    """JupyterLab's default code font (DejaVu Sans Mono) lacks «ố», «ấ», «ẩ»…: the course sets one that has them,
    installed from a Debian package the Makefile lists."""
    import re
    import subprocess

    from fontTools.ttLib import TTFont

    family = code_font()
    listed = subprocess.run(["fc-list", f":family={family}:spacing=mono", "file"], capture_output=True, text=True,
                            check=True).stdout.split()
    files = [f.rstrip(":") for f in listed]
    assert files, f"phông «{family}» chưa được cài (make run cài gói Debian của nó)"
    for path in files:
        cmap = TTFont(path, fontNumber=0).getBestCmap()
        missing = [ch for ch in VIETNAMESE if ord(ch) not in cmap]
        assert not missing, f"{path} thiếu {''.join(missing)}"
    owner = subprocess.run(["dpkg", "-S", files[0]], capture_output=True, text=True, check=True).stdout.split(":")[0]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    packages = re.search(r"^APT_PACKAGES \?=(.*)$", makefile, re.MULTILINE).group(1).split()
    assert owner in packages, f"{owner} (gói của phông {family}) không có trong APT_PACKAGES"
    # The font JupyterLab falls back to otherwise really lacks them (the bug this setting fixes).
    dejavu = subprocess.run(["fc-list", ":family=DejaVu Sans Mono:style=Book", "file"], capture_output=True,
                            text=True).stdout.split()
    if dejavu:
        assert ord("ố") not in TTFont(dejavu[0].rstrip(":")).getBestCmap()


def test_theme_overrides_are_seeded_into_user_settings_keeping_the_users_own(tmp_path: Path) -> None:
    """JupyterLab applies theme CSS overrides only from user settings: `make run` seeds them there."""
    import runpy

    seed = runpy.run_path(str(REPO / "jupyter" / "seed_user_settings.py"))["seed"]
    course = json.loads(OVERRIDES.read_text(encoding="utf-8"))["@jupyterlab/apputils-extension:themes"]["overrides"]
    path = seed(tmp_path)
    assert path == tmp_path / "@jupyterlab" / "apputils-extension" / "themes.jupyterlab-settings"
    assert json.loads(path.read_text(encoding="utf-8"))["overrides"] == course
    # A learner who enlarged the code font and chose a dark theme keeps both (JupyterLab writes comments too).
    path.write_text('{\n  // mine\n  "theme": "JupyterLab Dark",\n  "overrides": {"code-font-size": "20px"}\n}\n',
                    encoding="utf-8")
    seed(tmp_path)
    mine = json.loads(path.read_text(encoding="utf-8"))
    assert mine["theme"] == "JupyterLab Dark" and mine["overrides"]["code-font-size"] == "20px"
    assert mine["overrides"]["code-font-family"] == course["code-font-family"]
    path.write_text("{ not settings", encoding="utf-8")
    assert seed(tmp_path) is None and path.read_text(encoding="utf-8") == "{ not settings"
