"""Notebook views for legal lookup: a search box with field and document filters, result cards with
highlighted matches, paths and each document's version status, one article in full (with a consolidated
text's notes on what was amended), a status table of documents, and a citation check that shows which
citations of an answer hold up."""

from __future__ import annotations

import html
import re

from course.errors import CourseError
from course.legal.answer import verify_citations
from course.legal.corpus import find_article
from course.legal.metadata import LINH_VUC, DocMeta
from course.legal.retrieval import Hit, get_index
from course.legal.snippets import highlight_html
from course.legal.tree import Article

_CARD = ("<div style='border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:6px 0;"
         "font-size:1.02em;line-height:1.5'>{body}</div>")


def status_html(meta: DocMeta) -> str:
    """The document's status beside a citation: green when in force, red when not, amber when the text
    lacks known amendments or still names «cấp huyện»."""
    colour = "#c0392b" if not meta.in_force else ("#b9770e" if meta.sua_doi_chua_gom or meta.luu_y else "#1e8449")
    return (f"<small style='color:{colour}'><b>{html.escape(meta.hieu_luc)}</b> · "
            f"{html.escape(meta.ghi_chu_phien_ban)} · {html.escape(meta.co_quan)}</small>")


def hits_html(hits: list[Hit], full: bool = False) -> str:
    """Result cards: path, title, passage with the query's words highlighted, the document's status."""
    if not hits:
        return _CARD.format(body="Không tìm thấy điều luật nào. Hãy thử diễn đạt khác.")
    cards = []
    if hits[0].linh_vuc_doan:
        cards.append(f"<p><small>Lĩnh vực đoán từ câu hỏi: <b>{html.escape(hits[0].linh_vuc_doan)}</b> "
                     "— muốn chỉ tìm trong lĩnh vực này, bạn chọn nó ở ô «Lĩnh vực» bên trên.</small></p>")
    for h in hits:
        text = h.article.node.body if full else h.snippet(400)
        cards.append(_CARD.format(body=(
            f"<b>{h.rank}. {html.escape(h.path)}</b><br><i>{html.escape(h.tieu_de)}</i><br>"
            f"{highlight_html(text, h.matched)}<br>{status_html(h.article.doc.meta)}")))
    return "".join(cards)


class HitList(list):
    """The hits `show_hits` returns: a list whose printout, when a cell ends with the call, is one short
    line per hit (the cards are already shown), not every field of every document."""

    def __repr__(self) -> str:
        return "\n".join(f"{h.rank}. {h.path}" for h in self) or "(không có kết quả)"


def show_hits(query: str, top: int = 3, **kw) -> HitList:  # noqa: ANN003
    """Search and display result cards in the notebook; returns the hits."""
    from IPython.display import HTML, display

    hits = HitList(get_index(progress=True).search(query, top=top, **kw))
    display(HTML(f"<p>Câu hỏi: <b>{html.escape(query)}</b></p>" + hits_html(hits)))
    return hits


_NOTE_MARK = re.compile(r"\[(\d+)\]")
_NOTES_HEADING = "CHÚ THÍCH CỦA VĂN BẢN HỢP NHẤT"


def article_notes(article: Article) -> list[str]:
    """The consolidated text's notes ("[22] Cụm từ … được thay thế … theo Luật số 136/2025/QH15, có hiệu lực
    kể từ …") for the note marks in the article, in order: what was amended, by which law, from when."""
    raw = article.doc.raw_text
    if _NOTES_HEADING not in raw:
        return []
    notes = {}
    for line in raw[raw.index(_NOTES_HEADING):].splitlines():
        m = re.match(r"\[(\d+)\]\s*(.+)", line.strip())
        if m:
            notes[m.group(1)] = m.group(2)
    marks = dict.fromkeys(_NOTE_MARK.findall(article.node.heading + "\n" + article.node.body))
    return [f"[{n}] {notes[n]}" for n in marks if n in notes]


def show_article(so_hieu: str, dieu: str | int) -> None:
    """Show one article in full (what the official reads before answering), with its path, the notes
    of a consolidated text on what was amended, and the document's status."""
    from IPython.display import HTML, display

    article = find_article(get_index(progress=True).docs, so_hieu, str(dieu))
    if article is None:
        raise CourseError(f"Không có Điều {dieu} trong văn bản số {so_hieu} của kho tra cứu.",
                          hint="Hãy kiểm tra lại số hiệu văn bản và số điều.")
    body = html.escape(article.node.body).replace("\n", "<br>")
    notes = "".join(f"<br><small><i>Chú thích {html.escape(n)}</i></small>" for n in article_notes(article))
    display(HTML(_CARD.format(body=(f"<b>{html.escape(article.path())}</b><br><i>{html.escape(article.tieu_de)}</i>"
                                    f"<br>{body}{notes}<br>{status_html(article.doc.meta)}"))))


