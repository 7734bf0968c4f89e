"""Module 3 engine: speech to text for ward officials.

- `transcribe(file_or_bytes, provider="local")` → `Transcript` (text, segments with word probabilities,
  SRT, table, unsure words highlighted); local faster-whisper by default, `openai` / `gemini` only when
  chosen. Loops, hint echoes and speech the decoder skipped are decoded again, so the result holds on
  every CPU kernel path; a stretch nothing can transcribe reads "[không nghe rõ mm:ss–mm:ss]".
- `wer`, `cer`, `normalize_vi`, `diff_html` — measure a transcript against a reference.
- `Recorder`, `VoiceTyping`, `transcribe_widget` — browser microphone and upload widgets.
- `make_minutes`, `Minutes`, `check_minutes`, `export_minutes_docx` — transcript → biên bản cuộc họp;
  `day_month` reads a date however officials write it ("20/4", "ngày 20 tháng 4").
"""

from __future__ import annotations

from course.speech.audio import AudioError, load_audio, probe
from course.speech.transcribe import (
    DOMAIN_HINT,
    DOMAIN_TERMS,
    Segment,
    Transcript,
    get_transcriber,
    is_hallucination,
    last_transcript,
    make_hint,
    transcribe,
)


def __getattr__(name: str):  # noqa: ANN202 - lazy: widgets and minutes pull in heavier imports
    if name in {"Recorder", "VoiceTyping", "voice_typing_widget"}:
        from course.speech import widgets

        return getattr(widgets, name)
    if name in {"Minutes", "make_minutes", "minutes_from_keywords", "check_minutes", "export_minutes_docx",
                "parse_minutes", "day_month"}:
        from course.speech import minutes

        return getattr(minutes, name)
    if name in {"wer", "cer", "score", "normalize_vi", "diff_html", "diff_text", "show_diff"}:
        from course.speech import evaluate

        return getattr(evaluate, name)
    if name in {"accuracy_table", "compare_providers", "fix_terms", "plot_sound", "reference_for"}:
        from course.speech import compare

        return getattr(compare, name)
    raise AttributeError(name)


__all__ = [
    "DOMAIN_HINT", "DOMAIN_TERMS", "AudioError", "Segment", "Transcript", "get_transcriber", "is_hallucination",
    "last_transcript", "load_audio", "make_hint", "probe", "transcribe",
    "Recorder", "VoiceTyping", "voice_typing_widget", "Minutes", "make_minutes", "minutes_from_keywords",
    "check_minutes", "export_minutes_docx", "parse_minutes", "day_month", "wer", "cer", "score", "normalize_vi",
    "diff_html", "diff_text", "show_diff", "accuracy_table", "compare_providers", "fix_terms", "plot_sound",
    "reference_for",
]
