"""Looking things up ("tra cứu thông tin") with a model that can search the web — or without.

With a Gemini key: Google Search grounding (`types.Tool(google_search=types.GoogleSearch())`);
with an OpenAI key: the Responses API's `web_search` tool. Both return the sources they used, which
the learner must open and check. Offline, the local model answers from what it memorised in
training only — the lesson shows why it cannot know recent facts and where to verify them.
The question passes the PII guard before it leaves the machine.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from typing import Any

OFFICIAL_PORTALS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Hệ thống văn bản Chính phủ", "https://vanban.chinhphu.vn"),
    ("Công báo Chính phủ", "https://congbao.chinhphu.vn"),
    ("Cổng thông tin điện tử Quốc hội", "https://quochoi.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]

CHECK_HABIT = [
    "Mở từng nguồn, đọc đúng đoạn có thông tin được trích.",
    "Ưu tiên nguồn chính thống (cổng thông tin của Chính phủ, Quốc hội, bộ, tỉnh); cẩn thận với báo, diễn đàn.",
    "Xem ngày đăng và văn bản còn hiệu lực hay đã bị thay thế.",
    "Với số hiệu văn bản, đối chiếu nguyên văn trên Công báo hoặc Hệ thống văn bản Chính phủ.",
]

OFFLINE_LESSON = (
    "Mô hình trên máy không tra cứu được Internet: nó chỉ «nhớ» những gì có trong dữ liệu huấn "
    "luyện, được thu thập trước khi phát hành. Vì vậy nó không thể biết các thay đổi mới — ví dụ việc tổ chức "
    "chính quyền địa phương hai cấp (tỉnh và xã), bỏ cấp huyện, từ ngày 01 tháng 7 năm 2025 theo Luật Tổ chức "
    "chính quyền địa phương năm 2025. Khi không có công cụ tìm kiếm, mô hình vẫn trả lời trơn tru nhưng có thể "
    "nói về «huyện», «quận» như chưa có gì thay đổi. Hãy kiểm tra mọi thông tin thời sự trên cổng thông tin chính "
    "thống."
)


@dataclass
class Source:
    """A web page the model used."""

    title: str
    url: str


@dataclass
class LookupResult:
    """A looked-up answer with its sources (empty when the model could not search)."""

    question: str
    text: str = ""
    provider: str = ""
    sources: list[Source] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    searched: bool = False
    error: str | None = None
    notices: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        parts = []
        if self.error:
            parts.append(f"<p style='color:#c0392b'><b>Lỗi:</b> {html.escape(self.error)}</p>")
        else:
            parts.append("<div style='padding:8px;background:#f4f6f7'>"
                         + html.escape(self.text.strip()).replace("\n", "<br>") + "</div>")
        if self.searched:
            if self.queries:
                parts.append("<p><b>Mô hình đã tìm:</b> " + html.escape("; ".join(self.queries)) + "</p>")
            links = "".join(f"<li><a href='{html.escape(s.url)}' target='_blank'>{html.escape(s.title or s.url)}</a></li>"
                            for s in self.sources) or "<li>Không có nguồn nào được trả về — đừng tin câu trả lời này.</li>"
            parts.append(f"<p><b>Nguồn mô hình dùng (hãy mở và kiểm tra):</b></p><ol>{links}</ol>")
        else:
            parts.append(f"<p style='color:#b9770e'>{html.escape(OFFLINE_LESSON)}</p>")
            portals = "".join(f"<li><a href='{u}' target='_blank'>{html.escape(n)}</a> — {u}</li>"
                              for n, u in OFFICIAL_PORTALS)
            parts.append(f"<p><b>Kiểm tra tại:</b></p><ul>{portals}</ul>")
        parts += [f"<p><small>{html.escape(n)}</small></p>" for n in self.notices]
        habit = "".join(f"<li>{html.escape(h)}</li>" for h in CHECK_HABIT)
        parts.append(f"<details><summary>Thói quen kiểm tra nguồn</summary><ul>{habit}</ul></details>")
        return "".join(parts)

    def __str__(self) -> str:
        if self.error:
            return f"Lỗi: {self.error}"
        lines = [self.text.strip()]
        lines += [f"[{i}] {s.title} — {s.url}" for i, s in enumerate(self.sources, 1)]
        if not self.searched:
            lines.append(OFFLINE_LESSON)
        return "\n".join(lines)


def _gemini_search(settings: Any, question: str, model: str | None) -> tuple[str, list[Source], list[str], str]:
    from google.genai import types

    from course.llm.providers import gemini_client

    client = gemini_client(settings)
    model = model or settings.gemini_model
    resp = client.models.generate_content(
        model=model, contents=question,
        config=types.GenerateContentConfig(tools=[types.Tool(google_search=types.GoogleSearch())]))
    sources: list[Source] = []
    queries: list[str] = []
    for cand in resp.candidates or []:
        meta = cand.grounding_metadata
        if meta is None:
            continue
        queries += list(meta.web_search_queries or [])
        for chunk in meta.grounding_chunks or []:
            if chunk.web is not None and chunk.web.uri:
                sources.append(Source(chunk.web.title or "", chunk.web.uri))
    return resp.text or "", sources, queries, model


def _openai_search(settings: Any, question: str, model: str | None) -> tuple[str, list[Source], list[str], str]:
    from course.llm.providers import openai_client

    client = openai_client(settings, "openai")
    model = model or settings.openai_model
    resp = client.responses.create(model=model, tools=[{"type": "web_search"}], input=question)
    sources: list[Source] = []
    queries: list[str] = []
    for item in resp.output or []:
        if getattr(item, "type", "") == "web_search_call":
            query = getattr(getattr(item, "action", None), "query", None)
            if query:
                queries.append(query)
        for content in getattr(item, "content", None) or []:
            for ann in getattr(content, "annotations", None) or []:
                if getattr(ann, "type", "") == "url_citation":
                    sources.append(Source(getattr(ann, "title", "") or "", ann.url))
    return resp.output_text or "", sources, queries, model


def _dedupe(sources: list[Source]) -> list[Source]:
    seen, out = set(), []
    for s in sources:
        if s.url not in seen:
            seen.add(s.url)
            out.append(s)
    return out


def look_up(question: str, provider: str | None = None, model: str | None = None,
            max_tokens: int = 80) -> LookupResult:
    """Answer `question` with web search when a cloud key exists; offline, answer and explain the limit.

    provider: None (Gemini if its key is set, else OpenAI, else local), "gemini", "openai" or "local".
    Never raises for provider trouble: the result's `error` is a Vietnamese message.
    """
    from course.config import load_settings
    from course.llm import ask
    from course.llm.providers import ProviderFailure, classify
    from course.privacy import redact, restore

    question = (question or "").strip()
    result = LookupResult(question)
    if not question:
        result.error = "Bạn chưa nhập câu hỏi."
        return result
    if os.environ.get("NBGRADER_EXECUTION"):
        result.error = "Đang chấm bài: không gọi mô hình."
        return result
    settings = load_settings()
    if provider is None:
        provider = "gemini" if settings.gemini_api_key else ("openai" if settings.openai_api_key else "local")
    result.provider = provider
    if provider in ("gemini", "openai"):
        key = settings.gemini_api_key if provider == "gemini" else settings.openai_api_key
        if not key:
            result.error = ("Chưa có khoá API cho " + ("Gemini" if provider == "gemini" else "ChatGPT")
                            + ": hãy đặt khoá trong tệp .env, hoặc dùng mô hình trên máy.")
            return result
        guarded = redact(question)
        if guarded.blocked and settings.pii_policy != "allow":
            result.error = guarded.block_message()
            return result
        if guarded.findings and settings.pii_policy == "block":
            result.error = "Câu hỏi có dữ liệu cá nhân nên không được gửi lên mạng (chế độ chặn). Hãy xoá rồi hỏi lại."
            return result
        outgoing = question if settings.pii_policy == "allow" else guarded.text
        if guarded.findings and outgoing != question:
            result.notices.append(guarded.notice())
        try:
            search = _gemini_search if provider == "gemini" else _openai_search
            text, sources, queries, _model = search(settings, outgoing, model)
        except ProviderFailure as fail:
            result.error = fail.message
            return result
        except Exception as exc:  # noqa: BLE001 - learners see a Vietnamese message, never a traceback
            result.error = classify(provider, exc).message
            return result
        result.text = restore(text, guarded.mapping) if guarded.mapping else text
        result.sources, result.queries, result.searched = _dedupe(sources), queries, True
        return result
    answer = ask(question, provider="local", max_tokens=max_tokens, temperature=0.2)
    result.provider = "local"
    result.text, result.error = answer.text, answer.error
    result.notices.append(answer.label)
    return result
