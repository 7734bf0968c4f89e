"""Side-by-side views for class: accuracy per clip, local vs cloud, a spectrogram, term fixes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from course.config import load_settings
from course.errors import CourseError


def reference_for(path: str | Path) -> str:
    """The reference text committed beside a clip (`clip.txt` for `clip.wav`), or ""."""
    ref = Path(path).with_suffix(".txt")
    return ref.read_text(encoding="utf-8").strip() if ref.is_file() else ""


def accuracy_table(paths: list[str | Path], provider: str = "local"):  # noqa: ANN201 - DataFrame
    """Transcribe each clip and score it against its reference: one row per clip."""
    import pandas as pd

    from course.speech.evaluate import score
    from course.speech.transcribe import transcribe

    rows = []
    for path in paths:
        result = transcribe(path, provider=provider, progress=False)
        ref = reference_for(path)
        s = score(ref, result.text) if ref else None
        rows.append({"Tệp": Path(path).name, "Máy nghe được": result.text or "(không nhận ra gì)",
                     "WER": round(s.wer, 2) if s else None, "CER": round(s.cer, 2) if s else None,
                     "Thời gian xử lý (giây)": round(result.processing_s, 1)})
    return pd.DataFrame(rows)


def compare_providers(path: str | Path, allow_cloud: bool = False, reference: str | None = None):  # noqa: ANN201
    """Local always; OpenAI/Gemini only with a key AND `allow_cloud=True` (the learner's explicit choice)."""
    import pandas as pd

    from course.speech.evaluate import score
    from course.speech.transcribe import transcribe

    settings = load_settings()
    ref = reference if reference is not None else reference_for(path)
    rows = []
    for provider, has_key in (("local", True), ("openai", bool(settings.openai_api_key)),
                              ("gemini", bool(settings.gemini_api_key))):
        row = {"Dịch vụ": provider, "Mô hình": "", "Văn bản": "", "WER": None, "CER": None, "Ghi chú": ""}
        if provider != "local" and not has_key:
            row["Ghi chú"] = "bỏ qua: chưa có khoá API"
        elif provider != "local" and not allow_cloud:
            row["Ghi chú"] = "bỏ qua: bạn chưa đồng ý gửi âm thanh lên mạng (allow_cloud=True)"
        else:
            try:
                result = transcribe(path, provider=provider, progress=False)
                row.update({"Mô hình": result.model, "Văn bản": result.text,
                            "Ghi chú": f"xử lý {result.processing_s:.1f} giây"})
                if ref:
                    s = score(ref, result.text)
                    row.update({"WER": round(s.wer, 2), "CER": round(s.cer, 2)})
            except CourseError as exc:
                row["Ghi chú"] = str(exc)
        rows.append(row)
    return pd.DataFrame(rows)


def fix_terms(text: str, corrections: dict[str, str]) -> str:
    """Apply the official's own corrections (wrong → right, case-insensitive, whole words) and tidy spaces."""
    text = unicodedata.normalize("NFC", text or "")
    for wrong, right in sorted(corrections.items(), key=lambda kv: -len(kv[0])):
        wrong = unicodedata.normalize("NFC", wrong).strip()
        if wrong:
            text = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", unicodedata.normalize("NFC", right), text,
                          flags=re.IGNORECASE)
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"[ \t]+", " ", text)).strip()
    return text[:1].upper() + text[1:]


def plot_sound(path: str | Path, seconds: float | None = None):  # noqa: ANN201 - matplotlib Figure
    """Waveform and spectrogram of a clip: what the model actually 'sees'."""
    import matplotlib.pyplot as plt
    import numpy as np

    from course.speech.audio import SAMPLE_RATE, load_audio

    audio = load_audio(path)
    if seconds:
        audio = audio[: int(seconds * SAMPLE_RATE)]
    t = np.arange(audio.size) / SAMPLE_RATE
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 4.5), sharex=True)
    ax1.plot(t, audio, linewidth=0.5)
    ax1.set_ylabel("Biên độ")
    ax1.set_title(f"«{Path(path).name}»: sóng âm (trên) và phổ tần theo thời gian (dưới)")
    with np.errstate(divide="ignore"):  # digital silence has zero power: log10(0) is just "black"
        ax2.specgram(audio, NFFT=400, Fs=SAMPLE_RATE, noverlap=240, cmap="magma")
    ax2.set_ylabel("Tần số (Hz)")
    ax2.set_xlabel("Thời gian (giây)")
    ax2.set_ylim(0, 8000)
    fig.tight_layout()
    return fig
