"""Practice progress for the trainer's live view: recorded by a real kernel, read by the dashboard."""

from __future__ import annotations

import json

import pytest
from conftest import offline_env

from course.catalogue import IDS
from course.progress import DONE, FILE_KEY, NOT_OPENED, practice_cells, read_progress, record_cell

M1, M2, M3, _ = IDS


def test_practice_cells_are_the_committed_code_cells():
    cells = practice_cells()
    assert set(cells) == set(IDS)  # keyed by the catalogue's module ids
    assert all(len(ids) >= 5 and all(i.startswith(f"{FILE_KEY[k]}-th-") for i in ids) for k, ids in cells.items())


def test_record_and_read(tmp_path):
    first = practice_cells()[M1][0]
    assert record_cell("Nguyễn Văn A", first, tmp_path)
    assert not record_cell("Nguyễn Văn A", first, tmp_path)  # counted once, not rewritten
    assert not record_cell("Nguyễn Văn A", "m1-bt-q1", tmp_path)  # not a practice cell
    assert not record_cell("", first, tmp_path)
    for cell in practice_cells()[M2]:
        record_cell("Nguyễn Văn A", cell, tmp_path)
    (tmp_path / "hong.json").write_text("{không phải json", encoding="utf-8")  # a broken file is skipped
    states = read_progress(tmp_path)["Nguyễn Văn A"]
    assert states[M1].ran == 1 and states[M1].label == f"đang làm 1/{states[M1].total}"
    assert states[M2].label == DONE and states[M3].label == NOT_OPENED
    shared = tmp_path / "moi"  # a folder the first learner creates is left writable for the others
    assert record_cell("hv", practice_cells()[M1][0], shared) and shared.stat().st_mode & 0o1777 == 0o1777
    written = (tmp_path / "Nguyễn_Văn_A.json").read_text(encoding="utf-8")
    assert "m1" in json.loads(written) and "print" not in written  # cell ids (file key: their prefix) and times only


def test_unwritable_folder_costs_nothing(tmp_path):
    blocked = tmp_path / "khong_ghi_duoc"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert not record_cell("hv", practice_cells()[M1][0], blocked)


@pytest.mark.slow
def test_a_real_kernel_records_what_ran_without_error(tmp_path):
    """JupyterLab sends each cell's id with the execute request (`metadata.cellId`); so does this test."""
    from jupyter_client.manager import start_new_kernel

    ids = practice_cells()[M1]
    env = offline_env() | {"COURSE_PROGRESS_DIR": str(tmp_path / "tien_do"), "COURSE_LEARNER": "hv007"}
    km, kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(tmp_path))
    try:
        def run(code: str, cell_id: str) -> str:
            msg = kc.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False,
                                                      "stop_on_error": False}, metadata={"cellId": cell_id})
            kc.shell_channel.send(msg)
            return kc.get_shell_msg(timeout=60)["content"]["status"]

        assert run("from course.ui import setup\nsetup(show_status=False)", ids[0]) == "ok"
        assert run("x = 1 + 1", ids[1]) == "ok"
        assert run("1 / 0", ids[2]) == "error"
        assert run("y = 2", "ghi-chu-rieng") == "ok"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    ran = json.loads((tmp_path / "tien_do" / "hv007.json").read_text(encoding="utf-8"))["m1"]["ran"]
    assert ran == sorted([ids[0], ids[1]])  # the failing cell and a non-practice cell are not counted


def test_live_view_shows_practice_progress(tmp_path, monkeypatch):
    from course.grading.dashboard import LivePanel, live_status

    folder = tmp_path / "tien_do"
    for cell in practice_cells()[M1][:2]:
        record_cell("hv001", cell, folder)
    for cell in practice_cells()[M1]:
        record_cell("hv002", cell, folder)
    status = live_status(tmp_path, learners=["hv003"], progress_folder=folder)
    assert status.practice.loc["hv001", "Thực hành HP1"].startswith("đang làm 2/")
    assert status.practice.loc["hv002", "Thực hành HP1"] == DONE
    assert status.practice.loc["hv003", "Thực hành HP1"] == NOT_OPENED
    counts = status.practice_counts.set_index("Bài")
    assert counts.loc["Thực hành HP1", "Đã mở"] == 2 and counts.loc["Thực hành HP1", "Làm xong"] == 1
    assert list(status.progress.index) == list(status.practice.index)
    monkeypatch.setenv("COURSE_PROGRESS_DIR", str(folder))  # the panel reads the course's setting
    panel = LivePanel(tmp_path, learners=["hv003"], interval=60)
    assert "<h4>Thực hành</h4>" in panel.practice.value and "đang làm 2/" in panel.progress.value
