"""The `khoahoc` command line answers mistakes in Vietnamese, never with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import vietnamese_error

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("english", "vietnamese"), [
    ("the following arguments are required: TỆP", "thiếu tham số bắt buộc: TỆP"),
    ("unrecognized arguments: --bogus", "không hiểu các tham số: --bogus"),
    ("argument --type: invalid choice: 'zz' (choose from 'a', 'b')",
     "tham số --type: lựa chọn không hợp lệ: 'zz' (chọn một trong: 'a', 'b')"),
    ("argument --workers: invalid int value: 'hai'", "tham số --workers: không phải là số: 'hai'"),
    ("argument --format/-f: expected one argument", "tham số --format/-f: cần một giá trị"),
])
def test_argparse_messages_are_translated(english: str, vietnamese: str) -> None:
    assert vietnamese_error(english) == vietnamese


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "course", *args], capture_output=True, text=True, timeout=120,
                          cwd=REPO)


@pytest.mark.parametrize("args", [
    ("transcribe",),
    ("transcribe", "/nonexistent/ghi_am.wav"),
    ("doc", "write", "--type", "cong-van", "/nonexistent/nhap.md"),
    ("chat", ""),
])
def test_mistakes_give_a_vietnamese_message_and_nonzero_exit(args: tuple[str, ...]) -> None:
    proc = run(*args)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "lỗi" in (proc.stderr + proc.stdout).lower()
    assert "the following" not in proc.stderr and "No such file" not in proc.stderr


def test_draft_without_issuer_is_a_vietnamese_message(tmp_path: Path) -> None:
    draft = tmp_path / "nhap.md"
    draft.write_text("---\nso: 1\n---\nNội dung.\n", encoding="utf-8")
    proc = run("doc", "write", "--type", "cong-van", str(draft), "-o", str(tmp_path / "ra.docx"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "cơ quan ban hành" in proc.stderr
