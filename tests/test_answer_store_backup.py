"""A damaged answers file is kept aside, never silently overwritten (no lost work)."""

from __future__ import annotations

from pathlib import Path

from course.widgets.store import AnswerStore


def test_damaged_answers_file_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "cau_tra_loi.json"
    store = AnswerStore(path)
    store.set("cau_1", "A")
    store.set("cau_1", "B")  # a readable file is updated in place, no copy
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cau_tra_loi.json"]
    damaged = '{"cau_1": "B", "cau_2": "Đúng'
    path.write_text(damaged, encoding="utf-8")
    store.set("cau_3", "C")
    assert store.load() == {"cau_3": "C"}
    assert (tmp_path / "cau_tra_loi.json.hong").read_text(encoding="utf-8") == damaged
