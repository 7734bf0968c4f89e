"""Notebook views for legal lookup: a search box with field and document filters, result cards with
highlighted matches, paths and each document's version status, and a citation check that shows which
citations of an answer hold up."""

from __future__ import annotations

import html

from course.legal.answer import verify_citations
from course.legal.metadata import LINH_VUC
from course.legal.retrieval import Hit, get_index
from course.legal.snippets import highlight_html

_CARD = ("<div style='border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:6px 0;"
         "font-size:1.02em;line-height:1.5'>{body}</div>")


def status_html(hit: Hit) -> str:
    """The document's status beside a citation: green when in force, red when not, amber when the text
    lacks known amendments or still names «cấp huyện»."""
    meta = hit.article.doc.meta
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
            f"{highlight_html(text, h.matched)}<br>{status_html(h)}")))
    return "".join(cards)


def show_hits(query: str, top: int = 3, **kw) -> list[Hit]:  # noqa: ANN003
    """Search and display result cards in the notebook; returns the hits."""
    from IPython.display import HTML, display

    hits = get_index(progress=True).search(query, top=top, **kw)
    display(HTML(f"<p>Câu hỏi: <b>{html.escape(query)}</b></p>" + hits_html(hits)))
    return hits


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
    """Show an answer with each citation marked: kept (✓) or removed with the reason (✗)."""
    from IPython.display import HTML, display

    hits = get_index().search(question, top=top)
    cleaned, kept, removed = verify_citations(answer_text, hits)
    rows = [f"<li>✓ {html.escape(c.raw)} — {html.escape(c.article.path() if c.article else '')}"
            f"<br><small>{html.escape(c.article.doc.meta.status_line() if c.article else '')}</small></li>"
            for c in kept]
    rows += [f"<li>✗ <s>{html.escape(c.raw)}</s> — {html.escape(c.status)}</li>" for c in removed]
    display(HTML(
        f"<p><b>Câu trả lời sau khi kiểm tra:</b><br>{html.escape(cleaned)}</p>"
        f"<ul>{''.join(rows) or '<li>Không có trích dẫn nào — không có căn cứ để tin.</li>'}</ul>"))
