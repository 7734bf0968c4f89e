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

from course.errors import CourseError

REPO_ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ("auto", "local", "openai", "gemini", "compatible")
CLOUD_PROVIDERS = ("openai", "gemini", "compatible")
# Local language models COURSE_LLM_MODEL can name (course.local_models.LLM_MODELS says where each comes from).
# The instruction-tuned Qwen2.5-Coder 1.5B drafts and chats; Gemma 3 270M, a base model, stays for module 1's
# tokens and next-word probabilities whatever this says.
LLM_MODEL_KEYS = ("qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b", "gemma-3-270m")

# Every variable the course reads, with its default ("" = worked out at run time). The README lists
# the same variables. One prefix, COURSE_; the older KHOAHOC_ names are still read for one release.
DEFAULTS: dict[str, str] = {
    "COURSE_LLM_PROVIDER": "auto",
    "OPENAI_API_KEY": "",
    "OPENAI_BASE_URL": "",
    "OPENAI_MODEL": "gpt-4o-mini",
    "GEMINI_API_KEY": "",
    "GOOGLE_API_KEY": "",
    "GOOGLE_GEMINI_BASE_URL": "",
    "GEMINI_MODEL": "gemini-2.5-flash",
    "GOOGLE_GENAI_API_VERSION": "v1beta",
    "COMPATIBLE_MODEL": "",
    "COURSE_CACHE_DIR": "",
    "COURSE_LLM_MODEL": "qwen2.5-coder-1.5b",  # local model for chat and drafting: see LLM_MODEL_KEYS
    "COURSE_LLM_MODEL_PATH": "",  # a GGUF file to use instead of the assembled COURSE_LLM_MODEL
    "COURSE_WHISPER_MODEL_DIR": "",
    "COURSE_PII_POLICY": "redact",
    "COURSE_LEARNER": "",
    "COURSE_REPLAY": "auto",
    "COURSE_COMPATIBLE_IS_CLOUD": "",
    "COURSE_LLM_TIMEOUT": "60",
    "COURSE_LLM_RETRIES": "2",
    "COURSE_LLM_CTX": "4096",
    "COURSE_LLM_THREADS": "",  # cores - 1, at most 4
    "COURSE_ASR_WORKERS": "",  # one per core, at most 4
    "COURSE_GRADING_ROOT": "",  # grading/ of this repository
    "COURSE_ID": "ai_can_bo_co_so",
    "COURSE_EXCHANGE_DIR": "",  # <grading root>/exchange
    "COURSE_GRADEBOOK_URL": "",  # SQLite <grading root>/gradebook.db
    "COURSE_CELL_TIMEOUT": "30",
    "COURSE_SUBMISSION_TIMEOUT": "",  # 12 x cell timeout + 90
    "COURSE_KERNEL_STARTUP_TIMEOUT": "60",
    "COURSE_KERNEL_MEM_MB": "2048",
    "COURSE_MAX_OUTPUT_BYTES": "100000",
    "COURSE_FORK_KERNELS": "1",
    "COURSE_APPS_URL_DIR": "",  # where the app notebooks sit under the Jupyter root (learner's folder: ung_dung)
    "COURSE_CERT_SECRET": "",  # certificate signing secret; else a file made once in the cache folder
    "COURSE_CLASS": "",  # the learner's class (lớp) for the evaluation form
    "COURSE_EVALUATION_DIR": "",  # <course root>/phieu_danh_gia
    "COURSE_FONT_DIR": "",  # matplotlib's bundled DejaVu fonts
    "COURSE_PROGRESS_DIR": "",  # <exchange dir>/tien_do: which practice cells each learner has run
}
# Read-only aliases kept for one release: old name -> new name.
ALIASES: dict[str, str] = {
    "KHOAHOC_COURSE_ID": "COURSE_ID",
    **{f"KHOAHOC_{name[len('COURSE_'):]}": name for name in (
        "COURSE_GRADING_ROOT", "COURSE_EXCHANGE_DIR", "COURSE_GRADEBOOK_URL", "COURSE_CELL_TIMEOUT",
        "COURSE_SUBMISSION_TIMEOUT", "COURSE_KERNEL_STARTUP_TIMEOUT", "COURSE_KERNEL_MEM_MB",
        "COURSE_MAX_OUTPUT_BYTES", "COURSE_FORK_KERNELS")},
}
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


