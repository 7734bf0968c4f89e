"""Per-learner keys, budgets and a usage ledger for the ward's LiteLLM proxy.

LiteLLM's own virtual keys live in PostgreSQL through Prisma, whose engine binaries are fetched
from the internet at run time; on an offline ward server (and on this project's machines) that
download fails. This module plugs into LiteLLM's documented extension points instead:

* ``user_api_key_auth`` — ``general_settings.custom_auth``: looks the learner's key up (only its
  SHA-256 is stored) and hands LiteLLM a ``UserAPIKeyAuth`` carrying the key's budget, spend and
  rate limits. With ``custom_auth_run_common_checks: true`` LiteLLM's own checks refuse a key
  whose spend reached its budget; its limiter enforces ``rpm_limit`` / ``tpm_limit`` /
  ``max_parallel_requests``.
* ``ledger_logger`` — ``litellm_settings.callbacks``: records every answered request (learner,
  model, tokens, cost computed by LiteLLM) in one SQLite file, the usage log the trainer reads.

Learner keys are derived, not stored: ``learner_key(secret, name)`` is an HMAC of the learner's
name with the ward's secret, so the hub can inject each learner's key into their server and the
gateway holds only hashes. Environment: ``WARD_GATEWAY_DB`` (SQLite path).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

KEY_PREFIX = "sk-ward-"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS keys (
  key_hash TEXT PRIMARY KEY, learner TEXT UNIQUE NOT NULL, max_budget_usd REAL NOT NULL,
  rpm_limit INTEGER, tpm_limit INTEGER, max_parallel INTEGER, created REAL NOT NULL,
  blocked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS usage (
  call_id TEXT PRIMARY KEY, learner TEXT NOT NULL, model TEXT, tokens_in INTEGER, tokens_out INTEGER,
  cost_usd REAL NOT NULL, latency_s REAL, ts REAL NOT NULL);
CREATE INDEX IF NOT EXISTS usage_learner ON usage(learner);
"""


def learner_key(secret: str, learner: str) -> str:
    """The learner's gateway key: HMAC-SHA256(secret, name), stable across restarts."""
    digest = hmac.new(secret.encode(), learner.encode(), hashlib.sha256).hexdigest()
    return KEY_PREFIX + digest[:40]


def read_secret(path: str | Path) -> str:
    """Read (or create, mode 600) a random secret file, e.g. the ward's gateway secret."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class KeyRow(NamedTuple):
    """A learner's key as the gateway sees it (spend summed from the usage log)."""

    learner: str
    max_budget_usd: float
    rpm_limit: int | None
    tpm_limit: int | None
    max_parallel: int | None
    blocked: bool
    spend_usd: float


class Ledger:
    """SQLite store of learners' key hashes, limits and usage (WAL, safe across processes)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._conn() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        yield db

    def issue(self, secret: str, learner: str, max_budget_usd: float, rpm_limit: int | None = None,
              tpm_limit: int | None = None, max_parallel: int | None = 2) -> str:
        """Register (or update the limits of) a learner's key; returns the key itself."""
        key = learner_key(secret, learner)
        with self._conn() as db:
            db.execute(
                "INSERT INTO keys(key_hash, learner, max_budget_usd, rpm_limit, tpm_limit, max_parallel, created)"
                " VALUES (?,?,?,?,?,?,?) ON CONFLICT(learner) DO UPDATE SET key_hash=excluded.key_hash,"
                " max_budget_usd=excluded.max_budget_usd, rpm_limit=excluded.rpm_limit,"
                " tpm_limit=excluded.tpm_limit, max_parallel=excluded.max_parallel, blocked=0",
                (key_hash(key), learner, max_budget_usd, rpm_limit, tpm_limit, max_parallel, time.time()))
        return key

    def block(self, learner: str, blocked: bool = True) -> None:
        with self._conn() as db:
            db.execute("UPDATE keys SET blocked=? WHERE learner=?", (int(blocked), learner))

    def lookup(self, key: str) -> KeyRow | None:
        with self._conn() as db:
            row = db.execute(
                "SELECT k.learner, k.max_budget_usd, k.rpm_limit, k.tpm_limit, k.max_parallel, k.blocked,"
                " COALESCE((SELECT SUM(cost_usd) FROM usage u WHERE u.learner=k.learner), 0)"
                " FROM keys k WHERE k.key_hash=?", (key_hash(key),)).fetchone()
        if row is None:
            return None
        return KeyRow(row[0], row[1], row[2], row[3], row[4], bool(row[5]), float(row[6]))

    def record(self, call_id: str, learner: str, model: str, tokens_in: int, tokens_out: int,
               cost_usd: float, latency_s: float) -> None:
        """Store one answered request; a repeated call id is ignored (no double charge)."""
        with self._conn() as db:
            db.execute("INSERT OR IGNORE INTO usage VALUES (?,?,?,?,?,?,?,?)",
                       (call_id, learner, model, tokens_in, tokens_out, cost_usd, latency_s, time.time()))

    def usage(self) -> list[dict[str, Any]]:
        """Per learner: requests, tokens, spend and budget (learners without usage included)."""
        with self._conn() as db:
            rows = db.execute(
                "SELECT k.learner, k.max_budget_usd, k.blocked, COUNT(u.call_id), COALESCE(SUM(u.tokens_in),0),"
                " COALESCE(SUM(u.tokens_out),0), COALESCE(SUM(u.cost_usd),0) FROM keys k"
                " LEFT JOIN usage u ON u.learner=k.learner GROUP BY k.learner ORDER BY k.learner").fetchall()
        return [{"learner": r[0], "budget_usd": r[1], "blocked": bool(r[2]), "requests": r[3],
                 "tokens_in": r[4], "tokens_out": r[5], "spend_usd": r[6]} for r in rows]


