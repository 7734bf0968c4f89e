"""Cloud transcribers over the real SDKs against real HTTP servers on 127.0.0.1.

Gemini goes through tests.wire_server (generateContent with an inline audio part). OpenAI's
/v1/audio/transcriptions is multipart, which wire_server does not speak, so a small server here
parses the real multipart body the openai SDK sends. Both servers are network doubles: they answer
a scripted text, and the tests check what the SDKs really sent (model, language, hint, decodable audio).
"""

from __future__ import annotations

import base64
import io
import json
import threading
from email.parser import BytesParser
from email.policy import default as email_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import soundfile as sf

from course.config import load_settings
from course.errors import CourseError
from course.speech.transcribe import DOMAIN_HINT, GeminiTranscriber, OpenAITranscriber, transcribe
from tests.wire_server import wire_server

AUDIO = Path(__file__).resolve().parent.parent / "module3_speech_to_text" / "audio"
CLIP = AUDIO / "tiep_cong_dan.wav"
SAID = "Ủy ban nhân dân phường thông báo lịch tiếp công dân vào sáng thứ hai hằng tuần."


def settings_for(tmp_path: Path, **env: str):  # noqa: ANN201
    return load_settings({**env}, dotenv_path=tmp_path / "none.env")


def test_gemini_sends_inline_audio_and_hint(tmp_path):
    with wire_server(log_dir=tmp_path) as srv:
        srv.reply = SAID
        s = settings_for(tmp_path, GEMINI_API_KEY="test-gemini-key-123456", GOOGLE_GEMINI_BASE_URL=srv.gemini_url)
        result = transcribe(CLIP, transcriber=GeminiTranscriber(s), progress=False)
        assert result.text == SAID and result.provider == "gemini"
        body = srv.requests[-1].json
        parts = body["contents"][0]["parts"]
        assert any(DOMAIN_HINT in p.get("text", "") for p in parts)
        inline = next(p.get("inlineData") or p["inline_data"] for p in parts if {"inlineData", "inline_data"} & set(p))
        assert (inline.get("mimeType") or inline.get("mime_type")) == "audio/flac"
        data = inline["data"]
        sent = sf.read(io.BytesIO(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))))[0]
        assert len(sent) / 16000 == pytest.approx(sf.info(str(CLIP)).duration, abs=0.05)

        srv.reply = "Hãy subscribe cho kênh để không bỏ lỡ những video hấp dẫn"
        guarded = transcribe(CLIP, transcriber=GeminiTranscriber(s), progress=False)
        assert guarded.text == "" and guarded.dropped

        srv.fail(401)
        with pytest.raises(CourseError) as err:
            transcribe(CLIP, transcriber=GeminiTranscriber(s), progress=False)
        assert "Gemini" in str(err.value) and "test-gemini-key-123456" not in str(err.value)


class _Transcriptions(BaseHTTPRequestHandler):
    received: list[dict] = []

    def log_message(self, *args) -> None:  # noqa: ANN002
        return

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        msg = BytesParser(policy=email_policy).parsebytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + body)
        fields = {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            fields[name] = part.get_payload(decode=True)
        self.received.append({"path": self.path, "auth": self.headers.get("Authorization", ""), **fields})
        seconds = len(sf.read(io.BytesIO(fields["file"]))[0]) / 16000
        if fields.get("response_format") == b"verbose_json":
            payload = {"text": SAID, "language": "vietnamese", "duration": seconds,
                       "segments": [{"id": 0, "start": 0.0, "end": seconds / 2, "text": SAID[:40]},
                                    {"id": 1, "start": seconds / 2, "end": seconds, "text": SAID[40:]}]}
        else:
            payload = {"text": SAID}
        raw = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


@pytest.fixture
def openai_server():  # noqa: ANN201
    _Transcriptions.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Transcriptions)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("model", ["gpt-4o-mini-transcribe", "whisper-1"])
def test_openai_multipart_upload(tmp_path, openai_server, model):
    s = settings_for(tmp_path, OPENAI_API_KEY="sk" + "-test-000000000000000000000000", OPENAI_BASE_URL=openai_server)
    result = transcribe(CLIP, transcriber=OpenAITranscriber(s, model), progress=False, hint=DOMAIN_HINT)
    got = _Transcriptions.received[-1]
    assert got["path"] == "/v1/audio/transcriptions"
    assert got["model"].decode() == model and got["language"] == b"vi"
    assert got["prompt"].decode() == DOMAIN_HINT
    assert got["file"][:4] == b"fLaC"
    assert result.text.replace(" ", "") == SAID.replace(" ", "")
    if model == "whisper-1":
        assert len(result.segments) == 2 and result.segments[1].start > 0
    else:
        assert len(result.segments) == 1


def test_openai_rejects_non_transcription_model(tmp_path):
    s = settings_for(tmp_path, OPENAI_API_KEY="sk" + "-test-000000000000000000000000")
    with pytest.raises(CourseError, match="không dùng để chép lời"):
        OpenAITranscriber(s, "gpt-4o-mini")