class SettingsError(CourseError):
    """A setting (environment variable or `.env` line) has a value the course cannot use."""


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
    llm_model: str = "qwen2.5-coder-1.5b"
    llm_model_path: Path | None = None
    whisper_model_dir: Path | None = None
    pii_policy: str = "redact"
    learner: str = ""
    replay: str = "auto"
    compatible_is_cloud: bool = False
    genai_api_version: str = "v1beta"
    llm_timeout_s: float = 60.0
    llm_retries: int = 2
    llm_ctx: int = 4096
    llm_threads: int = 1
    asr_workers: int = 2
    grading_root: Path = Path()
    course_id: str = "ai_can_bo_co_so"
    exchange_dir: Path = Path()
    gradebook_url: str = ""
    cell_timeout_s: int = 30
    submission_timeout_s: int = 450
    kernel_startup_timeout_s: int = 60
    kernel_mem_mb: int = 2048
    max_output_bytes: int = 100_000
    fork_kernels: bool = True
    apps_url_dir: str = "course/apps"
    cert_secret: str = _secret_field()  # type: ignore[assignment]
    class_id: str = ""
    evaluation_dir: Path | None = None
    font_dir: Path | None = None
    progress_dir: Path | None = None

    def __repr__(self) -> str:
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name.endswith(("_api_key", "_secret")):
                value = mask_key(value)
            shown.append(f"{f.name}={value!r}")
        return "Settings(" + ", ".join(shown) + ")"

    __str__ = __repr__

    @property
    def models_dir(self) -> Path:
        return self.cache_dir / "models"

    @property
    def gemma_path(self) -> Path:
        if self.llm_model_path and self.llm_model == "gemma-3-270m":
            return self.llm_model_path
        return self.models_dir / "gemma-3-270m-q4_k_m.gguf"

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
    """Merge defaults < .env < environment, only for the variables the course knows (and their aliases)."""
    environ = os.environ if environ is None else environ
    if dotenv_path is None:
        dotenv_path = Path(environ.get("COURSE_DOTENV") or REPO_ROOT / ".env")
    from_file: dict[str, str] = {}
    if dotenv_path.is_file():
        from_file = {k: v for k, v in dotenv_values(dotenv_path).items() if v is not None}
    merged = dict(DEFAULTS)
    for source in (from_file, environ):
        for old, new in ALIASES.items():
            if source.get(old, "").strip() and not source.get(new, "").strip():
                merged[new] = source[old].strip()
        for name in DEFAULTS:
            if source.get(name, "").strip():
                merged[name] = source[name].strip()
    return merged


def _whole(env: Mapping[str, str], name: str, low: int, high: int | None = None, default: int = 0) -> int:
    """A whole number between `low` and `high` (or `default` when the variable is empty)."""
    raw = env[name]
    if not raw:
        return default
    if raw.isdecimal() and int(raw) >= low and (high is None or int(raw) <= high):
        return int(raw)
    bounds = f"từ {low} đến {high}" if high is not None else f"từ {low} trở lên"
    raise SettingsError(f"{name}='{raw}' không hợp lệ: cần một số nguyên {bounds}.",
                        hint="Sửa biến môi trường hoặc dòng đó trong tệp .env, rồi chạy lại.")


def _seconds(env: Mapping[str, str], name: str) -> float:
    raw = env[name]
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise SettingsError(f"{name}='{raw}' không hợp lệ: cần số giây lớn hơn 0.",
                            hint="Sửa biến môi trường hoặc dòng đó trong tệp .env, rồi chạy lại.")
    return value


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    value = env[name].lower()
    if value not in choices:
        raise SettingsError(f"{name}='{env[name]}' không hợp lệ. Chọn một trong: {', '.join(choices)}.",
                            hint="Sửa biến môi trường hoặc dòng đó trong tệp .env, rồi chạy lại.")
    return value


def _path(env: Mapping[str, str], name: str) -> Path | None:
    return Path(env[name]).expanduser() if env[name] else None