_LEDGER: Ledger | None = None


def ledger() -> Ledger:
    """The process-wide ledger at ``WARD_GATEWAY_DB``."""
    global _LEDGER
    path = os.environ.get("WARD_GATEWAY_DB", "/srv/ward-gateway/ward_gateway.sqlite3")
    if _LEDGER is None or str(_LEDGER.path) != path:
        _LEDGER = Ledger(path)
    return _LEDGER


async def user_api_key_auth(request: Any, api_key: str) -> Any:
    """LiteLLM ``custom_auth``: a learner key → ``UserAPIKeyAuth`` with its budget and limits."""
    from litellm.proxy._types import ProxyErrorTypes, ProxyException, UserAPIKeyAuth

    key = (api_key or "").removeprefix("Bearer ").strip()
    row = ledger().lookup(key) if key.startswith(KEY_PREFIX) else None
    if row is None or row.blocked:
        raise ProxyException(message="Khóa không hợp lệ hoặc đã bị khóa. Hãy hỏi giảng viên.",
                             type=ProxyErrorTypes.auth_error, param="api_key", code=401)
    return UserAPIKeyAuth(
        api_key=key_hash(key), token=key_hash(key), key_alias=row.learner, user_id=row.learner,
        max_budget=row.max_budget_usd, spend=row.spend_usd, rpm_limit=row.rpm_limit,
        tpm_limit=row.tpm_limit, max_parallel_requests=row.max_parallel)


def _learner_of(kwargs: dict[str, Any]) -> str:
    slo = kwargs.get("standard_logging_object") or {}
    meta = slo.get("metadata") or {}
    learner = meta.get("user_api_key_user_id") or meta.get("user_api_key_alias")
    if not learner:
        lp_meta = (kwargs.get("litellm_params") or {}).get("metadata") or {}
        learner = lp_meta.get("user_api_key_user_id") or lp_meta.get("user_api_key_alias")
    return str(learner or "")


def _make_logger() -> Any:
    from litellm.integrations.custom_logger import CustomLogger

    class LedgerLogger(CustomLogger):
        """Writes every successful call's tokens and LiteLLM-computed cost to the ledger."""

        async def async_log_success_event(self, kwargs, response_obj, start_time, end_time):  # noqa: ANN001
            learner = _learner_of(kwargs)
            if not learner:
                return
            slo = kwargs.get("standard_logging_object") or {}
            cost = kwargs.get("response_cost") or slo.get("response_cost") or 0.0
            call_id = kwargs.get("litellm_call_id") or slo.get("id") or getattr(response_obj, "id", "")
            ledger().record(
                str(call_id), learner, str(slo.get("model_group") or kwargs.get("model") or ""),
                int(slo.get("prompt_tokens") or 0), int(slo.get("completion_tokens") or 0), float(cost),
                (end_time - start_time).total_seconds())

    return LedgerLogger()


_LOGGER: Any = None


def __getattr__(name: str) -> Any:
    """``ledger_logger`` is built on first use, so importing this module does not import LiteLLM."""
    global _LOGGER
    if name == "ledger_logger":
        if _LOGGER is None:
            _LOGGER = _make_logger()
        return _LOGGER
    raise AttributeError(name)
