"""Reading learners' audio safely: any common format, any sample rate, streamed in chunks.

Everything is decoded with PyAV (the FFmpeg binding faster-whisper already uses) and resampled to
16 kHz mono float32. Long recordings are never loaded whole: `iter_chunks` yields pieces of about
`chunk_s` seconds, cut at the quietest moment near the boundary so words are not split in half.
Every learner-facing failure is an `AudioError` with a Vietnamese message.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from course.errors import CourseError

SAMPLE_RATE = 16000
SUPPORTED_EXTENSIONS = (".wav", ".mp3", ".m4a", ".mp4", ".aac", ".ogg", ".oga", ".opus", ".webm", ".flac")
MAX_SECONDS = 90 * 60  # a one-hour meeting fits; a 2-hour file gets a clear message (CLI: --max-minutes)
# Below either, the file is silent. Phone and browser recordings can be very quiet: a real Common
# Voice clip peaks at 0.00088 (-61 dBFS) and still holds speech, so only near-digital silence counts.
SILENCE_PEAK = 0.0005  # linear amplitude (~ -66 dBFS)
SILENCE_RMS = 0.00003

AudioInput = str | Path | bytes | np.ndarray


class AudioError(CourseError):
    """The audio cannot be used: empty, corrupt, unsupported, silent or too long."""


@dataclass(frozen=True)
class AudioInfo:
    """What a file is before we decode it."""

    name: str
    duration_s: float
    sample_rate: int
    channels: int
    codec: str


def _describe(source: AudioInput) -> str:
    if isinstance(source, str | Path):
        return Path(source).name
    return "bản ghi âm"


def _check_path(path: Path) -> None:
    if not path.exists():
        raise AudioError(f"Không tìm thấy tệp «{path.name}».", hint="Kiểm tra lại tên và thư mục của tệp.")
    if path.is_dir():
        raise AudioError(f"«{path.name}» là một thư mục, không phải tệp âm thanh.")
    if path.stat().st_size == 0:
        raise AudioError(f"Tệp «{path.name}» trống (0 byte).", hint="Hãy ghi âm hoặc chọn lại tệp.")
    if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        raise AudioError(
            f"Chưa hỗ trợ định dạng «{path.suffix or '(không có đuôi)'}».",
            hint="Hãy dùng tệp wav, mp3, m4a, ogg, webm hoặc flac.",
        )


def _open(source: str | Path | bytes):  # noqa: ANN202 - returns av.container.InputContainer
    import av

    if isinstance(source, bytes):
        if not source:
            raise AudioError("Bản ghi âm trống.", hint="Hãy bấm ghi âm, nói vài câu rồi bấm dừng.")
        target: object = io.BytesIO(source)
    else:
        path = Path(source)
        _check_path(path)
        target = str(path)
    try:
        container = av.open(target, mode="r", metadata_errors="ignore")
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise AudioError(
            f"Không đọc được «{_describe(source)}»: tệp hỏng hoặc không phải âm thanh.",
            hint="Hãy thử ghi âm lại hoặc xuất tệp sang wav/mp3.",
        ) from exc
    if not container.streams.audio:
        container.close()
        raise AudioError(f"«{_describe(source)}» không có kênh âm thanh nào.",
                         hint="Hãy chọn tệp ghi âm (wav, mp3, m4a, ogg, webm).")
    return container


def probe(source: str | Path | bytes) -> AudioInfo:
    """Duration and format without decoding the whole file (estimated when the header lacks it)."""
    container = _open(source)
    try:
        stream = container.streams.audio[0]
        duration = 0.0
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        return AudioInfo(_describe(source), duration, stream.rate or 0, stream.channels or 0,
                         stream.codec_context.name if stream.codec_context else "?")
    finally:
        container.close()


def _decode_frames(source: str | Path | bytes, block_s: float = 1.0) -> Iterator[np.ndarray]:
    """Yield 16 kHz mono float32 blocks of about `block_s` seconds, decoded lazily."""
    import av

    container = _open(source)
    resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    pending: list[np.ndarray] = []
    pending_len = 0
    block = int(block_s * SAMPLE_RATE)
    try:
        stream = container.streams.audio[0]
        try:
            for frame in container.decode(stream):
                frame.pts = None
                for out in resampler.resample(frame):
                    pcm = out.to_ndarray().reshape(-1).astype(np.float32) / 32768.0
                    pending.append(pcm)
                    pending_len += pcm.size
                    if pending_len >= block:
                        yield np.concatenate(pending)
                        pending, pending_len = [], 0
            for out in resampler.resample(None):
                pending.append(out.to_ndarray().reshape(-1).astype(np.float32) / 32768.0)
        except av.error.FFmpegError as exc:
            raise AudioError(
                f"«{_describe(source)}» bị hỏng giữa chừng, không giải mã được.",
                hint="Hãy ghi âm lại hoặc xuất tệp sang wav/mp3.",
            ) from exc
        if pending:
            yield np.concatenate(pending)
    finally:
        container.close()


def load_audio(source: AudioInput, max_seconds: float = MAX_SECONDS) -> np.ndarray:
    """The whole recording as 16 kHz mono float32 (for short clips; long ones use `iter_chunks`)."""
    if isinstance(source, np.ndarray):
        audio = np.asarray(source, dtype=np.float32).reshape(-1)
    else:
        blocks = []
        total = 0
        for blk in _decode_frames(source):
            blocks.append(blk)
            total += blk.size
            if total > max_seconds * SAMPLE_RATE:
                raise too_long(total / SAMPLE_RATE, max_seconds)
        audio = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)
    check_not_empty(audio, _describe(source) if not isinstance(source, np.ndarray) else "bản ghi âm")
    return audio


def too_long(seconds: float, limit: float, exact: bool = False) -> AudioError:
    """The over-limit message; `exact` when `seconds` is the whole file's length (not where reading stopped)."""
    told = f"Bản ghi dài {seconds / 60:.0f} phút, quá giới hạn" if exact else "Bản ghi dài hơn giới hạn"
    return AudioError(
        f"{told} {limit / 60:.0f} phút.",
        hint=f"Hãy cắt thành các tệp dưới {limit / 60:.0f} phút rồi chép lời từng phần "
             "(hoặc dùng lệnh: khoahoc transcribe TỆP --max-minutes 180).",
    )