def load_settings(environ: Mapping[str, str] | None = None, dotenv_path: Path | None = None) -> Settings:
    """Read settings: environment variables win over `.env`, which wins over defaults.

    A value the course cannot use raises `SettingsError` with a Vietnamese message (exit 2 in `khoahoc`).
    """
    env = _read_env(environ, dotenv_path)
    cores = os.cpu_count() or 2
    cell_timeout = _whole(env, "COURSE_CELL_TIMEOUT", 1)
    grading_root = _path(env, "COURSE_GRADING_ROOT") or REPO_ROOT / "grading"
    return Settings(
        provider=_choice(env, "COURSE_LLM_PROVIDER", PROVIDERS),
        openai_api_key=env["OPENAI_API_KEY"],
        openai_base_url=env["OPENAI_BASE_URL"].rstrip("/"),
        openai_model=env["OPENAI_MODEL"],
        gemini_api_key=env["GEMINI_API_KEY"] or env["GOOGLE_API_KEY"],
        gemini_base_url=env["GOOGLE_GEMINI_BASE_URL"].rstrip("/"),
        gemini_model=env["GEMINI_MODEL"],
        compatible_model=env["COMPATIBLE_MODEL"],
        cache_dir=_path(env, "COURSE_CACHE_DIR") or user_cache_path("khoahoc", appauthor=False),
        llm_model=_choice(env, "COURSE_LLM_MODEL", LLM_MODEL_KEYS),
        llm_model_path=_path(env, "COURSE_LLM_MODEL_PATH"),
        whisper_model_dir=_path(env, "COURSE_WHISPER_MODEL_DIR"),
        pii_policy=env["COURSE_PII_POLICY"].lower(),  # checked where it is applied (course.llm.core)
        learner=env["COURSE_LEARNER"] or os.environ.get("JUPYTERHUB_USER", "") or os.environ.get("USER", ""),
        replay=env["COURSE_REPLAY"].lower(),
        compatible_is_cloud=env["COURSE_COMPATIBLE_IS_CLOUD"].lower() in TRUE_WORDS,
        # "beta" is what some guides write; the SDK wants "v1beta"
        genai_api_version="v1beta" if env["GOOGLE_GENAI_API_VERSION"] == "beta" else env["GOOGLE_GENAI_API_VERSION"],
        llm_timeout_s=_seconds(env, "COURSE_LLM_TIMEOUT"),
        llm_retries=_whole(env, "COURSE_LLM_RETRIES", 0, 5),
        llm_ctx=_whole(env, "COURSE_LLM_CTX", 512),
        # Leave one core free: llama.cpp threads spin-wait for each other, and on a 2-core machine where
        # anything else runs (Jupyter, a browser, a test) two threads measured ~10x slower than one.
        llm_threads=_whole(env, "COURSE_LLM_THREADS", 1, default=max(1, min(4, cores - 1))),
        asr_workers=_whole(env, "COURSE_ASR_WORKERS", 1, default=max(1, min(4, cores))),
        grading_root=grading_root,
        course_id=env["COURSE_ID"],
        exchange_dir=_path(env, "COURSE_EXCHANGE_DIR") or grading_root / "exchange",
        gradebook_url=env["COURSE_GRADEBOOK_URL"] or f"sqlite:///{grading_root / 'gradebook.db'}",
        cell_timeout_s=cell_timeout,
        submission_timeout_s=_whole(env, "COURSE_SUBMISSION_TIMEOUT", 1, default=12 * cell_timeout + 90),
        kernel_startup_timeout_s=_whole(env, "COURSE_KERNEL_STARTUP_TIMEOUT", 1),
        kernel_mem_mb=_whole(env, "COURSE_KERNEL_MEM_MB", 64),
        max_output_bytes=_whole(env, "COURSE_MAX_OUTPUT_BYTES", 1000),
        fork_kernels=env["COURSE_FORK_KERNELS"].lower() in TRUE_WORDS,
        apps_url_dir=env["COURSE_APPS_URL_DIR"].strip("/") or "course/apps",
        cert_secret=env["COURSE_CERT_SECRET"],
        class_id=env["COURSE_CLASS"],
        evaluation_dir=_path(env, "COURSE_EVALUATION_DIR"),
        font_dir=_path(env, "COURSE_FONT_DIR"),
        progress_dir=_path(env, "COURSE_PROGRESS_DIR"),
    )


def secret_values(settings: Settings | None = None) -> list[str]:
    """All secret strings currently configured, for scrubbing logs and caches."""
    settings = settings or load_settings()
    return [v for v in (settings.openai_api_key, settings.gemini_api_key, settings.cert_secret) if v]


def scrub(text: str, settings: Settings | None = None) -> str:
    """Replace any configured key found in `text` by its mask."""
    for secret in secret_values(settings):
        text = text.replace(secret, mask_key(secret))
    return text
