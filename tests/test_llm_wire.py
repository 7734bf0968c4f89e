"""course.llm against a real HTTP server on 127.0.0.1 speaking the OpenAI and Gemini wire formats.

The real `openai` and `google-genai` SDKs are pointed at the server by base URL; nothing is patched.
A canary key is set for the whole module and must never appear in any file the tests write.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from course.llm import ask, compare, read_usage
from tests.conftest import REPO
from tests.wire_server import wire_server

# Built at run time so the source itself never looks like it holds a key (see test_lint).
CANARY_OPENAI = "sk-" + "canary-7f3a9c2e5b1d4869a0c7"
CANARY_GEMINI = "AIza" + "-canary-0d9e8f7a6b5c4d3e2f1a"
PII = {"cccd": "001203004567", "phone": "0912 345 678", "email": "nguyen.van.an@gmail.com"}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("llm-wire")


@pytest.fixture(scope="module")
def server(workdir: Path):
    with wire_server(log_dir=workdir) as srv:
        yield srv


@pytest.fixture
def srv(server, workdir: Path, monkeypatch: pytest.MonkeyPatch):
    server.reset()
    for name in ("COURSE_LLM_PROVIDER", "NBGRADER_EXECUTION", "GOOGLE_API_KEY", "COMPATIBLE_MODEL",
                 "COURSE_REPLAY", "COURSE_PII_POLICY", "COURSE_COMPATIBLE_IS_CLOUD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", CANARY_OPENAI)
    monkeypatch.setenv("GEMINI_API_KEY", CANARY_GEMINI)
    monkeypatch.setenv("OPENAI_BASE_URL", server.openai_url)
    monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", server.gemini_url)
    monkeypatch.setenv("COURSE_CACHE_DIR", str(workdir / "cache"))
    monkeypatch.setenv("COURSE_DOTENV", str(workdir / "no.env"))
    monkeypatch.setenv("COURSE_LEARNER", "hoc_vien_01")
    monkeypatch.setenv("COURSE_LLM_TIMEOUT", "1")
    monkeypatch.setenv("COURSE_LLM_RETRIES", "2")
    return server


CLOUD = ["openai", "gemini"]


@pytest.mark.parametrize("provider", CLOUD)
def test_plain_answer(srv, provider: str) -> None:
    ans = ask("Xin chào", provider=provider, use_cache=False)
    assert ans.ok, ans.error
    assert ans.text == "Máy chủ thử đã nhận: Xin chào"
    assert ans.provider == provider and ans.model
    assert ans.tokens_in == 2 and ans.tokens_out == 7  # the server counts words
    assert ans.cost_usd and ans.cost_usd > 0
    assert len(srv.requests) == 1


def test_gemini_request_shape(srv) -> None:
    ans = ask("Câu hỏi", system="Bạn là cán bộ phường.", provider="gemini", use_cache=False)
    assert ans.ok, ans.error
    req = srv.requests[-1]
    assert req.path.startswith("/v1beta/models/gemini-2.5-flash:generateContent")
    assert req.json["systemInstruction"]["parts"][0]["text"] == "Bạn là cán bộ phường."
    assert req.headers["x-goog-api-key"] == CANARY_GEMINI
    assert "key=" not in req.path  # the key travels in a header, never in the URL (server logs)


@pytest.mark.parametrize("provider", CLOUD + ["compatible"])
def test_streaming(srv, provider: str) -> None:
    srv.reply = "Một hai ba bốn năm sáu"
    pieces: list[str] = []
    ans = ask("Đếm", provider=provider, on_token=pieces.append, use_cache=False)
    assert ans.ok, ans.error
    assert len(pieces) >= 6 and "".join(pieces) == ans.text == "Một hai ba bốn năm sáu"
    assert ans.tokens_out == 6
    body = srv.requests[-1]
    assert body.json.get("stream") is True or "streamGenerateContent" in body.path


@pytest.mark.parametrize("provider", CLOUD)
def test_429_then_success(srv, provider: str) -> None:
    srv.fail(429, retry_after=0)
    ans = ask("Thử lại nhé", provider=provider, use_cache=False)
    assert ans.ok, ans.error
    assert len(srv.requests) == 2


@pytest.mark.parametrize("provider", CLOUD)
def test_500s_exhausted(srv, provider: str) -> None:
    srv.fail(500, times=10)
    ans = ask("Máy chủ hỏng", provider=provider, use_cache=False)
    assert not ans.ok and ans.text == ""
    assert "lỗi 500" in ans.error
    assert len(srv.requests) == 3  # one call + two bounded retries


def test_timeout(srv) -> None:
    srv.delay(2.5, times=5)
    ans = ask("Chậm quá", provider="openai", use_cache=False)
    assert not ans.ok
    assert "không trả lời kịp" in ans.error
    assert len(srv.requests) == 3


@pytest.mark.parametrize("provider", CLOUD)
def test_bad_key_not_retried(srv, provider: str) -> None:
    srv.fail(401, times=5)
    ans = ask("Khoá sai", provider=provider, use_cache=False)
    assert not ans.ok
    assert "Khoá API" in ans.error and ("OPENAI_API_KEY" in ans.error or "GEMINI_API_KEY" in ans.error)
    assert len(srv.requests) == 1


def test_model_with_fixed_temperature(srv) -> None:
    srv.fail(400, message="Unsupported value: 'temperature' does not support 0.7 with this model.")
    ans = ask("Xin chào", provider="openai", model="gpt-5-mini", use_cache=False)
    assert ans.ok, ans.error
    assert "temperature" in srv.requests[0].json and "temperature" not in srv.requests[1].json
    assert ask("   ", provider="openai").error.startswith("Câu hỏi đang để trống")


def test_gemini_bad_key_as_400(srv) -> None:
    srv.fail(400, times=5, message="API key not valid. Please pass a valid API key.")
    ans = ask("Khoá sai", provider="gemini", use_cache=False)
    assert not ans.ok and "GEMINI_API_KEY" in ans.error
    assert len(srv.requests) == 1


@pytest.mark.parametrize("provider", CLOUD)
def test_insufficient_quota_not_retried(srv, provider: str) -> None:
    srv.fail(429, times=5, code="insufficient_quota")
    ans = ask("Hết tiền", provider=provider, use_cache=False)
    assert not ans.ok
    assert "hết hạn mức" in ans.error
    assert len(srv.requests) == 1


def test_server_never_sees_pii(srv) -> None:
    prompt = f"Ông An, CCCD {PII['cccd']}, điện thoại {PII['phone']}, email {PII['email']} hỏi về thủ tục."
    system = "Cán bộ phụ trách: chị Lan, số máy 0987.654.321."
    for provider in CLOUD:
        ans = ask(prompt, system=system, provider=provider, use_cache=False)
        assert ans.ok, ans.error
        assert PII["cccd"] in ans.text and PII["phone"] in ans.text  # restored for display
        assert sorted(r["kind"] for r in ans.redactions) == ["CCCD", "EMAIL", "NAME", "NAME", "PHONE", "PHONE"]
        assert any(n.startswith("Đã che 6 thông tin cá nhân") for n in ans.notices)
    raw = json.dumps([r.body for r in srv.requests], ensure_ascii=False) + srv.log_path.read_text("utf-8")
    for value in [*PII.values(), "0987.654.321", CANARY_OPENAI, CANARY_GEMINI]:
        assert value not in raw  # neither personal data nor a key in any body or in the server log
    assert "[CCCD_1]" in srv.requests[0].body and "[SDT_2]" in srv.requests[0].body
    assert "[HO_TEN_1]" in srv.requests[0].body and "[HO_TEN_2]" in srv.requests[0].body


def test_pii_block_and_allow(srv) -> None:
    ans = ask(f"CCCD của tôi là {PII['cccd']}", provider="openai", pii_policy="block", use_cache=False)
    assert not ans.ok and "chế độ chặn" in ans.error and "căn cước" in ans.error
    assert srv.requests == []
    ans = ask(f"CCCD của tôi là {PII['cccd']}", provider="openai", pii_policy="allow", use_cache=False)
    assert ans.ok and PII["cccd"] in srv.requests[-1].body


def test_localhost_compatible_server_not_redacted(srv, monkeypatch: pytest.MonkeyPatch) -> None:
    ans = ask(f"Gọi {PII['phone']}", provider="compatible", use_cache=False)
    assert ans.ok and ans.model == "model-thu-1" and ans.cost_usd == 0
    assert PII["phone"] in srv.requests[-1].body
    assert ans.redactions == []
    # A gateway on loopback that forwards to the cloud (LiteLLM) is declared as cloud: guarded again.
    monkeypatch.setenv("COURSE_COMPATIBLE_IS_CLOUD", "1")
    ans = ask(f"Gọi {PII['phone']}", provider="compatible", use_cache=False)
    assert ans.ok and ans.redactions and PII["phone"] not in srv.requests[-1].body
    assert ans.text.endswith(PII["phone"])


def test_replay_when_server_fails(srv, monkeypatch: pytest.MonkeyPatch) -> None:
    first = ask("Câu hỏi diễn tập", provider="openai", temperature=0)
    assert first.ok and not first.replayed
    srv.fail(503, times=10)
    again = ask("Câu hỏi diễn tập", provider="openai", temperature=0)
    assert again.ok and again.replayed and again.text == first.text
    assert "BẢN GHI LẠI" in again.label and any("BẢN GHI LẠI" in n for n in again.notices)
    assert any(" tháng " in n and " năm " in n for n in again.notices)  # Vietnamese date of the recording
    srv.reset()
    monkeypatch.setenv("COURSE_REPLAY", "prefer")
    third = ask("Câu hỏi diễn tập", provider="openai", temperature=0)
    assert third.replayed and srv.requests == []
    other = ask("Câu hỏi diễn tập", provider="openai", temperature=0.5)  # other parameters: no recording
    assert not other.replayed and len(srv.requests) == 1


def test_auto_falls_back_to_local(srv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_LLM_PROVIDER", "auto")
    monkeypatch.delenv("OPENAI_BASE_URL")
    monkeypatch.setenv("OPENAI_BASE_URL", "")
    srv.fail(401, times=5)
    # With only a Gemini key + base URL, auto picks gemini; the 401 sends it to the local model.
    monkeypatch.delenv("OPENAI_API_KEY")
    ans = ask("Thủ đô của Việt Nam là", max_tokens=2, temperature=0, use_cache=False)
    assert ans.ok, ans.error
    assert ans.provider == "local" and ans.fallback_from == "gemini"
    assert ans.text
    assert "Khoá API" in ans.notices[0] and "mô hình nhỏ chạy trên máy" in ans.notices[0]
    assert "dùng thay cho" in ans.label


def test_no_key_and_grading(srv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("OPENAI_BASE_URL")
    ans = ask("Xin chào", provider="openai")
    assert not ans.ok and "OPENAI_API_KEY" in ans.error
    ans = ask("Xin chào", provider="compatible")
    assert not ans.ok and "OPENAI_BASE_URL" in ans.error
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    for provider in (None, "local", "gemini"):
        ans = ask("Xin chào", provider=provider)
        assert not ans.ok and "chấm bài" in ans.error
    assert srv.requests == []


def test_compare_and_usage_log(srv, workdir: Path) -> None:
    answers = compare("So sánh", providers=["openai", "gemini", "compatible"], use_cache=False)
    assert [a.provider for a in answers] == ["openai", "gemini", "compatible"]
    assert all(a.ok for a in answers)
    usage = read_usage(workdir / "cache" / "usage")
    assert {"openai", "gemini", "compatible"} <= set(usage["provider"])
    assert set(usage["learner"]) == {"hoc_vien_01"}
    assert usage["tokens_out"].sum() > 0


def test_cli_usage(srv, workdir: Path, tmp_path: Path) -> None:
    from course.llm.cli import run_usage

    srv.fail(401)
    assert not ask("Khoá sai", provider="openai", use_cache=False).ok
    assert ask("Xin chào", provider="gemini", use_cache=False).ok

    class Args:
        paths = [str(workdir / "cache" / "usage")]
        csv = str(tmp_path / "usage.csv")

    assert run_usage(Args()) == 0
    table = pd.read_csv(tmp_path / "usage.csv")
    assert set(table["learner"]) == {"hoc_vien_01"} and table["calls"].sum() >= 2  # this test's own two calls
    assert {"openai", "gemini"} <= set(table["provider"]) and table["failed"].sum() > 0


def test_cli_chat(srv, workdir: Path) -> None:
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "course", "chat", "--provider", "openai", f"Gọi {PII['phone']} giúp tôi"]
    out = subprocess.run(cmd + ["--json"], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["text"] == f"Máy chủ thử đã nhận: Gọi {PII['phone']} giúp tôi"
    assert data["provider"] == "openai" and data["redactions"][0]["kind"] == "PHONE"
    out = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("Đã che 1 thông tin cá nhân")
    assert lines[-1].startswith("ChatGPT (OpenAI)") and "token" in lines[-1] and "giây" in lines[-1]
    srv.fail(401)
    out = subprocess.run(cmd + ["--no-stream", "--no-cache"], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "Khoá API" in out.stderr and "Traceback" not in out.stderr
    assert CANARY_OPENAI not in out.stdout + out.stderr
    assert len(srv.requests) == 3 and all(PII["phone"] not in r.body for r in srv.requests)


def test_canary_never_written(srv, workdir: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Runs last: no file any test above wrote (cache, usage log, server log) holds a key."""
    written = [p for p in workdir.rglob("*") if p.is_file()]
    assert any("usage" in p.parts for p in written) and any("llm_responses" in p.parts for p in written)
    for path in written:
        data = path.read_bytes()
        assert CANARY_OPENAI.encode() not in data and CANARY_GEMINI.encode() not in data, path
    out, err = capfd.readouterr()
    assert CANARY_OPENAI not in out + err and CANARY_GEMINI not in out + err


