"""Speech on other CPUs: the same clips decoded with CTranslate2 and MKL forced onto other kernel paths.

CTranslate2 picks int8 kernels by instruction set and MKL picks its GEMM code by CPU vendor and
features, so a learner's laptop can decode the same audio differently (an AMD EPYC with AVX2 looped on
the assignment clip and returned ""). `CT2_FORCE_CPU_ISA` and `MKL_ENABLE_INSTRUCTIONS` reproduce other
hosts here. Each path runs in its own process (both are read once, when the libraries load); the bounds
hold on every path measured (CER 0.35-0.61 on the assignment clip, 0.36-0.50 at 8 kHz).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

AUDIO = REPO / "module3_speech_to_text" / "audio"
ASSIGNMENT = REPO / "module3_speech_to_text" / "bai_tap" / "ghi_am_bai_tap.wav"
SPOKEN = "Sáng thứ sáu tuần này, tổ dân phố số hai tổ chức tổng vệ sinh đường làng ngõ xóm."


def _cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    line = next((ln for ln in text.splitlines() if ln.startswith("flags")), "")
    return set(line.split(":", 1)[-1].split())


PATHS = {
    "AVX2": {"CT2_FORCE_CPU_ISA": "AVX2", "MKL_ENABLE_INSTRUCTIONS": "AVX2"},
    "GENERIC": {"CT2_FORCE_CPU_ISA": "GENERIC", "MKL_ENABLE_INSTRUCTIONS": "SSE4_2"},
    "AVX512": {"CT2_FORCE_CPU_ISA": "AVX512"},
}

CHILD = r"""
import json, sys
import numpy as np, soundfile as sf
from course.speech import evaluate
from course.speech.audio import SAMPLE_RATE, load_audio
from course.speech.transcribe import DOMAIN_HINT, echoes_hint, transcribe
assignment, tiep, spoken, tmp = sys.argv[1:5]
audio = load_audio(tiep)
t_src = np.arange(audio.size) / SAMPLE_RATE
t_dst = np.arange(int(audio.size * 8000 / SAMPLE_RATE)) / 8000
sf.write(tmp, np.interp(t_dst, t_src, audio).astype(np.float32), 8000)
out = {}
for name, path, ref in (("assignment", assignment, spoken), ("rate_8k", tmp, open(tiep[:-4] + ".txt").read())):
    tr = transcribe(path, progress=False)
    out[name] = {"text": tr.text, "cer": evaluate.cer(ref, tr.text), "echo": echoes_hint(tr.text, DOMAIN_HINT),
                 "words": sum(len(s.words) for s in tr.segments)}
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(PATHS))
def test_transcripts_hold_on_other_cpu_kernels(path, tmp_path):
    if path == "AVX512" and "avx512f" not in _cpu_flags():
        pytest.skip("this CPU has no AVX-512")
    env = {**os.environ, **PATHS[path], "COURSE_ASR_WORKERS": "1"}
    run = subprocess.run([sys.executable, "-c", CHILD, str(ASSIGNMENT), str(AUDIO / "tiep_cong_dan.wav"), SPOKEN,
                          str(tmp_path / "odd_8000.wav")], capture_output=True, text=True, env=env, timeout=600,
                         cwd=REPO)
    assert run.returncode == 0, run.stderr[-2000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    for name, bound in (("assignment", 0.75), ("rate_8k", 0.6)):
        r = got[name]
        assert r["text"].strip() and r["words"] > 0, (path, name, r)
        assert "không nghe rõ" not in r["text"] and not r["echo"], (path, name, r)
        assert r["cer"] <= bound, (path, name, r)
