"""The pre-test / post-test question bank: the same 15 questions before module 1 and after module 4.

Only questions and options live here (this package ships to learners). Which option is right is
kept on the instructor side, in the hidden tests of the nbgrader sources
`grading/source/kiem_tra_dau_khoa/` and `grading/source/kiem_tra_cuoi_khoa/`
(built by `grading/_build_assessment.py`), so learners never receive the key.

Each learner sees the questions and the options of each question in an order of their own,
derived from their learner id and the test (so the post-test is ordered differently from the
pre-test). A saved answer is the option's text, not its displayed letter, so grading does not
depend on the order.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from course import catalogue

# test id -> (nbgrader assignment id, Vietnamese title)
TESTS: dict[str, tuple[str, str]] = {
    "dau_khoa": ("kiem_tra_dau_khoa", "Kiểm tra đầu khoá"),
    "cuoi_khoa": ("kiem_tra_cuoi_khoa", "Kiểm tra cuối khoá"),
}
MODULES: dict[str, str] = {m.id: m.label for m in catalogue.MODULES}  # module id -> "Học phần 1 — …"
M1, M2, M3, M4 = catalogue.IDS
NOTEBOOK = "kiem_tra"
ANSWER_PREFIX = "kt_"  # answers are saved as kt_q01 ... in cau_tra_loi.json


@dataclass(frozen=True)
class Question:
    """One multiple-choice question: a stable id, its module (catalogue id), the text and four options."""

    qid: str
    module: str
    text: str
    options: tuple[str, ...]

    @property
    def variable(self) -> str:
        """Name of the answer in the learner's answer file (kt_q01...)."""
        return ANSWER_PREFIX + self.qid

    @property
    def grade_id(self) -> str:
        """grade_id of this question's test cell in the nbgrader notebook."""
        return f"kiem_tra_{self.qid}"


