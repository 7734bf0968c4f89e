"""Regenerate the module's audio clips with espeak-ng (Debian package) and sox.

Not learner-facing. Run from the repo root: `.venv/bin/python module3_speech_to_text/audio/_make_audio.py`.
Every clip is synthesised (no real person's voice) at 16 kHz mono; its reference text is written
beside it as `<name>.txt` (what was spoken, numbers written as words).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> (voice, speed words/min, text). Short clean clips for practice and tests.
CLIPS: dict[str, tuple[str, int, str]] = {
    "tiep_cong_dan": ("vi", 130,
                      "Ủy ban nhân dân phường thông báo lịch tiếp công dân vào sáng thứ hai hằng tuần."),
    "khai_sinh": ("vi", 130,
                  "Công dân đến đăng ký khai sinh cần mang theo căn cước và giấy chứng sinh của trẻ."),
    "hop_to_dan_pho": ("vi-vn-x-south", 150,
                       "Tổ dân phố số năm tổ chức họp dân vào tối thứ bảy tại nhà văn hóa."),
    "ve_sinh": ("vi", 130,
                "Đề nghị các hộ gia đình giữ gìn vệ sinh môi trường và phân loại rác tại nguồn."),
}

# A mock ward meeting: several synthetic "speakers" (pitch = speaker), read one after another.
MEETING: list[tuple[str, str]] = [
    ("vi", "Hôm nay, ngày mười lăm tháng ba, tại hội trường Ủy ban nhân dân phường, "
           "chúng ta họp về công tác vệ sinh môi trường."),
    ("vi", "Chủ trì cuộc họp là ông Nguyễn Văn An, phó chủ tịch Ủy ban nhân dân phường. "
           "Thư ký là chị Trần Thị Bình."),
    ("vi:70", "Thành phần gồm các tổ trưởng tổ dân phố và đại diện hội phụ nữ."),
    ("vi:35", "Tổ dân phố số ba đề nghị tăng thêm thùng rác ở đầu ngõ."),
    ("vi:70", "Hội phụ nữ sẽ vận động các hộ gia đình phân loại rác tại nguồn."),
    ("vi", "Kết luận, giao tổ dân phố số ba lập danh sách điểm đặt thùng rác, "
           "báo cáo trước ngày ba mươi tháng ba."),
]

# The assignment clip: its reference text lives only here and in the hidden grading test.
ASSIGNMENT = ("bai_tap/ghi_am_bai_tap.wav",
              "Sáng thứ sáu tuần này, tổ dân phố số hai tổ chức tổng vệ sinh đường làng ngõ xóm.")

SILENT_SECONDS = 4
# Slow speech with a small gap between words: Whisper base copes best with it (measured).
WORD_GAP = 4
MEETING_SPEED = 130


def run(*cmd: str) -> None:
    if cmd[0] == "sox":
        cmd = ("sox", "-R", *cmd[1:])  # repeatable: fixed seed for noise and dither
    subprocess.run(cmd, check=True)


def synth(voice: str, speed: int, text: str, out: Path) -> None:
    """espeak-ng at 22.05 kHz, then sox to 16 kHz mono 16-bit. `voice:NN` sets the pitch (0-99)."""
    voice, _, pitch = voice.partition(":")
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        run("espeak-ng", "-v", voice, "-p", pitch or "50", "-s", str(speed), "-g", str(WORD_GAP), "-w", str(raw), text)
        run("sox", "-D", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out), "gain", "-n", "-3")


def main() -> None:
    for name, (voice, speed, text) in CLIPS.items():
        synth(voice, speed, text, HERE / f"{name}.wav")
        (HERE / f"{name}.txt").write_text(text + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for i, (voice, text) in enumerate(MEETING):
            part = Path(tmp) / f"p{i}.wav"
            synth(voice, MEETING_SPEED, text, part)
            gap = Path(tmp) / f"g{i}.wav"
            run("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(gap), "trim", "0", "0.8")
            parts += [str(part), str(gap)]
        joined = Path(tmp) / "meeting.wav"
        run("sox", *parts, str(joined))
        # Ogg Vorbis keeps the committed file small and exercises a compressed format.
        run("sox", str(joined), "-C", "3", str(HERE / "cuoc_hop.ogg"))
    (HERE / "cuoc_hop.txt").write_text(" ".join(t for _, t in MEETING) + "\n", encoding="utf-8")

    # The first clip again with street-like noise, for the lesson on accuracy vs noise.
    clean = HERE / "tiep_cong_dan.wav"
    with tempfile.TemporaryDirectory() as tmp:
        noise = Path(tmp) / "noise.wav"
        seconds = subprocess.run(["soxi", "-D", str(clean)], check=True, capture_output=True,
                                 text=True).stdout.strip()
        run("sox", "-D", "-n", "-r", "16000", "-c", "1", "-b", "16", str(noise),
            "synth", seconds, "pinknoise", "vol", "0.25")
        run("sox", "-D", "-m", str(clean), str(noise), str(HERE / "tiep_cong_dan_on.wav"))
    (HERE / "tiep_cong_dan_on.txt").write_text(CLIPS["tiep_cong_dan"][2] + "\n", encoding="utf-8")

    target = HERE.parent / ASSIGNMENT[0]
    target.parent.mkdir(exist_ok=True)
    synth("vi", 130, ASSIGNMENT[1], target)

    run("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(HERE / "im_lang.wav"),
        "trim", "0", str(SILENT_SECONDS))
    (HERE / "im_lang.txt").write_text("\n", encoding="utf-8")


if __name__ == "__main__":
    main()
