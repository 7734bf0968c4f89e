"""Answers with citations: retrieve the articles, answer only from them, verify every citation.

- On the local model (Gemma 3 270M, too small to summarise law faithfully) the answer is honest
  extraction: the retrieved articles themselves, with their paths.
- With a capable provider the model writes an answer citing "(Điều N, số hiệu)"; afterwards every
  citation is checked against the corpus. Citations of articles that do not exist, or that were not
  among the retrieved articles, or whose text does not match the sentence, are removed and listed.
- When nothing relevant is found, the answer says so instead of answering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from course.legal.corpus import find_article, load_corpus
from course.legal.retrieval import Hit, get_index
from course.legal.textnorm import STOPWORDS_FOLDED, folded_tokens, words
from course.legal.tree import Article, Document
from course.text import fold

NOT_FOUND = ("Không tìm thấy điều luật nào đủ liên quan trong {n} văn bản đang có. "
             "Hãy diễn đạt lại câu hỏi, hoặc tra trên Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn).")
EXTRACTIVE_NOTE = ("Mô hình nhỏ chạy trên máy không đủ sức tóm tắt luật chính xác, nên đây là NGUYÊN VĂN các "
                   "điều luật tìm được — hãy đọc và tự kết luận.")

# "Điều 35", "Điều 35 khoản 2", "khoản 2 Điều 35", then optionally a document: a số hiệu or a code name.
_DOC_NAME = r"(?:Bộ luật|BLDS|BLHS|BLLĐ|BLTTDS|BLTTHS|BLHH|Luật|Nghị định)[^,;.()\[\]\n]{0,40}"
RE_CITATION = re.compile(
    r"(?:khoản\s+(?P<k1>\d+)\s+)?Điều\s+(?P<dieu>\d+[a-z]?)(?:\s*,?\s*khoản\s+(?P<k2>\d+))?"
    r"(?P<doc>\s*(?:,|của|-|—|\()?\s*(?:(?P<so>\d+/\d{4}/[A-ZĐ0-9\-]+)|(?P<name>" + _DOC_NAME + r")))?",
)
_SHORT_NAMES = {"blds": "91/2015/QH13", "blhs": "100/2015/QH13", "blld": "45/2019/QH14",
                "bltds": "92/2015/QH13", "bltths": "101/2015/QH13", "blttds": "92/2015/QH13", "blhh": "95/2015/QH13"}


@dataclass
class Citation:
    """One citation found in an answer, and what checking it against the corpus showed."""

    raw: str
    dieu: str
    so_hieu: str = ""
    khoan: str = ""
    status: str = "chưa kiểm tra"   # hợp lệ | không tồn tại | ngoài các điều đã tra | không khớp nội dung |
    #                                 trích sai lời văn | thiếu văn bản
    article: Article | None = None

    @property
    def ok(self) -> bool:
        return self.status == "hợp lệ"

    def label(self) -> str:
        return f"Điều {self.dieu}{' khoản ' + self.khoan if self.khoan else ''} {self.so_hieu or '(không rõ văn bản)'}"


@dataclass
class LegalAnswer:
    """What `ask_law` returns: text, the articles used, and the verified citations."""

    question: str
    text: str
    mode: str                      # "trích nguyên văn" | "mô hình viết" | "không tìm thấy"
    hits: list[Hit] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    removed: list[Citation] = field(default_factory=list)
    provider: str = ""
    note: str = ""

    @property
    def found(self) -> bool:
        return self.mode != "không tìm thấy"

    def sources(self) -> list[str]:
        """Each article used, with its document's status ("Còn hiệu lực (từ ...). Bản pháp điển ...")."""
        return [f"{h.path} — {h.status_line}" for h in self.hits]

    def render(self) -> str:
        """Plain text for the terminal."""
        lines = [self.text.strip()]
        if self.removed:
            lines.append("\nĐã gỡ trích dẫn không kiểm chứng được:")
            lines += [f"  ✗ {c.raw.strip()} — {c.status}" for c in self.removed]
        if self.hits:
            lines.append("\nNguồn đã tra (kèm hiệu lực):")
            lines += [f"  • {p}" for p in self.sources()]
        if self.note:
            lines.append(f"\n({self.note})")
        return "\n".join(lines)

    __str__ = __repr__ = render  # a notebook's plain-text view is the answer, not every field of every hit

    def _repr_markdown_(self) -> str:
        out = [self.text.strip()]
        if self.removed:
            out.append("\n**Đã gỡ trích dẫn không kiểm chứng được:**\n")
            out += [f"- ~~{c.raw.strip()}~~ — {c.status}" for c in self.removed]
        if self.hits:
            out.append("\n**Nguồn đã tra (kèm hiệu lực):**\n")
            out += [f"- {p}" for p in self.sources()]
        if self.note:
            out.append(f"\n> {self.note}")
        return "\n".join(out)