def check_not_empty(audio: np.ndarray, name: str = "bản ghi âm") -> None:
    if audio.size < SAMPLE_RATE // 10:
        raise AudioError(f"«{name}» quá ngắn (dưới 0,1 giây) hoặc không có âm thanh.",
                         hint="Hãy ghi âm ít nhất vài giây.")


def is_silent(audio: np.ndarray) -> bool:
    """True when nothing in the clip is louder than a faint background hiss."""
    if audio.size == 0:
        return True
    return float(np.max(np.abs(audio))) < SILENCE_PEAK or float(np.sqrt(np.mean(audio**2))) < SILENCE_RMS



def silent_error(name: str = "bản ghi âm") -> AudioError:
    return AudioError(
        f"«{name}» gần như im lặng: không nghe thấy tiếng nói.",
        hint="Kiểm tra micro (đã bật, không bị tắt tiếng) rồi ghi âm lại, nói gần micro hơn.",
    )


def _cut_point(audio: np.ndarray, target: int, search: int) -> int:
    """Index near `target` (within the last `search` samples before it) where the audio is quietest."""
    lo = max(0, target - search)
    window = SAMPLE_RATE // 10
    region = audio[lo:target]
    if region.size <= window:
        return target
    power = np.concatenate([[0.0], np.cumsum(region.astype(np.float64) ** 2)])
    energy = power[window:] - power[:-window]  # moving sum of power over 100 ms windows
    return lo + int(np.argmin(energy)) + window // 2


def iter_chunks(
    source: AudioInput, chunk_s: float = 30.0, search_s: float = 5.0, max_seconds: float = MAX_SECONDS
) -> Iterator[tuple[float, np.ndarray]]:
    """Yield (start seconds, 16 kHz float32 chunk) with memory bounded by about one chunk.

    Each chunk ends at the quietest point in its last `search_s` seconds, so words are rarely cut.
    """
    if isinstance(source, np.ndarray):
        blocks: Iterator[np.ndarray] = iter([np.asarray(source, dtype=np.float32).reshape(-1)])
    else:
        blocks = _decode_frames(source, block_s=10.0)
    size = int(chunk_s * SAMPLE_RATE)
    search = int(search_s * SAMPLE_RATE)
    pending: list[np.ndarray] = []  # blocks not yet joined: no quadratic copying
    pending_len = 0
    offset = 0
    seen = 0
    for blk in blocks:
        seen += blk.size
        if seen > max_seconds * SAMPLE_RATE:
            raise too_long(seen / SAMPLE_RATE, max_seconds)
        pending.append(blk)
        pending_len += blk.size
        if pending_len < size + search:
            continue
        buf = np.concatenate(pending)
        while buf.size >= size + search:
            cut = _cut_point(buf, size, search)
            yield offset / SAMPLE_RATE, buf[:cut].copy()
            offset += cut
            buf = buf[cut:]
        pending, pending_len = [buf], buf.size
    if seen == 0:
        check_not_empty(np.zeros(0, dtype=np.float32), _describe(source) if not isinstance(source, np.ndarray)
                        else "bản ghi âm")
    buf = np.concatenate(pending) if pending else np.zeros(0, dtype=np.float32)
    while buf.size > size + search:
        cut = _cut_point(buf, size, search)
        yield offset / SAMPLE_RATE, buf[:cut].copy()
        offset += cut
        buf = buf[cut:]
    if buf.size:
        yield offset / SAMPLE_RATE, buf


def to_flac_bytes(audio: np.ndarray) -> bytes:
    """16 kHz mono FLAC in memory: lossless and about half the size of WAV."""
    import soundfile as sf

    out = io.BytesIO()
    sf.write(out, np.clip(audio, -1.0, 1.0), SAMPLE_RATE, format="FLAC", subtype="PCM_16")
    return out.getvalue()
