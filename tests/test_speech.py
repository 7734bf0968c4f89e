"""course.speech: real local transcription of the committed clips, bad inputs, WER normaliser, CLI, minutes.

CER bounds were measured first with this exact pipeline (Whisper base int8, beam 5, VAD) on the espeak-ng
clips; each bound leaves room above the values measured across CPU kernel paths (AVX-512, AVX2, generic).
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from course.errors import CourseError
from course.speech import evaluate, minutes
from course.speech.audio import SAMPLE_RATE, AudioError, iter_chunks, load_audio
from course.speech.transcribe import (
    DOMAIN_HINT,
    UNSURE_BELOW,
    LocalTranscriber,
    Segment,
    Transcript,
    Word,
    echoes_hint,
    heard_twice,
    is_hallucination,
    last_transcript,
    missed_speech,
    repeats_itself,
    sounds_foreign,
    to_srt,
    transcribe,
)
from tests.conftest import REPO

AUDIO = REPO / "module3_speech_to_text" / "audio"

# measured CER (normalised) -> bound
CER_BOUNDS = {"tiep_cong_dan.wav": 0.35, "khai_sinh.wav": 0.35, "cuoc_hop.ogg": 0.5}


@pytest.fixture(scope="module")
def local() -> LocalTranscriber:
    return LocalTranscriber()


def ref(name: str) -> str:
    return (AUDIO / name).with_suffix(".txt").read_text(encoding="utf-8").strip()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CER_BOUNDS))
def test_local_transcription_meets_measured_cer(local, name):
    result = transcribe(AUDIO / name, transcriber=local, progress=False)
    cer = evaluate.cer(ref(name), result.text)
    assert cer <= CER_BOUNDS[name], f"{name}: CER {cer:.2f} > {CER_BOUNDS[name]} ({result.text!r})"
    assert result.segments and all(s.end > s.start >= 0 for s in result.segments)
    assert result.duration_s == pytest.approx(sf.info(str(AUDIO / name)).duration, abs=0.05) \
        if name.endswith(".wav") else result.duration_s > 35
    if name == "cuoc_hop.ogg":
        assert result.segments[-1].end > 30
        starts = [s.start for s in result.segments]
        assert starts == sorted(starts)


@pytest.mark.slow
def test_odd_sample_rates_and_stereo(local, tmp_path):
    audio = load_audio(AUDIO / "tiep_cong_dan.wav")
    t_src = np.arange(audio.size) / SAMPLE_RATE
    for rate, channels in ((8000, 1), (44100, 2)):
        t_dst = np.arange(int(audio.size * rate / SAMPLE_RATE)) / rate
        resampled = np.interp(t_dst, t_src, audio).astype(np.float32)
        data = np.stack([resampled] * channels, axis=1) if channels == 2 else resampled
        path = tmp_path / f"odd_{rate}.wav"
        sf.write(str(path), data, rate)
        assert load_audio(path).size == pytest.approx(audio.size, rel=0.01)
        text = transcribe(path, transcriber=local, progress=False).text
        # 0.36-0.50 measured across CPU kernel paths (AVX-512, AVX2, generic; MKL SSE4.2 and CNR modes)
        assert evaluate.cer(ref("tiep_cong_dan.wav"), text) <= 0.6, (rate, text)
        assert not echoes_hint(text, DOMAIN_HINT), (rate, text)


@pytest.mark.slow
def test_browser_webm_opus_through_voice_typing(tmp_path):
    import av

    from course.speech.widgets import VoiceTyping

    audio = load_audio(AUDIO / "khai_sinh.wav")
    buf = io.BytesIO()
    with av.open(buf, "w", format="webm") as out:
        stream = out.add_stream("libopus", rate=48000)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray((audio * 32767).astype(np.int16).reshape(1, -1), format="s16",
                                           layout="mono")
        frame.rate = SAMPLE_RATE
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    typing = VoiceTyping()
    typing.box.value = "Ghi chú:"
    data = buf.getvalue()

    def comm_msg(content: dict, buffers: list) -> dict:  # what ipykernel hands the widget for model.send()
        return {"content": {"data": {"method": "custom", "content": content}}, "buffers": buffers}

    recorder = typing.recorder
    recorder._handle_msg(comm_msg({"type": "begin", "name": "ghi_am.webm", "mime": "audio/webm"}, []))
    recorder._handle_msg(comm_msg({"type": "part"}, [memoryview(data[: len(data) // 2])]))
    recorder._handle_msg(comm_msg({"type": "part"}, [memoryview(data[len(data) // 2:])]))
    recorder._handle_msg(comm_msg({"type": "end"}, []))
    assert typing.text.startswith("Ghi chú:\n")
    assert evaluate.cer(ref("khai_sinh.wav"), typing.text.split("\n", 1)[1]) <= 0.45
    # a corrupt recording shows a Vietnamese line in the widget and changes nothing
    before = typing.text
    typing.recorder.receive(b"\x1aE\xdf\xa3 not really webm", "ghi_am.webm")
    assert typing.text == before and "hỏng" in typing.info.value


@pytest.mark.slow
def test_chunks_transcribed_side_by_side_come_back_in_order(local):
    import threading
    import time

    class TwoAtOnce:
        name, model, chunk_s, parallel = "local", local.model, 10.0, 2

        def __init__(self) -> None:
            self.running = self.most = 0
            self.lock = threading.Lock()

        def transcribe_chunk(self, audio, hint):
            with self.lock:
                self.running += 1
                self.most = max(self.most, self.running)
            try:
                if self.most < 2:  # give the second chunk time to start alongside the first
                    time.sleep(0.5)
                return local.transcribe_chunk(audio, hint)
            finally:
                with self.lock:
                    self.running -= 1

    engine = TwoAtOnce()
    seen = []
    # 10-second chunks cut sentences; the ward hint keeps Whisper from counting aloud at a cut
    result = transcribe(AUDIO / "cuoc_hop.ogg", transcriber=engine, progress=False, on_segment=seen.append,
                        hint=DOMAIN_HINT)
    assert engine.most == 2, "the chunks were not transcribed side by side"
    starts = [s.start for s in result.segments]
    assert starts == sorted(starts) and seen == result.segments
    assert evaluate.cer(ref("cuoc_hop.ogg"), result.text) <= 0.6


@pytest.mark.slow
def test_interrupt_keeps_partial_result(local):
    class StopOnSecondChunk:
        name, model, chunk_s = "local", local.model, 15.0

        def __init__(self) -> None:
            self.calls = 0

        def transcribe_chunk(self, audio, hint):
            self.calls += 1
            if self.calls == 2:
                raise KeyboardInterrupt
            return local.transcribe_chunk(audio, hint)

    result = transcribe(AUDIO / "cuoc_hop.ogg", transcriber=StopOnSecondChunk(), progress=False)
    assert result.interrupted and result.segments and result.text
    assert last_transcript() is result
    assert "DỪNG GIỮA CHỪNG" in result.summary()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make, expected", [
    (lambda d: _write(d / "rong.wav", b""), "trống"),
    # fixed bytes: some random draws parse as a container with no audio stream (another, also Vietnamese, error)
    (lambda d: _write(d / "hong.wav", random.Random(0).randbytes(4000)), "hỏng"),
    (lambda d: _write(d / "ghi_chu.txt", "xin chào".encode()), "Chưa hỗ trợ"),
    (lambda d: d / "khong_co.wav", "Không tìm thấy"),
    (lambda d: AUDIO / "im_lang.wav", "im lặng"),
])
def test_bad_files_give_vietnamese_course_errors(tmp_path, make, expected):
    with pytest.raises(AudioError) as err:
        transcribe(make(tmp_path), progress=False)
    assert expected in str(err.value)


def test_bad_bytes_and_arrays():
    with pytest.raises(AudioError, match="trống"):
        transcribe(b"", progress=False)
    with pytest.raises(AudioError, match="quá ngắn"):
        transcribe(np.zeros(10, dtype=np.float32), progress=False)
    with pytest.raises(AudioError, match="im lặng"):
        transcribe(np.zeros(SAMPLE_RATE * 2, dtype=np.float32), progress=False)


def test_two_hour_file_is_refused_from_header_with_a_clear_message(tmp_path):
    path = tmp_path / "hai_gio.wav"
    with sf.SoundFile(str(path), "w", samplerate=8000, channels=1, subtype="PCM_U8") as fh:
        block = np.zeros(8000 * 600, dtype=np.float32)
        for _ in range(12):
            fh.write(block)
    with pytest.raises(CourseError, match="dài 120 phút, quá giới hạn 90 phút"):
        transcribe(path, progress=False)
    exe = Path(sys.executable).parent / "khoahoc"
    proc = subprocess.run([str(exe), "transcribe", str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "120 phút" in proc.stderr and "--max-minutes" in proc.stderr


def test_chunks_bound_memory_and_cover_everything():
    audio = np.random.default_rng(0).normal(0, 0.1, SAMPLE_RATE * 95).astype(np.float32)
    chunks = list(iter_chunks(audio, chunk_s=30, search_s=5))
    assert sum(c.size for _, c in chunks) == audio.size
    assert max(c.size for _, c in chunks) <= 35 * SAMPLE_RATE
    assert [round(o * SAMPLE_RATE) for o, _ in chunks] == list(np.cumsum([0] + [c.size for _, c in chunks[:-1]]))


def test_hallucination_guard():
    assert is_hallucination("Hãy subscribe cho kênh Ghiền Mì Gõ Để không bỏ lỡ những video hấp dẫn")
    assert is_hallucination("Cảm ơn các bạn đã theo dõi", no_speech_prob=0.5)
    assert not is_hallucination("Cảm ơn các bạn đã theo dõi", no_speech_prob=0.01, avg_logprob=-0.2)
    assert is_hallucination("5. 5. 5. 5. 5. 5. 5. 5. 5. 5.")
    assert not is_hallucination("Tổ dân phố số ba đề nghị tăng thêm thùng rác ở đầu ngõ.")
    # counting, seen on the assignment clip with AVX2 kernels; a date or amount among words is speech
    assert is_hallucination("Sáng 1, 1, 2, 3, 4, 4, 5, 6, 6, 7, 8, 5, 5, 8, 6, 8, 8, 9, 8, 10, 8, 11.")
    assert is_hallucination("Sáng 1, 3, 2, 1, 4, 1, 2, 3, 4, 2, chút đồng về xin bình luận, ô sống.")
    assert not is_hallucination("Ngày 13 tháng 12 năm 2025, tổ 3 họp lúc 8 giờ, thu 250 nghìn đồng mỗi hộ.")


def test_srt_and_json_shapes():
    t = Transcript([Segment(0.0, 1.5, "Xin chào"), Segment(61.25, 3725.0, "bà con")], duration_s=3725.0,
                   processing_s=10.0)
    assert to_srt(t.segments).startswith("1\n00:00:00,000 --> 00:00:01,500\nXin chào\n\n2\n00:01:01,250 --> 01:02:05,000")
    data = json.loads(t.to_json())
    assert data["text"] == "Xin chào bà con" and data["duration"] == 3725.0 and len(data["segments"]) == 2
    assert list(t.table().columns) == ["Bắt đầu", "Kết thúc", "Nội dung"]


def test_vietnamese_normaliser():
    n = evaluate.normalize_vi
    assert n("UBND phường Hoà Bình, tổ 5!") == n("Ủy ban nhân dân phường Hòa Bình tổ năm")
    assert n("Tho\u0302ng ba\u0301o") == "thông báo"  # NFD input
    assert n("21 hộ, 105 người, 1.000.000 đồng") == "hai mươi mốt hộ một trăm linh năm người một triệu đồng"
    assert evaluate.number_to_words(2026) == "hai nghìn không trăm hai mươi sáu"
    assert evaluate.number_to_words(15) == "mười lăm" and evaluate.number_to_words(24) == "hai mươi tư"
    assert evaluate.wer("Tổ dân phố số năm họp.", "tổ dân phố số 5 họp") == 0.0
    s = evaluate.score("tổ dân phố số năm họp tối nay", "tổ dân số năm hợp tối nay nhé")
    assert (s.substitutions, s.deletions, s.insertions) == (1, 1, 1)
    kinds = [k for k, _, _ in evaluate.diff_words("tổ dân phố họp", "tổ dân hợp")]
    assert kinds == ["equal", "delete", "substitute"] or kinds == ["equal", "substitute", "delete"]
    html = evaluate.diff_html("tổ dân phố họp", "tổ dân hợp")
    assert "bị thiếu" in html and "<s>" in html
    with pytest.raises(CourseError):
        evaluate.wer("", "xin chào")


@pytest.mark.slow
def test_cli_json(tmp_path):
    exe = Path(sys.executable).parent / "khoahoc"
    proc = subprocess.run([str(exe), "transcribe", str(AUDIO / "khai_sinh.wav"), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"text", "segments", "duration", "processing_seconds"} <= set(data)
    assert data["duration"] == pytest.approx(sf.info(str(AUDIO / "khai_sinh.wav")).duration, abs=0.05)
    assert evaluate.cer(ref("khai_sinh.wav"), data["text"]) <= CER_BOUNDS["khai_sinh.wav"]
    bad = subprocess.run([str(exe), "transcribe", str(AUDIO / "im_lang.wav")], capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 2 and "im lặng" in bad.stderr and "Traceback" not in bad.stderr


def test_minutes_parts_parse_check_and_docx(tmp_path):
    from course.documents import check_file

    m = minutes.minutes_from_keywords(ref("cuoc_hop.ogg"))
    assert not m.missing()
    assert "Nguyễn Văn An" in m.chu_tri and "Trần Thị Bình" in m.thu_ky and "hội trường" in m.dia_diem
    path = minutes.export_minutes_docx(m, tmp_path / "bien_ban.docx", issuer="ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH",
                                       place="An Bình")
    assert check_file(path).ok
    from docx import Document

    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "BIÊN BẢN" in text and "Nguyễn Văn An" in text and "Kết luận" in text
    parsed = minutes.parse_minutes("**Thoi gian**: 8 giờ\nĐịa điểm: hội trường\nChủ trì: ông A\nThời gian: lặp")
    assert parsed.thoi_gian == "8 giờ" and parsed.chu_tri == "ông A"
    assert "Biên bản còn thiếu phần «Thư ký»." in minutes.check_minutes(parsed)
    with pytest.raises(CourseError, match="còn thiếu"):
        minutes.export_minutes_docx(parsed, tmp_path / "x.docx")


@pytest.mark.parametrize("written", [
    "Ngày 20/4", "20-4", "ngày 20 tháng 4", "20.4", "20/04", "20/4/2026", "Ngày 20 tháng 04 năm 2026",
    "Ngay 20 thang 4", "ngày 20, tháng 4", "ngày 20 - 4", "2026-04-20", "Hôm nay, ngày hai mươi tháng tư",
    "ngày hai mươi tháng bốn", "Hai mươi tháng tư", "Lúc 8.05, ngày 20/4", "14 giờ 30 ngày 20/04",
])
def test_day_month_reads_every_way_officials_write_a_date(written):
    assert minutes.day_month(written) == (20, 4)


def test_day_month_refuses_what_is_not_that_date():
    assert minutes.day_month("mồng 5 tháng 5") == (5, 5) and minutes.day_month("ngày hai mốt tháng tư") == (21, 4)
    assert minutes.day_month("ngày mười tháng năm") == (10, 5)
    for text in ("", None, "họp một tháng hai lần", "ngày 31/4", "ngày 30/2", "1.000.000 đồng", "tổ 7",
                 "ngày 4/20"):
        assert minutes.day_month(text) is None, text
    # the normaliser used for WER reads "20/4" as two numbers, which is why dates need day_month
    assert "tháng" not in evaluate.normalize_vi("Ngày 20/4")


def test_make_minutes_never_invents_when_model_unavailable(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")  # course.llm.ask returns an error, calls no model
    m = minutes.make_minutes(ref("cuoc_hop.ogg"))
    assert len(m.missing()) == 7 and m.notes


def test_cloud_needs_explicit_choice_and_key(monkeypatch, tmp_path):
    from course.speech.transcribe import get_transcriber

    monkeypatch.setenv("COURSE_DOTENV", str(tmp_path / "none.env"))
    for var in ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(CourseError, match="OPENAI_API_KEY"):
        get_transcriber("openai")
    with pytest.raises(CourseError, match="GEMINI_API_KEY"):
        get_transcriber("gemini")
    monkeypatch.setenv("OPENAI_API_KEY", "sk" + "-test-000000000000000000000000")
    # even with a key, the default transcriber is local: audio never leaves without a choice
    import inspect

    assert inspect.signature(transcribe).parameters["provider"].default == "local"


def test_long_file_is_read_in_bounded_memory(tmp_path):
    """Ten minutes of audio (38 MB as float32) stream through in chunks without being held at once."""
    import tracemalloc

    path = tmp_path / "dai.wav"
    tone = (0.1 * np.sin(np.linspace(0, 440 * 2 * np.pi, SAMPLE_RATE))).astype(np.float32)
    with sf.SoundFile(str(path), "w", samplerate=SAMPLE_RATE, channels=1, subtype="PCM_16") as fh:
        for _ in range(600):
            fh.write(tone)
    tracemalloc.start()
    total = 0
    try:
        for _, chunk in iter_chunks(path, chunk_s=30):
            total += chunk.size
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == 600 * SAMPLE_RATE
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"  # bounded by the chunk, not the file


def test_voice_typing_clear_can_be_undone():
    from course.speech.widgets import VoiceTyping

    typing = VoiceTyping()
    typing.box.value = "Kính gửi UBND phường"
    typing.clear()
    assert typing.text == "" and not typing.undo.disabled
    typing.restore()
    assert typing.text == "Kính gửi UBND phường" and typing.undo.disabled
    typing.clear()
    typing.box.value = "mới"
    typing.restore()
    assert typing.text == "Kính gửi UBND phường\nmới"  # typed after clearing is kept too


def test_loops_and_hint_echoes_are_recognised():
    assert repeats_itself("Cái bây giờ, dân phố, dân phố, dân phố, dân phố, dân phố")
    assert repeats_itself("5. 5. 5. 5. 5. 5. 5. 5.")
    assert not repeats_itself("Tổ dân phố số 2 và tổ dân phố số 3 họp chung tại nhà văn hoá.")
    echo = "Cuộc đường dân phường về hộ tịch, căn cước công dân và tổ dân phố."
    assert echoes_hint(echo, DOMAIN_HINT)
    assert not echoes_hint("Ủy ban nhân dân phường thông báo lịch tiếp công dân sáng thứ hai.", DOMAIN_HINT)
    assert not echoes_hint(echo, "")
    # look-alike syllables walked one after another (a re-decoded stretch on a real clip)
    assert repeats_itself("nhé, nhé, chạy, chạm, chạc, chạch, chạp, chạng, chạn, chạu, chạh, chạv, chạk")
    assert repeats_itself("Mình phải hẳn hẳng hẳm hẳl hẳp hẳt hẳnt hẳnh hẳNT hẳN")
    assert repeats_itself("Ấn Hồn Hồng Ấng Ảng ẵng Ặng Ẍng ẳng ặng ẝng Ẽng ấng Ạng ẟng ếng ảng ằng ẹng ắng")
    assert not repeats_itself("Chị Chanh chăm chỉ chạy chợ, chồng chị chặt cây, chúng tôi chào chị.")
    assert not repeats_itself("Thứ tư thì thôn Thượng thông báo thu thuế, thứ năm thôn Tây.")
    # English sampled while decoding Vietnamese; Vietnamese typed without marks is not English
    assert sounds_foreign("Now it's getting full door, don't worry.")
    assert not sounds_foreign("Xin chào tất cả mọi người")
    assert not sounds_foreign("xin chao tat ca moi nguoi o to dan pho")
    assert not sounds_foreign("Ứng dụng VNeID và Zalo")


def test_speech_read_twice_is_kept_once():
    """A skipped stretch decoded again that only repeats words already kept is the same speech
    heard twice (a real clip came out "sự xa lạnh Sự xa lạnh"); new words are kept."""
    kept = [Segment(0.4, 1.4, "sự xa lạnh")]
    assert heard_twice([Segment(0.4, 4.0, "Sự xa lạnh")], kept)
    assert heard_twice([Segment(4.4, 6.8, "Xin chào tất cả các mọi người")],
                       [Segment(0.2, 1.4, "Xin chào tất cả mọi người")])
    assert not heard_twice([Segment(1.5, 4.0, "tổ dân phố số hai họp chiều nay")], kept)
    assert not heard_twice([Segment(1.5, 4.0, "", unclear=True)], kept)
    assert not heard_twice([], kept)


def test_skipped_speech_is_decoded_again_and_unclear_stretches_say_so(local):
    """What the decoder skipped as "no speech" is found by the voice detector and decoded again;
    a stretch nothing can transcribe says so with its times instead of vanishing."""
    audio = load_audio(REPO / "module3_speech_to_text" / "bai_tap" / "ghi_am_bai_tap.wav")
    padded = np.concatenate([np.zeros(2 * SAMPLE_RATE, np.float32), audio])
    spans = missed_speech(padded, heard=[])
    assert spans and spans[0][0] >= 1.5 and spans[-1][1] <= padded.size / SAMPLE_RATE + 0.01
    assert missed_speech(padded, heard=[(0.0, padded.size / SAMPLE_RATE)]) == []
    recovered = local._recover(padded, *spans[0], DOMAIN_HINT)
    assert recovered and not any(s.unclear for s in recovered)
    assert all(spans[0][0] - 0.3 <= s.start < s.end <= spans[0][1] + 0.3 for s in recovered)
    assert evaluate.cer("Sáng thứ sáu tuần này, tổ dân phố số hai tổ chức tổng vệ sinh đường làng ngõ xóm.",
                        " ".join(s.text for s in recovered)) <= 0.75
    assert local._recover(np.zeros(3 * SAMPLE_RATE, np.float32), 0.0, 3.0, DOMAIN_HINT) == []
    # a floor no decoding reaches (log-probabilities are below 0): the stretch says it was not heard
    floored = local._recover(padded, *spans[0], "", min_logprob=0.0)
    assert len(floored) == 1 and floored[0].unclear and "không nghe rõ" in floored[0].text
    unclear = Segment(0.0, 3.0, "", unclear=True).shifted(63.0)
    assert unclear.text == "[không nghe rõ 01:03–01:06]" and unclear.unclear
    result = Transcript(segments=[Segment(0.0, 2.0, "Xin chào."), unclear])
    assert result.text == "Xin chào. [không nghe rõ 01:03–01:06]"
    assert "1 đoạn không nghe rõ" in result.summary()
    assert json.loads(result.to_json())["segments"][1]["unclear"] is True


def test_word_confidence_marks_where_to_check(local, tmp_path):
    result = transcribe(AUDIO / "khai_sinh.wav", transcriber=local, progress=False)
    words = [w for s in result.segments for w in s.words]
    assert words and all(0.0 <= w.p <= 1.0 for w in words)
    assert evaluate.cer(" ".join(w.w for w in words), result.text) <= 0.05
    data = json.loads(result.to_json())
    assert data["words"] and set(data["words"][0]) == {"w", "p"} and data["unsure_below"] == UNSURE_BELOW
    unsure = result.unsure_words
    assert all(w.p < UNSURE_BELOW for w in unsure)
    html_out = result.marked_html()
    assert html_out.count("<mark") == len(unsure)
    seg = Segment(0.0, 1.0, "Công dân", [Word("Công", 0.9), Word("dân", 0.2)])
    assert Transcript(segments=[seg]).marked_html() == "Công <mark title='độ chắc 20%'>dân</mark>"