def _resolve_doc(name: str, docs: list[Document]) -> str:
    key = fold(name).replace(" ", "").replace("viet nam", "")
    for short, so in _SHORT_NAMES.items():
        if key.startswith(short):
            return so
    best = ""
    for d in docs:
        ten = fold(d.meta.ten).replace(" ", "")
        ten_no_year = re.sub(r"\d{4}$", "", ten)
        if key.startswith(ten_no_year) or ten_no_year.startswith(key.rstrip("0123456789")):
            if len(ten) > len(best):
                best = d.meta.so_hieu
    return best


def find_citations(text: str, docs: list[Document] | None = None, default_so_hieu: str = "") -> list[Citation]:
    """Every 'Điều N [khoản K] [văn bản]' in `text`, with the document resolved when possible."""
    docs = docs if docs is not None else load_corpus()
    out = []
    for m in RE_CITATION.finditer(text):
        so = m.group("so") or (_resolve_doc(m.group("name"), docs) if m.group("name") else "") or default_so_hieu
        out.append(Citation(raw=m.group(0), dieu=m.group("dieu"), so_hieu=so, khoan=m.group("k1") or m.group("k2") or ""))
    return out


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left:right]


def supports(sentence: str, article: Article) -> bool:
    """Does the sentence share enough content words with the article to be backed by it?"""
    claim = {t for t in folded_tokens(re.sub(RE_CITATION, " ", sentence)) if t not in STOPWORDS_FOLDED and len(t) > 1}
    if len(claim) < 3:
        return True  # a bare reference ("xem Điều 35") claims nothing to check
    body = set(folded_tokens(article.text))
    return len(claim & body) / len(claim) >= 0.5


_QUOTED = re.compile(r"[«“\"]([^«»“”\"]{8,})[»”\"]")


def quotes_match(sentence: str, article: Article) -> bool:
    """Are the words the sentence quotes («...», “...”) in the article, word for word (case and
    spacing aside, with or without diacritics as the quote is typed)?"""
    body = " ".join(words(article.text))
    folded_body = fold(body)
    for quote in _QUOTED.findall(sentence):
        said = " ".join(words(quote))
        if len(said.split()) < 2:
            continue
        if said not in body and (fold(said) != said or fold(said) not in folded_body):
            return False
    return True


def verify_citations(text: str, hits: list[Hit], docs: list[Document] | None = None) -> tuple[str, list[Citation], list[Citation]]:
    """Check every citation in `text`; return (text with bad citations marked, kept, removed)."""
    docs = docs if docs is not None else load_corpus()
    retrieved = {h.article.key for h in hits}
    default = hits[0].so_hieu if hits and len({h.so_hieu for h in hits}) == 1 else ""
    kept, removed = [], []
    pieces, pos = [], 0
    for m in RE_CITATION.finditer(text):
        cit = find_citations(m.group(0), docs, default)[0]
        if not cit.so_hieu:
            cit.status = "thiếu văn bản"
        else:
            art = find_article(docs, cit.so_hieu, cit.dieu)
            cit.article = art
            if art is None:
                cit.status = "không tồn tại"
            elif cit.khoan and not any(k.kind == "khoản" and k.number == cit.khoan for k in art.node.children):
                cit.status = "không tồn tại"
            elif retrieved and art.key not in retrieved:
                cit.status = "ngoài các điều đã tra"
            elif not quotes_match(_sentence_around(text, m.start(), m.end()), art):
                cit.status = "trích sai lời văn"
            elif not supports(_sentence_around(text, m.start(), m.end()), art):
                cit.status = "không khớp nội dung"
            else:
                cit.status = "hợp lệ"
        pieces.append(text[pos:m.start()])
        if cit.ok:
            pieces.append(m.group(0))
            kept.append(cit)
        else:
            pieces.append(f"[đã gỡ trích dẫn: {cit.status}]")
            removed.append(cit)
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces), kept, removed


def relevant(question: str, hits: list[Hit], expanded: bool) -> bool:
    """Is the best article about the question at all? (content words of the question found in it)."""
    if not hits:
        return False
    if expanded:
        return True
    accented = any(fold(w) != w for w in words(question))
    qwords = [w for w in words(question) if fold(w) not in STOPWORDS_FOLDED and len(w) > 1 and not w.isdigit()]
    if not qwords:
        return False
    top_text = " ".join(h.article.text for h in hits[:3]).lower()
    top_words = set(words(top_text)) if accented else {fold(w) for w in words(top_text)}
    found = sum(1 for w in qwords if (w if accented else fold(w)) in top_words)
    return found / len(qwords) >= 0.6


