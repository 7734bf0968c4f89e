"""Widget logic without a browser: simulate clicks by setting widget values."""

from __future__ import annotations

import json
import unicodedata

import pytest

from course.errors import CourseError
from course.widgets import (
    AnswerStore,
    ChoiceQuestion,
    FormAnswer,
    LabelTask,
    Rule,
    SelfCheck,
    TextAnswer,
    list_of,
    min_words,
    number_between,
    one_of,
    run_checks,
)


@pytest.fixture
def store(tmp_path):
    return AnswerStore(tmp_path / "cau_tra_loi.json")


def test_choice_writes_variable_and_file(store):
    ns: dict = {}
    q = ChoiceQuestion("cau_1", {"A": "Một", "B": "Hai"}, "Câu hỏi?", store=store, namespace=ns)
    assert ns["cau_1"] is None and q.value is None
    q.buttons.value = "B"
    assert ns["cau_1"] == "B"
    assert json.loads(store.path.read_text(encoding="utf-8")) == {"cau_1": "B"}
    assert "cau_1" in q.status.value
    # Re-running the cell (new kernel, same folder) restores the answer.
    ns2: dict = {}
    q2 = ChoiceQuestion("cau_1", {"A": "Một", "B": "Hai"}, store=store, namespace=ns2)
    assert q2.value == "B" and ns2["cau_1"] == "B"


def test_choice_ignores_saved_value_not_in_options(store):
    store.set("cau_2", "Z")
    ns: dict = {}
    q = ChoiceQuestion("cau_2", ["Đúng", "Sai"], store=store, namespace=ns)
    assert q.value is None and ns["cau_2"] is None


def test_choice_rejects_bad_variable_name(store):
    with pytest.raises(ValueError):
        ChoiceQuestion("câu 1", ["A"], store=store, namespace={})


def test_text_answer_saves_nfc(store):
    ns: dict = {}
    t = TextAnswer("cau_tu_luan", store=store, namespace=ns)
    decomposed = unicodedata.normalize("NFD", "  Không đưa số CCCD lên chatbot  ")
    t.box.value = decomposed
    assert ns["cau_tu_luan"] == ""  # not saved until the button is pressed
    t.button.click()
    assert ns["cau_tu_luan"] == "Không đưa số CCCD lên chatbot"
    assert store.get("cau_tu_luan") == ns["cau_tu_luan"]


def test_form_answer_saves_every_field_and_reloads(store):
    from course.grading.checks import unanswered_names

    ns: dict = {}
    f = FormAnswer("bien_ban", ["Thời gian", "Chủ trì"], store=store, namespace=ns)
    assert ns["bien_ban"] == {"Thời gian": "", "Chủ trì": ""}
    assert unanswered_names("bien_ban = form_answer(...)", ns) == ["bien_ban"]  # the placeholder names it
    f.boxes["Thời gian"].value = unicodedata.normalize("NFD", " Ngày 20 tháng 4 ")
    f.button.click()
    assert ns["bien_ban"] == {"Thời gian": "Ngày 20 tháng 4", "Chủ trì": ""}
    assert "1/2" in f.status.value
    again = FormAnswer("bien_ban", ["Thời gian", "Chủ trì"], store=store, namespace={})
    assert again.value == {"Thời gian": "Ngày 20 tháng 4", "Chủ trì": ""}  # the saved answer comes back


def test_label_task(store):
    ns: dict = {}
    t = LabelTask("nhan", ["tin 1", "tin 2"], ["địa chính", "công an"], store=store, namespace=ns)
    assert ns["nhan"] == [None, None]
    t.dropdowns[1].value = "công an"
    assert ns["nhan"] == [None, "công an"]
    t2 = LabelTask("nhan", ["tin 1", "tin 2"], ["địa chính", "công an"], store=store, namespace={})
    assert t2.value == [None, "công an"]