QUESTIONS: tuple[Question, ...] = (
    Question("q01", M1, "Mô hình ngôn ngữ lớn (như ChatGPT, Gemini) tạo ra câu trả lời bằng cách nào?", (
        "Tra cứu một cơ sở dữ liệu pháp luật chính thức",
        "Đoán lần lượt từng token tiếp theo theo xác suất đã học từ rất nhiều văn bản",
        "Chuyển câu hỏi cho một chuyên gia trả lời trực tuyến",
        "Sao chép nguyên văn một trang web đã lưu sẵn",
    )),
    Question("q02", M1, "Chatbot trả lời rất tự tin và nêu cả số hiệu văn bản. Anh/chị nên làm gì?", (
        "Dùng ngay vì câu trả lời đã có số hiệu văn bản",
        "Hỏi lại chatbot xem nó có chắc không là đủ",
        "Đối chiếu với văn bản gốc ở nguồn chính thức trước khi dùng",
        "Chỉ dùng nếu câu trả lời đủ dài",
    )),
    Question("q03", M1, "AI đưa ra thông tin nghe hợp lý nhưng sai sự thật. Hiện tượng này gọi là gì?", (
        "Quá tải máy chủ",
        "Mất kết nối mạng",
        "Lỗi phông chữ",
        "Ảo giác (hallucination)",
    )),
    Question("q04", M1, "Thông tin nào dưới đây KHÔNG được đưa vào chatbot công cộng?", (
        "Số căn cước và số điện thoại của người dân trong một hồ sơ",
        "Một câu hỏi chung về cách viết thông báo",
        "Lịch tiếp công dân đã công khai trên cổng thông tin của phường",
        "Một đoạn văn không có thông tin cá nhân, nhờ soát lỗi chính tả",
    )),
    Question("q05", M2, "Câu lệnh (prompt) nào dễ cho kết quả đúng ý nhất?", (
        "Viết thông báo.",
        "Bạn là chuyên viên văn phòng UBND phường. Hãy soạn thông báo lịch tiêm chủng cho người dân, "
        "dưới 200 chữ, giọng lịch sự.",
        "Viết giúp tôi cái gì đó về tiêm chủng.",
        "Thông báo tiêm chủng, nhanh lên.",
    )),
    Question("q06", M2, "Theo Nghị định 30/2020/NĐ-CP, dòng địa danh và thời gian nào viết đúng thể thức?", (
        "Mộc Châu, ngày 5 tháng 2 năm 2026",
        "Mộc Châu ngày 05/02/2026",
        "mộc châu, ngày 05 tháng 02 năm 2026",
        "Mộc Châu, ngày 05 tháng 02 năm 2026",
    )),
    Question("q07", M2, "Bản nháp văn bản do chatbot soạn cần được xử lý thế nào trước khi ban hành?", (
        "Cán bộ đọc lại, kiểm tra số liệu, thể thức và chịu trách nhiệm về nội dung",
        "Ban hành ngay vì AI không mắc lỗi chính tả",
        "Chỉ cần thay tên người ký",
        "Nhờ một chatbot khác đọc lại là đủ",
    )),
    Question("q08", M2, "Vì sao cùng một câu lệnh, chatbot có thể trả lời khác nhau mỗi lần hỏi?", (
        "Vì mạng Internet chậm",
        "Vì máy tính của người hỏi bị lỗi",
        "Vì mô hình chọn từ có yếu tố ngẫu nhiên (nhiệt độ lớn hơn 0)",
        "Vì chatbot nhớ tên người hỏi",
    )),
    Question("q09", M3, "Bản chép lời có tỉ lệ lỗi từ (WER) bằng 0,10. Điều đó nghĩa là gì?", (
        "Bản chép chỉ đúng 10 % số từ",
        "Khoảng 10 % số từ bị chép sai, thiếu hoặc thừa so với lời đúng",
        "Đoạn ghi âm dài 10 phút",
        "Máy chép lời mất 0,10 giây",
    )),
    Question("q10", M3, "Điều gì làm máy chép lời giọng nói kém chính xác nhất?", (
        "Nói rõ ràng, từng người một",
        "Đặt micro gần người nói",
        "Tiếng ồn lớn và nhiều người nói chen nhau",
        "Ghi âm trong phòng yên tĩnh",
    )),
    Question("q11", M3, "Bản ghi âm một cuộc họp nội bộ nên được chép lời theo cách nào?", (
        "Dùng mô hình chạy trên máy, để âm thanh không rời máy tính",
        "Tải lên bất kỳ trang web chép lời miễn phí nào",
        "Đăng lên mạng xã hội nhờ người khác chép",
        "Gửi vào hộp thư cá nhân cho nhanh",
    )),
    Question("q12", M4, "Trước khi trích dẫn một điều luật trong văn bản trả lời công dân, cần kiểm tra gì?", (
        "Văn bản dài bao nhiêu trang",
        "Ai là người soạn thảo văn bản",
        "Văn bản có được nhiều người chia sẻ trên mạng không",
        "Văn bản còn hiệu lực hay đã bị sửa đổi, thay thế",
    )),
    Question("q13", M4, "Nguồn nào là nguồn chính thức để đối chiếu văn bản quy phạm pháp luật?", (
        "Một nhóm trò chuyện trên mạng xã hội",
        "Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn)",
        "Câu trả lời của chatbot",
        "Một diễn đàn hỏi đáp không rõ tác giả",
    )),
    Question("q14", M4, "Chatbot trích dẫn «Điều 999 Bộ luật Dân sự 2015», trong khi bộ luật này chỉ có 689 điều. "
                          "Điều đó cho thấy gì?", (
        "Trích dẫn này là bịa, phải tìm điều luật đúng trong văn bản gốc",
        "Bộ luật đã được bổ sung thêm điều mà ta chưa biết",
        "Chỉ cần bỏ số điều, giữ nguyên nội dung là dùng được",
        "Chatbot luôn đúng hơn văn bản in",
    )),
    Question("q15", M4, "Cách gõ câu tìm kiếm nào giúp máy tra cứu tìm đúng điều luật nhất?", (
        "Gõ một từ chung chung như «luật»",
        "Gõ một đoạn dài kể những chuyện không liên quan",
        "Nêu rõ việc cần hỏi bằng các từ chính, ví dụ «thời hạn hợp đồng lao động»",
        "Chỉ gõ số điện thoại của người hỏi",
    )),
)
BY_ID: dict[str, Question] = {q.qid: q for q in QUESTIONS}
BY_GRADE_ID: dict[str, Question] = {q.grade_id: q for q in QUESTIONS}


def _rng(*parts: str) -> random.Random:
    seed = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(seed[:8], "big"))


def arrangement(learner: str, test: str) -> list[tuple[Question, list[str]]]:
    """The questions in this learner's order for this test, each with its options in their order.

    Deterministic: the same learner sees the same order every time they reopen the test.
    """
    if test not in TESTS:
        raise ValueError(f"unknown test {test!r}")
    order = list(QUESTIONS)
    _rng("order", test, learner).shuffle(order)
    arranged = []
    for q in order:
        options = list(q.options)
        _rng("options", test, learner, q.qid).shuffle(options)
        arranged.append((q, options))
    return arranged
