"""One place for settings: environment variables, then `.env`, then defaults.

Keys are read here and nowhere else. A `Settings` never shows a key in its repr:
every secret is masked, so printing settings in a notebook or a log is safe.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from dotenv import dotenv_values
from platformdirs import user_cache_path

REPO_ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ("auto", "local", "openai", "gemini", "compatible")
CLOUD_PROVIDERS = ("openai", "gemini", "compatible")

# Every variable the course reads, with its default. The README documents the same list.
DEFAULTS: dict[str, str] = {
    "COURSE_LLM_PROVIDER": "auto",
    "OPENAI_API_KEY": "",
    "OPENAI_BASE_URL": "",
    "OPENAI_MODEL": "gpt-4o-mini",
    "GEMINI_API_KEY": "",
    "GOOGLE_API_KEY": "",
    "GOOGLE_GEMINI_BASE_URL": "",
    "GEMINI_MODEL": "gemini-2.5-flash",
    "COMPATIBLE_MODEL": "",
    "COURSE_CACHE_DIR": "",
    "COURSE_LLM_MODEL_PATH": "",
    "COURSE_WHISPER_MODEL_DIR": "",
    "COURSE_PII_POLICY": "redact",
    "COURSE_LEARNER": "",
    "COURSE_REPLAY": "auto",
    "COURSE_COMPATIBLE_IS_CLOUD": "",
}


def mask_key(key: str | None) -> str:
    """Show that a key is set without showing the key: 'sk-…9f2a' style, never more than 4 chars."""
    if not key:
        return "(chưa đặt)"
    if len(key) < 12:
        return "•" * 4
    return f"{key[:3]}…{key[-4:]}"


def _secret_field() -> object:
    return field(default="", repr=False)


@dataclass(frozen=True)
class Settings:
    """Resolved course settings. Secrets are excluded from repr and masked in `describe()`."""

    provider: str = "auto"
    openai_api_key: str = _secret_field()  # type: ignore[assignment]
    openai_base_url: str = ""
    openai_model: str = "gpt-4o-mini"
    gemini_api_key: str = _secret_field()  # type: ignore[assignment]
    gemini_base_url: str = ""
    gemini_model: str = "gemini-2.5-flash"
    compatible_model: str = ""
    cache_dir: Path = Path()
    llm_model_path: Path | None = None
    whisper_model_dir: Path | None = None
    pii_policy: str = "redact"
    learner: str = ""
    replay: str = "auto"
    compatible_is_cloud: bool = False

    def __repr__(self) -> str:
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name.endswith("_api_key"):
                value = mask_key(value)
            shown.append(f"{f.name}={value!r}")
        return "Settings(" + ", ".join(shown) + ")"

    __str__ = __repr__

    @property
    def models_dir(self) -> Path:
        return self.cache_dir / "models"

    @property
    def gemma_path(self) -> Path:
        return self.llm_model_path or self.models_dir / "gemma-3-270m-q4_k_m.gguf"

    @property
    def whisper_dir(self) -> Path:
        return self.whisper_model_dir or self.models_dir / "whisper-base"

    @property
    def compatible_is_local(self) -> bool:
        """True when OPENAI_BASE_URL points at this machine (Ollama, llama.cpp server...).

        A gateway on loopback that forwards to a cloud (the class's LiteLLM proxy) sets
        COURSE_COMPATIBLE_IS_CLOUD=1, so the PII guard still applies.
        """
        from urllib.parse import urlparse

        if self.compatible_is_cloud:
            return False
        host = (urlparse(self.openai_base_url).hostname or "").lower()
        return host in {"localhost", "127.0.0.1", "::1", "0.0.0.0"} or host.startswith("127.")

    def available_providers(self) -> list[str]:
        """Providers usable with these settings; `local` is always listed."""
        found = []
        if self.openai_api_key and not self.openai_base_url:
            found.append("openai")
        if self.gemini_api_key:
            found.append("gemini")
        if self.openai_base_url:
            found.append("compatible")
        found.append("local")
        return found

    def active_provider(self) -> str:
        """The provider a call uses by default: `auto` picks a cloud provider with a key, else local."""
        if self.provider != "auto":
            return self.provider
        return self.available_providers()[0]


def _read_env(environ: Mapping[str, str] | None, dotenv_path: Path | None) -> dict[str, str]:
    """Merge defaults < .env < environment, only for the variables the course knows."""
    environ = os.environ if environ is None else environ
    if dotenv_path is None:
        dotenv_path = Path(environ.get("COURSE_DOTENV", REPO_ROOT / ".env"))
    from_file: dict[str, str] = {}
    if dotenv_path.is_file():
        from_file = {k: v for k, v in dotenv_values(dotenv_path).items() if v is not None}
    merged = dict(DEFAULTS)
    for name in DEFAULTS:
        if from_file.get(name):
            merged[name] = from_file[name].strip()
        if environ.get(name):
            merged[name] = environ[name].strip()
    return merged


def load_settings(environ: Mapping[str, str] | None = None, dotenv_path: Path | None = None) -> Settings:
    """Read settings: environment variables win over `.env`, which wins over defaults."""
    env = _read_env(environ, dotenv_path)
    provider = env["COURSE_LLM_PROVIDER"].lower()
    if provider not in PROVIDERS:
        raise ValueError(
            f"COURSE_LLM_PROVIDER='{provider}' không hợp lệ. Chọn một trong: {', '.join(PROVIDERS)}."
        )
    cache_dir = Path(env["COURSE_CACHE_DIR"]).expanduser() if env["COURSE_CACHE_DIR"] else (
        user_cache_path("khoahoc", appauthor=False)
    )
    return Settings(
        provider=provider,
        openai_api_key=env["OPENAI_API_KEY"],
        openai_base_url=env["OPENAI_BASE_URL"].rstrip("/"),
        openai_model=env["OPENAI_MODEL"],
        gemini_api_key=env["GEMINI_API_KEY"] or env["GOOGLE_API_KEY"],
        gemini_base_url=env["GOOGLE_GEMINI_BASE_URL"].rstrip("/"),
        gemini_model=env["GEMINI_MODEL"],
        compatible_model=env["COMPATIBLE_MODEL"],
        cache_dir=cache_dir,
        llm_model_path=Path(env["COURSE_LLM_MODEL_PATH"]).expanduser() if env["COURSE_LLM_MODEL_PATH"] else None,
        whisper_model_dir=(
            Path(env["COURSE_WHISPER_MODEL_DIR"]).expanduser() if env["COURSE_WHISPER_MODEL_DIR"] else None
        ),
        pii_policy=env["COURSE_PII_POLICY"].lower(),
        learner=env["COURSE_LEARNER"] or os.environ.get("JUPYTERHUB_USER", "") or os.environ.get("USER", ""),
        replay=env["COURSE_REPLAY"].lower(),
        compatible_is_cloud=env["COURSE_COMPATIBLE_IS_CLOUD"].lower() in {"1", "true", "yes", "on"},
    )


def secret_values(settings: Settings | None = None) -> list[str]:
    """All secret strings currently configured, for scrubbing logs and caches."""
    settings = settings or load_settings()
    return [v for v in (settings.openai_api_key, settings.gemini_api_key) if v]


def scrub(text: str, settings: Settings | None = None) -> str:
    """Replace any configured key found in `text` by its mask."""
    for secret in secret_values(settings):
        text = text.replace(secret, mask_key(secret))
    return text


def env_count(name: str, default: int) -> int:
    """A positive whole number from environment variable `name` (e.g. a thread count), else `default`."""
    wanted = os.environ.get(name, "").strip()
    return int(wanted) if wanted.isdecimal() and int(wanted) > 0 else default