def test_store_survives_corrupt_file_and_reports_readonly(tmp_path):
    p = tmp_path / "cau_tra_loi.json"
    p.write_text("{not json", encoding="utf-8")
    s = AnswerStore(p)
    assert s.load() == {}
    s.set("cau_1", "A")
    assert s.get("cau_1") == "A"
    blocked = AnswerStore(tmp_path / "file_not_dir" / "x.json")
    (tmp_path / "file_not_dir").write_text("", encoding="utf-8")
    with pytest.raises(CourseError) as err:
        blocked.set("cau_1", "A")
    assert "Không lưu được" in str(err.value)


def test_checkers():
    assert one_of("ABCD")(None) == "chưa chọn đáp án"
    assert "một trong" in one_of(["A", "B"])("E")
    assert one_of(["A", "B"])("A") is None
    assert "một trong" in one_of("ABCD")("AB")  # a string of letters means single letters
    assert "ngắn" in min_words(10)("hai từ")
    assert min_words(2)("đủ hai từ") is None
    assert "mục 2" in list_of(["x", "y"], 2)(["x", None])
    assert "không hợp lệ" in list_of(["x", "y"], 2)(["x", "z"])
    assert list_of(["x", "y"], 2)(["x", "y"]) is None
    assert number_between(0, 2)(0) is None
    assert "con số" in number_between(0, 2)("0")
    assert "khoảng" in number_between(0, 2)(5)


def test_self_check_reports_missing_without_revealing_answers():
    rules = [Rule("cau_1", "Câu 1", one_of("ABCD")), Rule("cau_2", "Câu 2", one_of(["Đúng", "Sai"])),
             Rule("cau_3", "Câu 3", min_words(5))]
    ns = {"cau_1": "C", "cau_2": None}
    problems = run_checks(rules, ns)
    assert problems == ["Câu 2: chưa chọn đáp án",
                        "Câu 3: chưa chạy ô lệnh của câu này (biến cau_3 chưa có)"]
    sc = SelfCheck(rules, ns)
    sc.button.click()
    assert "Còn 2/3" in sc.result.value
    ns.update(cau_2="Sai", cau_3="một hai ba bốn năm")
    sc.button.click()
    assert "Đã trả lời đủ 3/3" in sc.result.value
    assert "đúng định dạng" in sc.result.value


def test_notebook_answer_min_words_reads_saved_cell(tmp_path, monkeypatch):
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    from course.widgets import notebook_answer_min_words

    monkeypatch.chdir(tmp_path)
    rule = Rule("", "Phần 3", notebook_answer_min_words("cau_tu_luan", 5))
    assert "không đọc được" in run_checks([rule], {})[0]
    cell = new_markdown_cell("VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY", metadata={"nbgrader": {"grade_id": "cau_tu_luan"}})
    nbformat.write(new_notebook(cells=[cell]), tmp_path / "bai_tap.ipynb")
    assert "chưa viết" in run_checks([rule], {})[0]
    cell.source = "Một hai ba bốn năm sáu"
    nbformat.write(new_notebook(cells=[cell]), tmp_path / "bai_tap.ipynb")
    assert run_checks([rule], {}) == []


def test_click_with_unwritable_folder_shows_vietnamese_message(tmp_path):
    (tmp_path / "not_a_dir").write_text("", encoding="utf-8")
    ns: dict = {}
    q = ChoiceQuestion("cau_1", "ABCD", store=AnswerStore(tmp_path / "not_a_dir" / "x.json"), namespace=ns)
    q.buttons.value = "C"  # must not raise inside the widget callback
    assert ns["cau_1"] == "C"  # the kernel still has the answer
    assert "Có lỗi" in q.status.value and "Không lưu được" in q.status.value


def test_guard_hides_unexpected_errors():
    from course.widgets.safe import guard

    shown: list[str] = []
    assert guard(lambda: 1 / 0, shown.append)() is None
    assert "ngoài dự kiến" in shown[0] and "ZeroDivision" not in shown[0]
