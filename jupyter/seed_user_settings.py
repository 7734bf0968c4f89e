"""Put the course's theme overrides (code font, font sizes) into JupyterLab's *user* settings.

JupyterLab 4 applies the theme's CSS overrides (`code-font-family`, `code-font-size`, ...) only from
user settings: the same values in `overrides.json` change the defaults shown in the settings editor but
are never applied. `make run` runs this script (and the browser tests do the same): it adds each course
value the user has not set, keeps every value the user chose, and leaves a file it cannot read alone.

    python jupyter/seed_user_settings.py [USER_SETTINGS_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PLUGIN = "@jupyterlab/apputils-extension:themes"
OVERRIDES = Path(__file__).resolve().parent / "overrides.json"


def user_settings_dir() -> Path:
    """JupyterLab's user settings folder (JUPYTERLAB_SETTINGS_DIR, else ~/.jupyter/lab/user-settings)."""
    from jupyterlab.commands import get_user_settings_dir

    return Path(get_user_settings_dir())


def seed(target: Path | None = None, overrides: Path = OVERRIDES) -> Path | None:
    """Write the course's theme overrides into the user settings under `target`; the file, or None if unreadable."""
    import json5

    course = json.loads(overrides.read_text(encoding="utf-8")).get(PLUGIN, {}).get("overrides", {})
    package, plugin = PLUGIN.split(":")
    path = (target or user_settings_dir()) / package / f"{plugin}.jupyterlab-settings"
    current: dict = {}
    if path.is_file():
        try:
            current = json5.loads(path.read_text(encoding="utf-8")) or {}
        except ValueError:
            return None  # the user's own file, in a form we do not understand: never overwrite it
    merged = {**course, **(current.get("overrides") or {})}
    if current.get("overrides") == merged:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**current, "overrides": merged}, ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return path


if __name__ == "__main__":
    seed(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