def status_table(so_hieu: list[str]) -> None:
    """A table of documents with their status and version note, in the order given."""
    from IPython.display import HTML, display

    docs = {d.meta.so_hieu: d for d in get_index(progress=True).docs}
    missing = [s for s in so_hieu if s not in docs]
    if missing:
        raise CourseError(f"Kho tra cứu không có văn bản số {', '.join(missing)}.",
                          hint="Lệnh «khoahoc law docs» liệt kê các văn bản có trong kho.")
    rows = "".join(
        f"<tr><td>{html.escape(docs[s].meta.ten)}<br><small>{html.escape(s)}</small></td>"
        f"<td>{status_html(docs[s].meta)}</td></tr>" for s in so_hieu)
    display(HTML("<table style='border-collapse:collapse;text-align:left'><tr><th>Văn bản</th>"
                 f"<th>Tình trạng và phiên bản</th></tr>{rows}</table>"))


ALL = "(tất cả)"


def search_box(top: int = 3):  # noqa: ANN201 - ipywidgets object
    """A text box, a field and a document filter, and a button; results appear below with highlights
    and each document's status. Works with or without diacritics."""
    import ipywidgets as w

    from course.widgets.safe import guard

    index = get_index(progress=True)
    box = w.Text(continuous_update=False, placeholder="Gõ câu hỏi, ví dụ: làm giấy khai sinh ở đâu (có dấu hay không dấu đều được)",
                 layout=w.Layout(width="95%"))
    fields = sorted({f for d in index.docs for f in d.meta.linh_vuc}, key=list(LINH_VUC).index)
    field = w.Dropdown(options=[(ALL, "")] + [(LINH_VUC[f], f) for f in fields], value="", description="Lĩnh vực:")
    document = w.Dropdown(options=[(ALL, "")] + [(f"{d.meta.ten} ({d.meta.so_hieu})", d.meta.so_hieu) for d in index.docs],
                          value="", description="Văn bản:", layout=w.Layout(width="95%"))
    button = w.Button(description="Tìm điều luật", button_style="primary")
    out = w.HTML()

    def search_now(_=None) -> None:  # noqa: ANN001
        if not box.value.strip():
            out.value = "<i>Hãy gõ câu hỏi trước.</i>"
            return
        out.value = hits_html(get_index().search(box.value, top=top, linh_vuc=[field.value] if field.value else None,
                                                 documents=[document.value] if document.value else None))

    run = guard(search_now, lambda message: setattr(out, "value", message))
    button.on_click(run)
    box.continuous_update = False  # Enter (or leaving the box) runs the search
    box.observe(lambda _change: run(), "value")
    return w.VBox([w.HBox([box, button]), w.HBox([field]), document, out])


def check_answer(question: str, answer_text: str, top: int = 5) -> None:
    """Show an answer with each citation checked against the law text: kept (✓: the article and
    clause exist, the sentence matches the article) or removed with the reason (✗). A kept citation
    also says whether the search puts that article in its top `top` for the question. A kept citation
    is not a right answer: the article may cover several cases."""
    from IPython.display import HTML, display

    hits = get_index().search(question, top=top)
    found = {h.article.key for h in hits}
    cleaned, kept, removed = verify_citations(answer_text, [], get_index().docs)
    rows = [f"<li>✓ {html.escape(c.raw)} — {html.escape(c.article.path() if c.article else '')}"
            f"{' · máy tra cứu cũng tìm thấy điều này cho câu hỏi' if c.article and c.article.key in found else ''}"
            f"<br>{status_html(c.article.doc.meta) if c.article else ''}</li>" for c in kept]
    rows += [f"<li>✗ <s>{html.escape(c.raw)}</s> — {html.escape(c.status)}</li>" for c in removed]
    display(HTML(
        f"<p><b>Câu trả lời sau khi kiểm tra:</b><br>{html.escape(cleaned)}</p>"
        f"<ul>{''.join(rows) or '<li>Không có trích dẫn nào — không có căn cứ để tin.</li>'}</ul>"))