def _spoken(value: str) -> list[str]:
    """Forms a value could take on the wire: as written, and its digits alone (for grouped numbers)."""
    digits = "".join(ch for ch in value if ch.isdigit())
    return [value] + ([digits] if len(digits) >= 6 else [])


@pytest.mark.parametrize("part", ["U", "X", "Z"])
def test_untouched_ward_slice_never_reaches_the_server(srv, part: str) -> None:
    """Issue 24: every personal item of the once-untouched slices (U, X, Z) is replaced before the request leaves."""
    import re

    from course.privacy.evaluation import load_ward_cases

    leaks = []
    for case in load_ward_cases(part):
        if not case.gold:
            continue
        ans = ask(case.text, provider="openai", use_cache=False, sensitive_policy="generalise")
        assert ans.ok, ans.error
        sent = srv.requests[-1].json["messages"][-1]["content"]
        rest = case.text  # the sentence with its personal items cut out: words that may appear anyway
        for _, start, end in sorted(case.gold, reverse=True):
            rest = rest[:start] + " " + rest[end:]
        for kind, start, end in case.gold:
            value = case.text[start:end]
            for form in _spoken(value):
                pattern = rf"(?<!\w){re.escape(form)}(?!\w)"
                if len(re.findall(pattern, sent)) > len(re.findall(pattern, rest)):
                    leaks.append((kind, value, sent))
        for kind, start, end in case.gold:  # what the learner sees has the real values back
            if kind != "SENSITIVE":
                assert case.text[start:end] in ans.text, (case.text, ans.text)
    assert leaks == []
    # blocked by default: a sensitive case never reaches the server at all
    before = len(srv.requests)
    ans = ask("Ông Lê Văn Tám đang điều trị lao phổi, nhờ viết đơn.", provider="openai", use_cache=False)
    assert not ans.ok and "91/2025/QH15" in ans.error and len(srv.requests) == before