def extractive_text(hits: list[Hit], chars: int = 700) -> str:
    parts = ["Các điều luật liên quan nhất (trích nguyên văn):"]
    for h in hits:
        body = " ".join(h.article.node.body.split())
        if len(body) > chars:
            body = body[:chars].rsplit(" ", 1)[0] + " …"
        parts.append(f"\n• {h.path} — {h.tieu_de}\n  {body}\n  [Hiệu lực: {h.status_line}]")
    return "\n".join(parts)


SYSTEM = ("Bạn là trợ lý tra cứu pháp luật cho cán bộ phường, xã. Chỉ được dùng các điều luật được cung cấp. "
          "Mỗi ý phải kèm trích dẫn dạng (Điều N, số hiệu văn bản). Nếu các điều luật không trả lời được câu "
          "hỏi, hãy nói rõ là không tìm thấy. Trả lời ngắn gọn bằng tiếng Việt.")


def build_prompt(question: str, hits: list[Hit], chars: int = 1500) -> str:
    blocks = []
    for h in hits:
        body = " ".join(h.article.node.body.split())[:chars]
        blocks.append(f"[Điều {h.dieu}, {h.so_hieu}] {h.article.doc.meta.ten} — {h.tieu_de}\n"
                      f"(Hiệu lực: {h.article.doc.meta.hieu_luc}. {h.article.doc.meta.ghi_chu_phien_ban})\n{body}")
    return ("Các điều luật tra cứu được:\n\n" + "\n\n".join(blocks)
            + f"\n\nCâu hỏi: {question}\nTrả lời (kèm trích dẫn (Điều N, số hiệu) cho mỗi ý):")


REWRITE = ("Viết lại câu hỏi sau bằng thuật ngữ pháp luật Việt Nam (tên chế định, tên tội danh, tên quyền, nghĩa vụ) "
           "trên MỘT dòng, không giải thích, không nêu số điều.\nCâu hỏi: {q}\nThuật ngữ pháp luật:")


def rewrite_query(question: str, provider: str) -> str:
    """Legal wording of an everyday question, by a capable model ('' if unavailable or local)."""
    if provider == "local":
        return ""
    from course.llm import ask

    ans = ask(REWRITE.format(q=question), provider=provider, temperature=0.0, max_tokens=60)
    if not ans.ok:
        return ""
    line = ans.text.strip().splitlines()[0] if ans.text.strip() else ""
    return re.sub(RE_CITATION, " ", line)[:300]


def ask_law(question: str, top: int = 3, provider: str | None = None, documents: list[str] | None = None,
            in_force: bool | None = True, max_tokens: int = 500, rewrite: bool = True,
            linh_vuc: list[str] | None = None) -> LegalAnswer:
    """Question -> retrieved articles -> answer with verified citations (see module docstring).

    With a cloud/compatible provider the model first rewrites the question in legal terms (kept
    alongside the original question in the search fusion), then answers from the retrieved articles.
    """
    from course.config import load_settings

    active = (provider or load_settings().active_provider()).lower()
    index = get_index(progress=False)
    extra = rewrite_query(question, active) if rewrite else ""
    hits = index.search(question, top=top, documents=documents, in_force=in_force, extra_terms=extra,
                        linh_vuc=linh_vuc)
    q = index.prepare(question)
    if not relevant(question, hits, bool(q.expansions)):
        return LegalAnswer(question, NOT_FOUND.format(n=len(index.docs)), "không tìm thấy", [], provider=active)
    if active == "local":
        return LegalAnswer(question, extractive_text(hits), "trích nguyên văn", hits, provider="local",
                           note=EXTRACTIVE_NOTE)
    from course.llm import ask

    ans = ask(build_prompt(question, hits), system=SYSTEM, provider=active, temperature=0.2, max_tokens=max_tokens)
    if not ans.ok:
        return LegalAnswer(question, extractive_text(hits), "trích nguyên văn", hits, provider=active,
                           note=f"Không gọi được mô hình ({ans.error}) — hiển thị nguyên văn điều luật.")
    text, kept, removed = verify_citations(ans.text, hits, index.docs)
    note = ans.label
    if not kept:
        note += " — câu trả lời không có trích dẫn nào kiểm chứng được: đừng dựa vào nó, hãy đọc các điều luật nguồn."
    return LegalAnswer(question, text, "mô hình viết", hits, kept, removed, provider=ans.provider, note=note)
