"""Where a widget writes the learner's answer variable: the notebook's own namespace."""

from __future__ import annotations

from typing import Any

_FALLBACK: dict[str, Any] = {}


def user_namespace(namespace: dict[str, Any] | None = None) -> dict[str, Any]:
    """The given dict, else the running IPython kernel's user namespace, else a module dict."""
    if namespace is not None:
        return namespace
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython is a dependency
        shell = None
    return shell.user_ns if shell is not None else _FALLBACK
