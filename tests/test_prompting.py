"""course.prompting: the rubric, the prompt lab (real local model), and web-search look-ups over a real
HTTP server on 127.0.0.1 speaking the Gemini and OpenAI Responses wire formats."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from course.prompting import MAX_SCORE, PASS_MARK, TASKS, PromptParts, rubric_table, score_prompt
from course.prompting.anatomy import task_parts

GOOD = ("Bạn là chuyên viên văn phòng UBND phường. Bối cảnh: phường ra quân làm sạch đường phố ngày 11 tháng 01 năm "
        "2026 cho người dân các tổ dân phố. Hãy soạn thông báo gửi các tổ dân phố. Định dạng: ba đoạn, có tiêu đề. "
        "Ví dụ: «Kính gửi bà con…». Không quá 150 từ, giọng lịch sự.")


def test_every_ready_made_task_passes_the_rubric():
    for name, (_label, parts) in TASKS.items():
        result = score_prompt(parts)
        assert result.passed, (name, result.summary())


def test_rubric_is_deterministic_and_explains():
    one, two = score_prompt(GOOD), score_prompt(GOOD)
    assert one.score == two.score == MAX_SCORE
    weak = score_prompt("Viết công văn")
    assert weak.score < PASS_MARK and not weak.passed
    feedback = weak.summary()
    assert "Vai trò: 0/2" in feedback and "Thêm vai trò" in feedback


def test_rubric_without_diacritics_only_loses_that_point():
    bare = ("ban la chuyen vien van phong ubnd phuong. boi canh: phuong ra quan lam sach duong pho ngay 11 thang 01 nam "
            "2026 cho nguoi dan cac to dan pho. hay soan thong bao gui cac to dan pho. dinh dang: ba doan, co tieu de. "
            "vi du: 'kinh gui ba con'. khong qua 150 tu, giong lich su.")
    result = score_prompt(bare)
    assert result.score == MAX_SCORE - 1
    assert any(ln.criterion.id == "diacritics" and ln.points == 0 for ln in result.lines)


def test_rubric_penalises_personal_data():
    with_pii = GOOD + " Người hỏi: CCCD 001080012345, điện thoại 0912345678."
    result = score_prompt(with_pii)
    assert result.pii and result.score == MAX_SCORE - 3
    assert "Dữ liệu cá nhân" in result.summary()


def test_rubric_partial_credit_and_table():
    only_task = score_prompt(PromptParts(task="Hãy soạn giấy mời họp tổ dân phố số 3 vào tháng 01 năm 2026."))
    assert 2 <= only_task.score < PASS_MARK
    table = rubric_table()
    assert "| Vai trò | 2 |" in table and f"đạt từ {PASS_MARK} điểm" in table


def test_prompt_parts_assemble_labels():
    parts = task_parts("giay-moi")
    text = parts.assemble()
    assert text.startswith("Vai trò: ") and "\nRàng buộc: " in text
    assert PromptParts(task="x").filled() == ["task"]


@pytest.fixture(scope="module")
def local_lab():
    from course.prompting.lab import PromptLab

    lab = PromptLab("thong-bao", providers=["local"], max_tokens=16)
    return lab


@pytest.mark.slow
def test_lab_streams_a_real_local_answer(local_lab):
    updates: list[str] = []
    local_lab.output.observe(lambda ch: updates.append(ch["new"]), names="value")
    answer = local_lab.send()
    assert answer.error is None and answer.provider == "local" and answer.text.strip()
    assert len(updates) >= 2, "the answer should appear piece by piece"
    assert "mô hình nhỏ" in local_lab.output.value
    assert local_lab.score().passed
    assert local_lab.compare_button.disabled  # one provider: nothing to compare


def test_lab_never_calls_a_model_while_grading(monkeypatch):
    from course.prompting.lab import PromptLab

    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    lab = PromptLab("fanpage", providers=["local"])
    answer = lab.send()
    assert answer.error and answer.text == ""
    empty = PromptLab(providers=["local"])
    assert empty.send() is None and "Nhiệm vụ" in empty.status.value


# ----------------------------------------------------------------------------- look-ups over the wire

class _Handler(BaseHTTPRequestHandler):
    seen: list[tuple[str, dict]] = []

    def log_message(self, *args) -> None:  # noqa: D102 - keep test output quiet
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        self.seen.append((self.path, body))
        if ":generateContent" in self.path:
            question = body["contents"][0]["parts"][0]["text"]
            payload = {
                "candidates": [{
                    "content": {"role": "model", "parts": [{"text": f"Theo nguồn chính thống: 34 tỉnh, thành. ({question[-12:]})"}]},
                    "finishReason": "STOP",
                    "groundingMetadata": {
                        "webSearchQueries": ["số tỉnh thành Việt Nam 2025"],
                        "groundingChunks": [
                            {"web": {"uri": "https://chinhphu.vn/bai-viet-1", "title": "chinhphu.vn"}},
                            {"web": {"uri": "https://quochoi.vn/bai-viet-2", "title": "quochoi.vn"}},
                            {"web": {"uri": "https://chinhphu.vn/bai-viet-1", "title": "chinhphu.vn"}},
                        ]},
                }],
                "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 8, "totalTokenCount": 18},
            }
        elif self.path.endswith("/responses"):
            payload = {
                "id": "resp_1", "object": "response", "created_at": 0, "model": body.get("model", ""),
                "status": "completed", "tool_choice": "auto", "tools": body.get("tools", []),
                "parallel_tool_calls": True,
                "output": [
                    {"type": "web_search_call", "id": "ws_1", "status": "completed",
                     "action": {"type": "search", "query": "cấp huyện 2025"}},
                    {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                     "content": [{"type": "output_text", "text": "Không còn cấp huyện từ 01/7/2025.",
                                  "annotations": [{"type": "url_citation", "url": "https://vanban.chinhphu.vn/x",
                                                   "title": "Hệ thống văn bản", "start_index": 0, "end_index": 10}]}]},
                ],
            }
        else:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def search_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def cloud_env(search_server, monkeypatch, tmp_path):
    for key in ("COURSE_LLM_PROVIDER", "NBGRADER_EXECUTION", "GOOGLE_API_KEY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("COURSE_DOTENV", str(tmp_path / "none.env"))
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GEMINI_API_KEY", "test-gemini-key-123456")
    monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", search_server)
    monkeypatch.setenv("OPENAI_API_KEY", "test-openai-key-123456")
    monkeypatch.setenv("OPENAI_BASE_URL", search_server + "/v1")
    _Handler.seen.clear()
    return search_server


def test_gemini_grounding_returns_sources_and_guards_pii(cloud_env):
    from course.prompting.lookup import look_up

    res = look_up("Tôi là Hùng, điện thoại 0912345678: Việt Nam có bao nhiêu tỉnh?", provider="gemini")
    assert res.error is None and res.searched and res.provider == "gemini"
    assert [s.url for s in res.sources] == ["https://chinhphu.vn/bai-viet-1", "https://quochoi.vn/bai-viet-2"]
    assert res.queries == ["số tỉnh thành Việt Nam 2025"]
    path, body = _Handler.seen[-1]
    sent = json.dumps(body)
    assert ":generateContent" in path and ("googleSearch" in sent or "google_search" in sent)
    assert "0912345678" not in json.dumps(body, ensure_ascii=False)
    assert any("che" in n for n in res.notices)
    html = res._repr_html_()
    assert "https://quochoi.vn/bai-viet-2" in html and "hãy mở và kiểm tra" in html


def test_openai_web_search_returns_citations(cloud_env):
    from course.prompting.lookup import look_up

    res = look_up("Cấp huyện còn không?", provider="openai")
    assert res.error is None and res.searched
    assert res.text.startswith("Không còn cấp huyện")
    assert res.sources[0].url == "https://vanban.chinhphu.vn/x" and res.queries == ["cấp huyện 2025"]
    path, body = _Handler.seen[-1]
    assert path.endswith("/v1/responses") and body["tools"] == [{"type": "web_search"}]


def test_lookup_errors_are_vietnamese(cloud_env, monkeypatch):
    from course.prompting.lookup import look_up

    assert look_up("   ").error == "Bạn chưa nhập câu hỏi."
    monkeypatch.delenv("GEMINI_API_KEY")
    assert "Chưa có khoá API" in look_up("x", provider="gemini").error
    monkeypatch.setenv("GEMINI_API_KEY", "test-gemini-key-123456")
    monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:9")  # nothing listens there
    res = look_up("Việt Nam có bao nhiêu tỉnh?", provider="gemini")
    assert res.error and "Traceback" not in res.error


@pytest.mark.slow
def test_offline_lookup_explains_its_limit(monkeypatch, tmp_path):
    from course.prompting.lookup import OFFLINE_LESSON, look_up

    for key in ("GEMINI_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL", "NBGRADER_EXECUTION"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("COURSE_DOTENV", str(tmp_path / "none.env"))
    res = look_up("Việt Nam có bao nhiêu tỉnh, thành phố?", max_tokens=12)
    assert res.provider == "local" and not res.searched and res.error is None
    assert OFFLINE_LESSON in str(res) and "chinhphu.vn" in res._repr_html_()


def test_lab_compares_cloud_providers_side_by_side(monkeypatch, tmp_path):
    """ChatGPT and Gemini side by side, through the real SDKs, against a 127.0.0.1 wire-format server."""
    from course.prompting.lab import PromptLab
    from tests.wire_server import wire_server

    for name in ("COURSE_LLM_PROVIDER", "NBGRADER_EXECUTION", "GOOGLE_API_KEY", "COURSE_REPLAY", "COURSE_PII_POLICY"):
        monkeypatch.delenv(name, raising=False)
    with wire_server(log_dir=tmp_path) as srv:
        monkeypatch.setenv("OPENAI_API_KEY", "test-openai-key-123456")
        monkeypatch.setenv("GEMINI_API_KEY", "test-gemini-key-123456")
        monkeypatch.setenv("OPENAI_BASE_URL", srv.openai_url)
        monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", srv.gemini_url)
        monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setenv("COURSE_DOTENV", str(tmp_path / "no.env"))
        srv.reply = lambda prompt: "Bài đăng: cùng ra quân làm sạch phố phường!"
        lab = PromptLab("fanpage", providers=["openai", "gemini"])
        assert not lab.compare_button.disabled
        answers = lab.compare()
        assert [a.provider for a in answers] == ["openai", "gemini"] and all(a.error is None for a in answers)
        assert len(lab.columns.children) == 2
        shown = " ".join(col.value for col in lab.columns.children)
        assert "ChatGPT (OpenAI)" in shown and "Gemini (Google)" in shown and "cùng ra quân" in shown
        assert len(srv.requests) == 2


def test_lab_exports_the_answer_to_a_checked_docx(tmp_path):
    from course.llm import Answer
    from course.prompting.lab import PromptLab

    lab = PromptLab("thong-bao", providers=["local"])
    assert lab.export_kind.value == "thong-bao"
    assert lab.export_docx() is None and "Gửi" in lab.export_result.value
    lab.last = Answer(text="**THÔNG BÁO**\n\nPhường tổ chức ra quân làm sạch đường phố vào sáng Chủ nhật tuần này.\n\n"
                           "Đề nghị mỗi hộ gia đình cử một người tham gia.", provider="local")
    assert lab.export_docx() is None and "cơ quan" in lab.export_result.value
    lab.export_issuer.value = "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"
    lab.export_place.value = "An Bình"
    lab.export_subject.value = "Về việc ra quân làm sạch đường phố"
    out = lab.export_docx(tmp_path / "tb.docx")
    assert out is not None and out.exists()
    assert "data:application/vnd.openxmlformats" in lab.export_result.value and "Tải tệp tb.docx" in lab.export_result.value
    from course.documents import check_file

    report = check_file(out)
    assert "Phường tổ chức ra quân" in " ".join(p.text for p in __import__("docx").Document(str(out)).paragraphs)
    assert report.broken_rules == {"chu_ky"}, report.summary()  # the signer is left for the learner to fill in


def test_check_figures_reads_vietnamese_numbers():
    from course.prompting.factcheck import check_figures, figures

    assert figures("Tiếp nhận 1.245 hồ sơ, đạt 81,3%, trong ba ngày; ngày 05 tháng 01") == [
        ("1.245 hồ sơ", 1245.0), ("81,3%", 81.3), ("ba ngày", 3.0), ("05 tháng", 5.0), ("01", 1.0)]
    check = check_figures("Hồ sơ giải quyết trong 7 ngày làm việc, đạt 98,8%.", "đạt tỷ lệ 98,8%; 1.230 hồ sơ")
    assert check.unsupported == ["7 ngày làm việc"] and check.checked == 2 and not check.ok
    assert "KHÔNG có trong văn bản nguồn" in check.summary() and "#b02a37" in check._repr_html_()
    assert check_figures("Không có con số.", "x").summary().startswith("Bản nháp không có con số")
