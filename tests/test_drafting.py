"""Structured drafting: forms, grounding, questions back, the writer and checker, cloud structured outputs.

The team-written example of each document type (notes + filled form) goes through the real pipeline
(grounding, Nghị định 30 writer, checker). The cloud path runs the real `openai` / `google-genai` SDKs
against the wire server on 127.0.0.1; one real local draft runs on the drafting model (marked slow).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from course.config import LLM_MODEL_KEYS, SettingsError, load_settings
from course.documents.drafting import (
    DOC_TYPES,
    DraftingError,
    FillResult,
    check_fields,
    dates_in,
    deadline_in,
    doc_type,
    draft_from_notes,
    end_time_in,
    fill_form,
    fold,
    grounded,
    parse_date,
    parse_time,
    spell_out,
    times_in,
    ungrounded_numbers,
    warm_up,
)
from course.documents.evaluation import TODAY, load_tasks, score_freeform, score_structured
from course.local_models import LLM_MODELS
from tests.wire_server import wire_server


def _fill(fields: dict) -> FillResult:
    return FillResult(fields, 1, json.dumps(fields, ensure_ascii=False), "local", "test", 0.0, 0)


def test_model_keys_agree_and_bad_value_is_vietnamese(tmp_path: Path) -> None:
    assert set(LLM_MODEL_KEYS) == set(LLM_MODELS)
    none = tmp_path / "none.env"
    assert load_settings(environ={}, dotenv_path=none).llm_model == "qwen2.5-coder-1.5b"
    with pytest.raises(SettingsError, match="COURSE_LLM_MODEL='llama-70b' không hợp lệ"):
        load_settings(environ={"COURSE_LLM_MODEL": "llama-70b"}, dotenv_path=none)


def test_times_dates_and_grounding() -> None:
    assert parse_time("8h sáng") == (8, 0)
    assert parse_time("14h30 chiều") == (14, 30)
    assert parse_time("2 giờ chiều") == (14, 0)
    assert parse_time("19 giờ 30 tối") == (19, 30)
    assert parse_time("sáng mai") is None
    assert parse_time("7h-11h sáng") == (7, 0) and parse_time("từ 8 giờ đến 17 giờ") == (8, 0)
    assert parse_date("thứ 7 12/12", TODAY) == (dt.date(2026, 12, 12), 5)
    assert parse_date("chủ nhật 13/12", TODAY) == (dt.date(2026, 12, 13), 6)
    assert parse_date("ngày 9/1/2027", TODAY)[0] == dt.date(2027, 1, 9)
    assert parse_date("4/12", TODAY)[0] == dt.date(2026, 12, 4)  # the nearest 4 December, not next year's
    notes = "moi tdp 3 hop 8h sang thu 7 12/12 o nha van hoa"
    assert fold("Tổ dân phố 3") in fold(notes)
    assert grounded("nhà văn hoá", notes) and grounded("8 giờ", notes, "time")
    assert not grounded("hội trường UBND", notes) and not grounded("9 giờ", notes, "time")
    assert ungrounded_numbers("họp lúc 8 giờ ngày 12/12, 50 người", notes) == ["50"]


def test_times_and_dates_are_read_from_the_notes() -> None:
    assert times_in("từ 7h30 đến 11h, 14:30 chiều") == [(7, 30), (11, 0), (14, 30)]
    assert times_in("tháng 11: 12 tổ dân phố, đêm 3/12: 5 nhà") == []  # a colon after a month is no clock
    assert parse_time("14:30") == (14, 30) and parse_time("7 giờ tối") == (19, 0)
    notes = "hop giao ban 7h30 sang thu 2 ngay 30/11, xong luc 9 gio 15; nop bao cao truoc 15/12"
    assert [(d.day, d.month, w) for d, w in dates_in(notes, TODAY)] == [(30, 11, 0), (15, 12, None)]
    assert end_time_in(notes) == (9, 15) and deadline_in(notes, TODAY) == dt.date(2026, 12, 15)
    assert end_time_in("họp lúc 8 giờ tại phòng họp") is None and deadline_in("họp 8h ngày 4/12", TODAY) is None
    assert dates_in("1.250 người, 65% hồ sơ, tổ 1 đến tổ 5", TODAY) == []
    assert parse_date("ngày 05 tháng 01 năm 2027", TODAY)[0] == dt.date(2027, 1, 5)
    assert parse_date("t7 12/12", TODAY) == (dt.date(2026, 12, 12), 5)


def test_time_and_date_come_from_the_notes_when_the_model_misses_them() -> None:
    t = doc_type("bien-ban")
    notes = ("Họp lúc 14 giờ ngày 2/12 tại nhà văn hoá tổ 6. Chủ trì ông Nguyễn Văn Bình, thư ký bà Trần Thị Hoa. "
             "Ông Sơn đề nghị làm rãnh. Kết luận: tháng 1 làm rãnh. Kết thúc 15 giờ 30.")
    model = {"trich_yeu": "Họp tổ dân phố 6", "thoi_gian": "", "ngay": "ngày 3/12", "dia_diem": "nhà văn hoá tổ 6",
             "chu_tri": "Nguyễn Văn Bình", "thu_ky": "Trần Thị Hoa", "y_kien": ["Ông Sơn đề nghị làm rãnh."],
             "ket_luan": "Tháng 1 làm rãnh.", "gio_ket_thuc": "14 giờ"}
    values, questions, warnings = check_fields(t, model, notes, TODAY)
    assert questions == []
    assert values["thoi_gian_hm"] == (14, 0) and values["thoi_gian"] == "14 giờ 00"
    assert values["ngay_date"] == dt.date(2026, 12, 2) and values["ngay"] == "thứ Tư, ngày 02 tháng 12 năm 2026"
    assert values["gio_ket_thuc_hm"] == (15, 30)  # the notes' end time, not the model's start time
    assert any("3/12" in w for w in warnings)  # the model's date is not in the notes: said, and not used
    result = draft_from_notes(notes, t, today=TODAY, fill=_fill(model))
    assert "Thời gian bắt đầu: 14 giờ 00, thứ Tư, ngày 02 tháng 12 năm 2026." in result.text


def test_who_is_addressed_must_come_from_the_notes() -> None:
    t = doc_type("cong-van")
    notes = "viết công văn đề nghị hỗ trợ kinh phí sửa nhà văn hoá tổ 2 bị dột"
    form = {"kinh_gui": ["Phòng Tài chính - Kế hoạch"], "trich_yeu": "đề nghị hỗ trợ kinh phí sửa nhà văn hoá",
            "noi_dung": "Đề nghị hỗ trợ kinh phí sửa nhà văn hoá tổ 2 bị dột.", "thoi_han": "", "noi_nhan": []}
    values, questions, warnings = check_fields(t, form, notes, TODAY)
    assert values["kinh_gui"] == [] and questions == ["Thiếu nơi nhận công văn: bạn gửi công văn cho ai?"]
    g = doc_type("giay-moi")
    notes = "moi ban chi huy quan su phuong hop 14h thu 4 ngay 16/12 tai phong hop tang 2 ve tuyen quan"
    form = dict(g.example_json, thoi_gian="14h", ngay="thứ 4 ngày 16/12", dia_diem="phòng họp tầng 2",
                trich_yeu="Họp về tuyển quân", noi_dung="Bàn công tác tuyển quân.", chuan_bi="",
                thanh_phan=["Ban chỉ huy quân sự phường", "Chi hội Khuyến học"])  # the second: from the example
    values, questions, warnings = check_fields(g, form, notes, TODAY)
    assert values["thanh_phan"] == ["Ban chỉ huy quân sự phường"] and questions == []
    assert any("Chi hội Khuyến học" in w for w in warnings)


def test_fields_the_notes_state_in_fixed_phrasing_are_read_from_them() -> None:
    from course.documents.drafting import from_notes, trim_place

    g, c, r, b = (doc_type(x) for x in ("giay-moi", "cong-van", "tra-loi-cong-dan", "bien-ban"))
    notes = "moi chi hoi cuu giao chuc va ban dai dien hoi nguoi cao tuoi hop 9h tai phong hop so 3 de ban ve le mung tho"
    assert from_notes("thanh_phan", g, notes) == ["Chi hoi cuu giao chuc", "Ban dai dien hoi nguoi cao tuoi"]
    assert from_notes("dia_diem", g, notes) == "phong hop so 3"
    assert from_notes("noi_dung", g, notes) == "Ban ve le mung tho"
    # with diacritics «ban» (a board) is not «bàn» (to discuss)
    assert from_notes("noi_dung", g, "mời ban điều hành họp ở nhà văn hoá, nội dung: mừng thọ") == "Mừng thọ"
    assert from_notes("dia_diem", g, "mời các hộ họp 8h sáng thứ 2") == ""
    assert from_notes("kinh_gui", c, "gửi Ban quản lý chợ: đề nghị sắp xếp lại bãi xe") == ["Ban quản lý chợ"]
    assert from_notes("kinh_gui", c, "viết công văn xin kinh phí") == []
    assert from_notes("kinh_gui", r, "trả lời bà Lương Thị Vân hỏi về sổ đỏ: đang xử lý") == ["Bà Lương Thị Vân"]
    assert from_notes("kinh_gui", r, "trả lời phản ánh về rác ở ngõ 4") == []
    transcript = "Họp 8 giờ. Chủ trì: Phó Chủ tịch Vương Văn Kiên; thư ký là chị Hà Thu Uyên. Anh Mạnh Tuấn chủ trì nhóm."
    assert from_notes("chu_tri", b, transcript) == "Vương Văn Kiên" and from_notes("thu_ky", b, transcript) == "Hà Thu Uyên"
    assert from_notes("chu_tri", b, "Bà Triệu Thị Lụa chủ trì, không có thư ký.") == "Triệu Thị Lụa"
    assert from_notes("thu_ky", b, "không có thư ký") == ""
    t, c = doc_type("thong-bao"), doc_type("cong-van")
    assert from_notes("noi_dung", t, "thông báo: ngừng thu phí gửi xe tại chợ từ 1/1") == "Ngừng thu phí gửi xe tại chợ từ 1/1."
    assert from_notes("trich_yeu", t, "thông báo: ngừng thu phí gửi xe tại chợ từ 1/1") == "Ngừng thu phí gửi xe"
    assert from_notes("noi_dung", c, "gửi Ban quản lý chợ: đề nghị sắp xếp lại bãi xe") == "Đề nghị sắp xếp lại bãi xe."
    assert from_notes("noi_dung", c, "đề nghị sắp xếp lại bãi xe") == ""  # no «gửi X», no command: nothing to take
    # no addressee: what follows «viết công văn» (the addressee is asked back, the content is the notes')
    assert from_notes("noi_dung", c, "viết công văn xin kinh phí sơn lại cổng trường") == "Xin kinh phí sơn lại cổng trường."
    b, r = doc_type("bao-cao"), doc_type("tra-loi-cong-dan")
    report = "báo cáo đợt phát quà: trao 120 suất quà, 15 hộ chưa nhận; đề nghị bổ sung kinh phí"
    assert from_notes("ket_qua", b, report) == ["Trao 120 suất quà"]
    reply = "trả lời ông Tạ Văn Bảo hỏi về cấp phép đào đường: phải nộp hồ sơ tại bộ phận một cửa"
    assert from_notes("cau_hoi", r, reply) == "Hỏi về cấp phép đào đường."
    assert from_notes("tra_loi", r, reply) == "Phải nộp hồ sơ tại bộ phận một cửa."
    assert trim_place("nhà văn hoá bàn kế hoạch") == "nhà văn hoá" and trim_place("trên địa bàn phường") == "trên địa bàn phường"


def test_a_looping_answer_is_cut_and_the_notes_stated_people_win() -> None:
    from course.documents.drafting import unloop

    assert unloop("Câu đầu đúng. Rồi các hộ thải thải thải thải thải") == "Câu đầu đúng."
    assert unloop("Từ ngày 14/12 các tổ thải thải thải thải") == "" and unloop("Không lặp: 1, 2, 3, 4.") != ""
    g = doc_type("giay-moi")
    notes = "moi chu cac cua hang duong Hai Ba Trung hop 9h thu 3 ngay 15/12 tai nha van hoa to 4 ve bien quang cao"
    form = {"trich_yeu": "Họp về biển quảng cáo", "thoi_gian": "9h", "ngay": "thứ 3 ngày 15/12",
            "dia_diem": "nhà văn hoá tổ 4", "thanh_phan": ["Đường Hai Bà Trưng"], "noi_dung": "Về biển quảng cáo.",
            "chuan_bi": "", "noi_nhan": []}
    values, questions, warnings = check_fields(g, form, notes, TODAY)
    assert values["thanh_phan"] == ["Chu cac cua hang duong Hai Ba Trung"] and questions == []
    form["thanh_phan"] = ["Chủ các cửa hàng đường Hai Bà Trưng"]  # the same people, with diacritics: kept
    assert check_fields(g, form, notes, TODAY)[0]["thanh_phan"] == ["Chủ các cửa hàng đường Hai Bà Trưng"]


def test_report_results_are_the_notes_results() -> None:
    b = doc_type("bao-cao")
    form = {"trich_yeu": "Kết quả phát quà", "ket_qua": ["Trao 120 suất quà"], "ton_tai": ["36 hộ nhận qua bưu điện"],
            "kien_nghi": [], "noi_nhan": []}
    notes = "báo cáo đợt phát quà: trao 120 suất quà, 36 hộ nhận qua bưu điện"
    values, questions, warnings = check_fields(b, form, notes, TODAY)
    assert values["ket_qua"] == ["Trao 120 suất quà", "36 hộ nhận qua bưu điện"] and values["ton_tai"] == []
    topic_only = dict(form, ket_qua=["Đợt phát quà đã được tổ chức"], ton_tai=[])
    _, questions, _ = check_fields(b, topic_only, "viết báo cáo đợt phát quà tết", TODAY)
    assert questions == ["Thiếu kết quả: bạn cho biết đã làm được những gì?"]  # the notes name a topic, no results


def test_a_reply_goes_to_a_person_and_gives_the_notes_answer() -> None:
    r = doc_type("tra-loi-cong-dan")
    notes = "trả lời phản ánh về rác ở ngõ 4: phường đã cho xe thu gom trong ngày"
    form = {"kinh_gui": ["Phường", "ngõ 4"], "trich_yeu": "trả lời phản ánh về rác", "cau_hoi": "Phản ánh về rác.",
            "tra_loi": "Cảm ơn bà con đã quan tâm.", "noi_nhan": []}
    values, questions, warnings = check_fields(r, form, notes, TODAY)
    assert values["kinh_gui"] == [] and questions == ["Thiếu người nhận: bạn trả lời cho ông/bà nào?"]
    assert values["tra_loi"] == "Phường đã cho xe thu gom trong ngày."
    kept = dict(form, kinh_gui=["Bà Lò Thị Én"], tra_loi="Phường đã cho xe thu gom rác trong ngày.")
    values, questions, _ = check_fields(r, kept, notes.replace("phản ánh", "bà Lò Thị Én phản ánh"), TODAY)
    assert values["kinh_gui"] == ["Bà Lò Thị Én"] and values["tra_loi"] == kept["tra_loi"] and questions == []


def test_places_and_names_as_the_notes_write_them() -> None:
    from course.documents.drafting import looks_like_name, place_in_notes

    post, loa, g = doc_type("bai-dang"), doc_type("loa"), doc_type("giay-moi")
    assert place_in_notes("cổng chợ", post, "nhắc bà con gom rác ra đầu cổng chợ trước 7h") == "đầu cổng chợ"
    assert place_in_notes("trồng cây", loa, "loa: kêu gọi trồng cây 7h, tập trung tại sân trường") == "sân trường"
    assert place_in_notes("", loa, "loa: ngừng cấp điện khu phố 6 từ 8h") == "khu phố 6"
    assert place_in_notes("", g, "mời các hộ tổ 6 họp 8h") == ""  # an invitation's «tổ 6» is who, not where
    assert looks_like_name("ông Đoàn Văn Hải") and not looks_like_name("Tổ 2 thu được 90%")
    b = doc_type("bien-ban")
    form = dict(b.example_json, thu_ky="Tổ 2 thu được 90%")
    _, questions, _ = check_fields(b, form, b.example_notes.replace("thư ký anh Lưu Văn Toàn", "tổ 2 thu được 90%"),
                                   TODAY)
    assert "Thiếu thư ký cuộc họp." in questions


def test_a_sentence_with_an_invented_figure_is_not_used() -> None:
    t = doc_type("bai-dang")
    notes = "đăng fanpage chúc mừng ngày thành lập Hội Phụ nữ 20/10, mời chị em dự văn nghệ 19h tại nhà văn hoá"
    form = {"tieu_de": "Chúc mừng ngày thành lập Hội Phụ nữ", "noi_dung": "Chúc mừng ngày 20/10. Hội thành lập năm 1930.",
            "thoi_gian": "19h", "ngay": "20/10", "dia_diem": "nhà văn hoá", "loi_keu_goi": "Mời chị em cùng dự!"}
    values, questions, warnings = check_fields(t, form, notes, TODAY)
    assert values["noi_dung"] == "Chúc mừng ngày 20/10." and any("1930" in w for w in warnings)
    result = draft_from_notes(notes, t, today=TODAY, fill=_fill(form))
    assert "1930" not in result.text
    # the draft has no invented figure, so the task set does not fail it; the model's invention is counted apart
    from course.documents.evaluation import Task

    score = score_structured(Task("x", "bai-dang", notes, {"ngay": "20/10"}, []), result)
    assert score.passed and score.model_invented == ["1930"]


def test_loudspeaker_text_spells_out_abbreviations() -> None:
    assert spell_out("UBND phường mời tdp 3 và đ/c Nam") == "Ủy ban nhân dân phường mời tổ dân phố 3 và đồng chí Nam"
    t = doc_type("loa")
    notes = "loa: UBND phường tiêm phòng dại 7h sáng thứ 7 12/12 tại sân nhà văn hoá tdp 1"
    form = {"tieu_de": "Tiêm phòng dại", "noi_dung": "UBND phường tổ chức tiêm phòng dại cho chó, mèo.",
            "thoi_gian": "7h sáng", "ngay": "thứ 7 12/12", "dia_diem": "sân nhà văn hoá tdp 1"}
    result = draft_from_notes(notes, t, today=TODAY, fill=_fill(form))
    assert "UBND" not in result.text and "tổ dân phố 1" in result.text and result.ok


def test_warm_up_only_touches_the_local_model(cloud) -> None:
    assert warm_up("giay-moi", provider="openai") is False


def test_every_schema_compiles_to_a_llama_grammar() -> None:
    from llama_cpp import LlamaGrammar

    for t in DOC_TYPES.values():
        schema = t.schema()
        assert set(schema["required"]) == set(schema["properties"]) and schema["additionalProperties"] is False
        LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)


@pytest.mark.parametrize("slug", sorted(DOC_TYPES))
def test_team_examples_pass_grounding_writer_and_checker(slug: str, tmp_path: Path) -> None:
    t = DOC_TYPES[slug]
    # notes that hold everything the example's form says (the example itself is no source for other notes)
    notes = t.example_notes + " " + json.dumps(t.example_json, ensure_ascii=False)
    result = draft_from_notes(notes, t, today=TODAY, fill=_fill(dict(t.example_json)))
    assert result.questions == [], result.questions
    assert result.ok, result.summary()
    assert unicodedata.is_normalized("NFC", result.text)
    if t.kind:
        assert result.report is not None and result.report.ok
        path = result.save_docx(tmp_path / f"{slug}.docx")
        from course.documents import check_file

        assert check_file(path, kind=t.kind).ok
    else:
        with pytest.raises(Exception, match="không xuất ra .docx"):
            result.save_docx(tmp_path / "x.docx")


def test_invitation_reads_like_one() -> None:
    t = doc_type("giấy mời")
    notes = "mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá bàn tổng vệ sinh"
    fields = {"trich_yeu": "Họp bàn tổng vệ sinh", "thoi_gian": "8h sáng", "ngay": "thứ 7 12/12",
              "dia_diem": "nhà văn hoá", "thanh_phan": ["Tổ dân phố 3"], "noi_dung": "Bàn tổ chức tổng vệ sinh.",
              "chuan_bi": "", "noi_nhan": []}
    result = draft_from_notes(notes, t, today=TODAY, fill=_fill(fields))
    assert "Thời gian: 08 giờ 00, thứ Bảy, ngày 12 tháng 12 năm 2026." in result.text
    assert "GIẤY MỜI" in result.text and "Địa điểm: Nhà văn hoá." in result.text
    assert score_structured(next(x for x in load_tasks() if x.id == "giay-moi-01"), result).passed


def test_missing_or_invented_values_become_questions_not_text() -> None:
    t = doc_type("giay-moi")
    notes = "mời tổ dân phố 3 họp ở nhà văn hoá bàn tổng vệ sinh"
    invented = {"trich_yeu": "Họp bàn tổng vệ sinh", "thoi_gian": "8 giờ", "ngay": "thứ 7 12/12",
                "dia_diem": "hội trường Ủy ban nhân dân phường", "thanh_phan": ["Tổ dân phố 3"],
                "noi_dung": "Bàn tổng vệ sinh.", "chuan_bi": "", "noi_nhan": []}
    values, questions, warnings = check_fields(t, invented, notes, TODAY)
    assert questions == ["Thiếu thời gian họp: bạn cho biết mấy giờ bắt đầu?",
                         "Thiếu ngày họp: bạn cho biết họp ngày nào?"]
    assert values["thoi_gian"] == values["ngay"] == ""
    assert values["dia_diem"] == "nhà văn hoá"  # the invented hall is replaced by the place the notes give
    assert sum("không có trong ghi chú" in w for w in warnings) == 3 and any("«nhà văn hoá»" in w for w in warnings)
    _, questions, _ = check_fields(t, invented, "mời tổ dân phố 3 họp bàn tổng vệ sinh", TODAY)
    assert "Thiếu địa điểm họp: bạn cho biết họp ở đâu?" in questions  # no place in the notes: asked
    result = draft_from_notes(notes, t, today=TODAY, fill=_fill(invented))
    assert not result.ok and result.text == "" and result.draft is None
    # a weekday that does not match the date is asked back
    notes2 = "mời tổ 8 họp 8h thứ 5 ngày 12/12 tại nhà văn hoá tổ 8"
    wrong = dict(invented, thoi_gian="8h", ngay="thứ 5 ngày 12/12", dia_diem="nhà văn hoá tổ 8", thanh_phan=["Tổ 8"])
    _, questions, _ = check_fields(t, wrong, notes2, TODAY)
    assert questions == ["Thiếu ngày họp: bạn cho biết họp ngày nào? Ngày 12/12/2026 là thứ Bảy, không phải thứ Năm: "
                         "bạn kiểm tra lại ngày."]


def test_task_set_is_large_varied_and_grounded() -> None:
    tasks = load_tasks()
    assert len(tasks) >= 60 and len({t.id for t in tasks}) == len(tasks)
    assert {t.type for t in tasks} == set(DOC_TYPES)
    assert all(sum(t.type == s for t in tasks) >= 7 for s in DOC_TYPES)
    assert sum(bool(t.ask) for t in tasks) >= 8  # tasks whose right answer is a question back
    for task in tasks:
        kinds = {f.key: f.kind for f in DOC_TYPES[task.type].fields}
        assert set(task.expect) <= set(kinds) and set(task.ask) <= set(kinds), task.id
        for key, want in task.expect.items():
            if kinds[key] in ("time", "date"):
                assert not ungrounded_numbers(want.replace(":00", ""), task.notes), task.id


def test_freeform_scoring_catches_a_one_line_answer_and_an_invented_hour() -> None:
    task = next(x for x in load_tasks() if x.id == "giay-moi-01")
    assert not score_freeform(task, "Giấy mời họp tổ dân phố.").passed
    bad = score_freeform(task, "Kính mời tổ dân phố 3 đến họp lúc 9 giờ sáng thứ Bảy ngày 12/12 tại nhà văn hoá "
                               "để bàn việc tổng vệ sinh môi trường trên địa bàn. Rất mong các đại biểu đến dự đúng giờ.")
    assert not bad.passed and any("thiếu giờ" in f for f in bad.failures)
    # echoing the request is not a draft (Gemma 3 270M did this on a loudspeaker task)
    loa = next(x for x in load_tasks() if x.type == "loa" and not x.expect)
    echo = score_freeform(loa, "Thông báo loa truyền thanh từ ghi chú sau. Chỉ dùng thông tin trong ghi chú.")
    assert not echo.passed and any("lặp lại" in f for f in echo.failures)
    # a polite refusal that offers help instead of writing is a refusal (Qwen2.5-Coder 1.5B free-form)
    post = next(x for x in load_tasks() if x.type == "bai-dang" and not x.expect)
    refusal = ("Xin chào, tôi là một trợ lý AI, không có khả năng tạo nội dung trực tiếp trên Zalo hoặc fanpage. Tuy "
               "nhiên, tôi có thể giúp bạn viết một đoạn văn ngắn dựa trên thông tin đã cung cấp: " + post.notes)
    assert "từ chối làm" in score_freeform(post, refusal).failures


# ------------------------------------------------------------------------------------ cloud structured outputs


@pytest.fixture
def cloud(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with wire_server(log_dir=tmp_path) as srv:
        for name in ("COURSE_LLM_PROVIDER", "NBGRADER_EXECUTION", "GOOGLE_API_KEY", "COURSE_REPLAY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-" + "test-drafting-0000")
        monkeypatch.setenv("GEMINI_API_KEY", "AIza" + "-test-drafting-0000")
        monkeypatch.setenv("OPENAI_BASE_URL", srv.openai_url)
        monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", srv.gemini_url)
        monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setenv("COURSE_DOTENV", str(tmp_path / "no.env"))
        monkeypatch.setenv("COURSE_LLM_RETRIES", "0")
        yield srv


def test_openai_structured_output_request_and_pii_guard(cloud) -> None:
    t = doc_type("tra-loi-cong-dan")
    notes = ("trả lời ông Trần Văn Hùng tổ 2, số điện thoại 0912 345 678, hỏi cấp bản sao trích lục khai sinh: "
             "mang căn cước đến bộ phận một cửa, giải quyết trong ngày")
    # the placeholder the guard gives the notes' name (names in the worked example are numbered before it)
    cloud.reply = "{}"
    fill_form(notes, t, provider="openai")
    placeholder = re.search(r"ông (\[HO_TEN_\d+\])", cloud.requests[-1].json["messages"][-1]["content"]).group(1)
    form = {"kinh_gui": [f"{placeholder}, tổ dân phố 2"], "trich_yeu": "trả lời đề nghị của công dân",
            "cau_hoi": "Hỏi cấp bản sao trích lục khai sinh.",
            "tra_loi": "Ông mang căn cước đến bộ phận một cửa để được giải quyết trong ngày.", "noi_nhan": []}
    cloud.reply = json.dumps(form, ensure_ascii=False)
    fill = fill_form(notes, t, provider="openai")
    body = cloud.requests[-1].json
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == t.schema()
    sent = json.dumps(body, ensure_ascii=False)
    assert "0912 345 678" not in sent and "Trần Văn Hùng" not in sent  # the PII guard ran first
    assert fill.fields["kinh_gui"] == ["Trần Văn Hùng, tổ dân phố 2"]  # restored on this machine
    result = draft_from_notes(notes, t, today=TODAY, fill=fill)
    assert result.ok, result.summary()


def test_gemini_structured_output_request(cloud) -> None:
    t = doc_type("thong-bao")
    cloud.reply = json.dumps(dict(t.example_json), ensure_ascii=False)
    fill = fill_form(t.example_notes, t, provider="gemini")
    body = cloud.requests[-1].json
    config = body.get("generationConfig") or body.get("generation_config")
    assert config["responseMimeType"] == "application/json"
    assert config["responseJsonSchema"]["required"] == t.schema()["required"]
    assert fill.fields["trich_yeu"] == t.example_json["trich_yeu"]


def test_invalid_json_is_retried_then_reported_in_vietnamese(cloud) -> None:
    cloud.reply = "Dạ, đây là giấy mời: Kính mời tổ dân phố 3 đến họp."
    with pytest.raises(DraftingError, match="không đúng dạng JSON sau 2 lần thử"):
        fill_form("mời tổ dân phố 3 họp 8h thứ 7 12/12 ở nhà văn hoá", "giay-moi", provider="openai")
    assert len(cloud.requests) == 2
    with pytest.raises(DraftingError, match="Ghi chú đang để trống"):
        fill_form("   ", "giay-moi", provider="openai")


# ------------------------------------------------------------------------------------ the real local model


@pytest.mark.slow
def test_real_local_draft_is_structured_and_grounded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """One short real draft on the drafting model: JSON of the form, grounded values or questions back."""
    monkeypatch.setenv("COURSE_DOTENV", str(tmp_path / "no.env"))
    monkeypatch.setenv("COURSE_LLM_PROVIDER", "local")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    notes = "mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá bàn tổng vệ sinh"
    result = draft_from_notes(notes, "giay-moi", today=TODAY)
    assert result.fill is not None and 1 <= result.fill.attempts <= 3
    assert set(result.fill.fields) == {f.key for f in DOC_TYPES["giay-moi"].fields}
    assert 0 < result.fill.tokens_out <= 400 + 400
    assert result.fields["thoi_gian_hm"] in (None, *times_in(notes))
    assert result.fields["ngay_date"] in (None, *(d for d, _ in dates_in(notes, TODAY)))
    assert not result.fields["dia_diem"] or grounded(result.fields["dia_diem"], notes)
    assert result.questions or result.text  # a document, or Vietnamese questions about what is missing
    if result.text:
        assert "GIẤY MỜI" in result.text and result.report is not None


def test_widget_drafts_edits_rechecks_and_compares(cloud) -> None:
    from course.documents.drafting_widget import DraftingWidget

    t = doc_type("giay-moi")
    form = {"trich_yeu": "Họp bàn tổng vệ sinh", "thoi_gian": "8h sáng", "ngay": "thứ 7 12/12",
            "dia_diem": "nhà văn hoá", "thanh_phan": ["Tổ dân phố 3"], "noi_dung": "Bàn tổ chức tổng vệ sinh.",
            "chuan_bi": "", "noi_nhan": []}
    cloud.reply = json.dumps(form, ensure_ascii=False)
    box = DraftingWidget("giay-moi")
    box.provider.value = "compatible"
    box.warm_up().join(timeout=30)  # a cloud provider: nothing to read in advance, and no error
    result = box.draft()
    assert result.doc_type is t and "✅" in box.status.value
    assert "Tổ dân phố 3" in box.content.value and "download='giay-moi.docx'" in box.preview.value
    box.content.value += "\n\nĐề nghị các tổ trưởng thông báo tới từng hộ gia đình."
    box.recheck()
    assert "từng hộ gia đình" in box.last.text and "download=" in box.preview.value
    box.content.value = "   "
    box.recheck()
    assert "Nội dung đang trống" in box.status.value
    cloud.reply = "Kính mời tổ dân phố 3 đến họp."
    assert box.free_chat() == "Kính mời tổ dân phố 3 đến họp." and "Trò chuyện tự do" in box.free.value
    box.notes.value = "mời tổ dân phố 3 họp ở nhà văn hoá"
    cloud.reply = json.dumps(dict(form, thoi_gian="", ngay=""), ensure_ascii=False)
    box.draft()
    assert "Thiếu thời gian họp" in box.status.value and box.content.value == ""


def test_sentences_copied_from_the_worked_example_are_dropped() -> None:
    t = doc_type("loa")
    notes = "loa: phat thuoc tay giun cho tre 8h sang chu nhat 27/12 tai nha van hoa to 2"
    fields = dict(t.example_json, dia_diem="nhà văn hoá tổ 2", thoi_gian="8h sáng", tieu_de="Phát thuốc tẩy giun",
                  noi_dung="Phường phát thuốc tẩy giun cho trẻ tại tổ 2. Đề nghị các gia đình đưa trẻ đến đúng giờ.")
    values, questions, warnings = check_fields(t, fields, notes, TODAY)
    assert values["noi_dung"] == "Phường phát thuốc tẩy giun cho trẻ tại tổ 2."
    assert any("ví dụ mẫu" in w for w in warnings) and questions == []


def test_drafting_model_is_assembled_from_its_22_packages_and_checked() -> None:
    from course import local_models

    spec = LLM_MODELS["qwen2.5-coder-1.5b"]
    parts, sha = local_models.llm_parts(spec)
    assert len(parts) == 22 and [p.name for p in parts[:2]] == ["part01.bin", "part02.bin"] and sha == spec.sha256
    path = local_models.prepare_llm("qwen2.5-coder-1.5b")
    assert path.stat().st_size == sum(p.stat().st_size for p in parts) > 1_000_000_000
    assert local_models._stamp_matches(path, spec.sha256)
    shown = {m.name: m.ready for m in local_models.status()}
    assert any("Qwen2.5-Coder 1.5B" in name and ready for name, ready in shown.items())
    assert any("Gemma 3 270M" in name and ready for name, ready in shown.items())
    with pytest.raises(local_models.ModelError, match="Không có mô hình trên máy «llama-70b»"):
        local_models.llm_spec("llama-70b")
