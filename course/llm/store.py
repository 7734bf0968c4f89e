"""Disk response cache (rehearse before class, replay when the hall's internet drops) and usage log.

Cache entries are keyed by provider, model, the *sent* (already redacted) prompt and parameters,
so they never hold personal data that the guard removed, and never a key: only the answer text
and its metadata are written, scrubbed of any configured secret.

The usage log is one JSON line per call in `<cache_dir>/usage/<learner>.jsonl`; `read_usage()`
returns all of them as a pandas DataFrame for the instructor.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from course.config import Settings, scrub

SESSION_ID = uuid.uuid4().hex[:12]


def cache_key(provider: str, model: str, prompt: str, system: str | None, params: dict[str, Any]) -> str:
    payload = json.dumps(
        {"provider": provider, "model": model, "prompt": prompt, "system": system or "", "params": params},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _cache_file(settings: Settings, key: str) -> Path:
    return settings.cache_dir / "llm_responses" / key[:2] / f"{key}.json"


def cache_get(settings: Settings, key: str) -> dict[str, Any] | None:
    path = _cache_file(settings, key)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def cache_put(settings: Settings, key: str, entry: dict[str, Any]) -> None:
    """Store one answer (text + metadata, scrubbed of secrets). Failures to write are ignored."""
    entry = dict(entry, saved_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
    try:
        _atomic_write(_cache_file(settings, key), scrub(json.dumps(entry, ensure_ascii=False), settings))
    except OSError:
        pass


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]", "_", name)[:64] or "khong_ten"


def usage_log_path(settings: Settings) -> Path:
    """This learner's usage log file."""
    return settings.cache_dir / "usage" / f"{_safe_name(settings.learner)}.jsonl"


def log_usage(settings: Settings, record: dict[str, Any]) -> None:
    """Append one call's provider, model, tokens, latency and cost. Never the prompt, never a key."""
    row = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "learner": settings.learner, "session": SESSION_ID}
    row.update(record)
    path = usage_log_path(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(scrub(json.dumps(row, ensure_ascii=False), settings) + "\n")
    except OSError:
        pass


def read_usage(paths: list[Path] | Path | None = None, settings: Settings | None = None) -> Any:
    """All usage rows as a pandas DataFrame (one row per call).

    `paths` may be log files or folders of them (e.g. every learner's `usage/` folder collected by
    the instructor); by default this machine's `<cache_dir>/usage/`.
    """
    import pandas as pd

    if paths is None:
        from course.config import load_settings

        paths = [(settings or load_settings()).cache_dir / "usage"]
    elif isinstance(paths, Path | str):
        paths = [Path(paths)]
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    rows: list[dict[str, Any]] = []
    for f in files:
        try:
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rows.append(json.loads(line))
        except (OSError, ValueError):
            continue
    columns = ["time", "learner", "session", "provider", "model", "tokens_in", "tokens_out",
               "latency_s", "cost_usd", "replayed", "fallback_from", "ok"]
    frame = pd.DataFrame(rows)
    for col in columns:
        if col not in frame.columns:
            frame[col] = pd.Series(dtype="object")
    return frame[columns + [c for c in frame.columns if c not in columns]]


def usage_summary(frame: Any) -> Any:
    """Per learner and provider: calls, failures, tokens in/out, estimated cost, mean latency."""
    import pandas as pd

    if frame.empty:
        return pd.DataFrame(columns=["learner", "provider", "calls", "failed", "tokens_in", "tokens_out",
                                     "cost_usd", "latency_s"])
    f = frame.copy()
    f["failed"] = ~f["ok"].fillna(True).astype(bool)
    for col in ("tokens_in", "tokens_out", "cost_usd", "latency_s"):
        f[col] = pd.to_numeric(f[col], errors="coerce").fillna(0)
    out = f.groupby(["learner", "provider"], dropna=False).agg(
        calls=("provider", "size"), failed=("failed", "sum"), tokens_in=("tokens_in", "sum"),
        tokens_out=("tokens_out", "sum"), cost_usd=("cost_usd", "sum"), latency_s=("latency_s", "mean"))
    return out.reset_index().round({"cost_usd": 5, "latency_s": 2})
