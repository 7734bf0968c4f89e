"""ASR benchmark: course.speech vs raw faster-whisper, same model, same files, one run.

    .venv/bin/python benchmarks/asr.py                 # module clips + a 5-minute synthetic meeting
    .venv/bin/python benchmarks/asr.py --long-minutes 60   # the one-hour target (takes ~15-20 min)

Prints real-time factor (processing seconds / audio seconds, lower is faster) and corpus WER/CER
(both scored with course.speech.evaluate's Vietnamese normalisation), and for the long file the
wall time and peak RSS of each engine measured in its own child process.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AUDIO = REPO / "module3_speech_to_text" / "audio"
sys.path.insert(0, str(REPO))

RAW_OPTIONS = {"language": "vi", "beam_size": 5, "vad_filter": True}  # the issue's raw baseline


def clips() -> list[Path]:
    return sorted(p for p in AUDIO.iterdir() if p.suffix in {".wav", ".ogg"} and p.with_suffix(".txt").read_text().strip())


def raw_transcribe(model, path: Path) -> str:  # noqa: ANN001
    from faster_whisper import decode_audio

    segments, _ = model.transcribe(decode_audio(str(path)), **RAW_OPTIONS)
    return " ".join(s.text.strip() for s in segments)


def corpus_scores(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    import jiwer

    from course.speech.evaluate import normalize_vi

    refs = [normalize_vi(r) for r, _ in pairs]
    hyps = [normalize_vi(h) for _, h in pairs]
    return jiwer.wer(refs, hyps), jiwer.cer(refs, hyps)


def short_clips() -> dict:
    import soundfile as sf
    from faster_whisper import WhisperModel

    from course.local_models import prepare_whisper
    from course.speech.transcribe import LocalTranscriber, transcribe

    files = clips()
    audio_s = sum(sf.info(str(p)).duration for p in files)
    raw_model = WhisperModel(str(prepare_whisper()), device="cpu", compute_type="int8")
    ours = LocalTranscriber()
    out = {}
    for engine in ("raw", "course"):
        pairs, start = [], time.perf_counter()
        for p in files:
            text = raw_transcribe(raw_model, p) if engine == "raw" else \
                transcribe(p, transcriber=ours, progress=False).text
            pairs.append(((p.with_suffix(".txt")).read_text(encoding="utf-8"), text))
        elapsed = time.perf_counter() - start
        wer, cer = corpus_scores(pairs)
        out[engine] = {"rtf": elapsed / audio_s, "wer": wer, "cer": cer, "seconds": elapsed}
    out["audio_seconds"] = audio_s
    out["files"] = len(files)
    return out


def make_long_file(minutes: float, path: Path) -> float:
    """A long meeting: the module's clips again and again with pauses, written block by block."""
    import numpy as np
    import soundfile as sf

    from course.speech.audio import SAMPLE_RATE, load_audio

    pieces = [load_audio(p) for p in clips()]
    pause = np.zeros(SAMPLE_RATE, dtype=np.float32)
    target = int(minutes * 60 * SAMPLE_RATE)
    written = 0
    with sf.SoundFile(str(path), "w", samplerate=SAMPLE_RATE, channels=1, subtype="PCM_16") as fh:
        i = 0
        while written < target:
            block = np.concatenate([pieces[i % len(pieces)], pause])[: target - written]
            fh.write(block)
            written += block.size
            i += 1
    return written / SAMPLE_RATE


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM (not ru_maxrss, which Linux carries over from the parent at fork)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_long(engine: str, path: str) -> None:
    """Run in a child process: transcribe the long file with one engine, print JSON with peak RSS."""
    start = time.perf_counter()
    if engine == "raw":
        from faster_whisper import WhisperModel

        from course.local_models import prepare_whisper

        model = WhisperModel(str(prepare_whisper()), device="cpu", compute_type="int8")
        words = len(raw_transcribe(model, Path(path)).split())
    else:
        from course.speech.transcribe import transcribe

        words = len(transcribe(path, progress=False).text.split())
    peak_mb = peak_rss_mb()
    print(json.dumps({"seconds": time.perf_counter() - start, "peak_rss_mb": peak_mb, "words": words}))


def long_file(minutes: float, engines: tuple[str, ...] = ("raw", "course")) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hop_dai.wav"
        audio_s = make_long_file(minutes, path)
        out = {"audio_seconds": audio_s}
        for engine in engines:
            proc = subprocess.run([sys.executable, __file__, "--child", engine, str(path)], capture_output=True,
                                  text=True, check=True)
            out[engine] = json.loads(proc.stdout.strip().splitlines()[-1])
            out[engine]["rtf"] = out[engine]["seconds"] / audio_s
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long-minutes", type=float, default=5.0)
    parser.add_argument("--skip-long", action="store_true")
    parser.add_argument("--skip-short", action="store_true")
    parser.add_argument("--long-engines", default="raw,course",
                        help="engines for the long file, e.g. 'course' alone to check memory on an hour")
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_long(*args.child)
        return
    if not args.skip_short:
        short = short_clips()
        raw, ours = short["raw"], short["course"]
        print(f"Short clips: {short['files']} files, {short['audio_seconds']:.1f} s of audio")
        print(f"  raw faster-whisper : RTF {raw['rtf']:.3f}  WER {raw['wer']:.3f}  CER {raw['cer']:.3f}")
        print(f"  course.speech      : RTF {ours['rtf']:.3f}  WER {ours['wer']:.3f}  CER {ours['cer']:.3f}")
        print(f"  ratio course/raw   : RTF x{ours['rtf'] / raw['rtf']:.2f}  WER x{ours['wer'] / raw['wer']:.2f}  "
              f"CER x{ours['cer'] / raw['cer']:.2f}")
    if not args.skip_long:
        engines = tuple(e for e in args.long_engines.split(",") if e in ("raw", "course"))
        long = long_file(args.long_minutes, engines)
        print(f"Long file: {long['audio_seconds'] / 60:.1f} min synthetic meeting")
        for engine in engines:
            r = long[engine]
            print(f"  {engine:<19}: {r['seconds']:.0f} s (RTF {r['rtf']:.3f}), peak RSS {r['peak_rss_mb']:.0f} MB, "
                  f"{r['words']} words")
        if len(engines) == 2:
            print(f"  ratio course/raw   : time x{long['course']['seconds'] / long['raw']['seconds']:.2f}  "
                  f"peak RSS x{long['course']['peak_rss_mb'] / long['raw']['peak_rss_mb']:.2f}")


if __name__ == "__main__":
    main()
