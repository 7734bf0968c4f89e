"""Notebook views for legal lookup: a search box, result cards with highlighted matches and paths,
and a citation check that shows which citations of an answer hold up."""

from __future__ import annotations

import html

from course.legal.answer import verify_citations
from course.legal.retrieval import Hit, get_index
from course.legal.snippets import highlight_html

_CARD = ("<div style='border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:6px 0;"
         "font-size:1.02em;line-height:1.5'>{body}</div>")


def hits_html(hits: list[Hit], full: bool = False) -> str:
    """Result cards: path, title, passage with the query's words highlighted, in-force status."""
    if not hits:
        return _CARD.format(body="Không tìm thấy điều luật nào. Hãy thử diễn đạt khác.")
    cards = []
    for h in hits:
        meta = h.article.doc.meta
        text = h.article.node.body if full else h.snippet(400)
        status_colour = "#1e8449" if meta.in_force else "#c0392b"
        cards.append(_CARD.format(body=(
            f"<b>{h.rank}. {html.escape(h.path)}</b><br><i>{html.escape(h.tieu_de)}</i><br>"
            f"{highlight_html(text, h.matched)}<br>"
            f"<small style='color:{status_colour}'>{html.escape(meta.tinh_trang)} · hiệu lực từ "
            f"{html.escape(meta.as_dict()['ngay_hieu_luc'])} · {html.escape(meta.co_quan)}</small>")))
    return "".join(cards)


def show_hits(query: str, top: int = 3, **kw) -> list[Hit]:  # noqa: ANN003
    """Search and display result cards in the notebook; returns the hits."""
    from IPython.display import HTML, display

    hits = get_index(progress=True).search(query, top=top, **kw)
    display(HTML(f"<p>Câu hỏi: <b>{html.escape(query)}</b></p>" + hits_html(hits)))
    return hits


def search_box(top: int = 3):  # noqa: ANN201 - ipywidgets object
    """A text box + button; results appear below with highlights. Works with or without diacritics."""
    import ipywidgets as w

    from course.widgets.safe import guard

    get_index(progress=True)
    box = w.Text(continuous_update=False, placeholder="Gõ câu hỏi, ví dụ: nghỉ phép mấy ngày (có dấu hay không dấu đều được)",
                 layout=w.Layout(width="95%"))
    button = w.Button(description="Tìm điều luật", button_style="primary")
    out = w.HTML()

    def search_now(_=None) -> None:  # noqa: ANN001
        if not box.value.strip():
            out.value = "<i>Hãy gõ câu hỏi trước.</i>"
            return
        out.value = hits_html(get_index().search(box.value, top=top))

    run = guard(search_now, lambda message: setattr(out, "value", message))
    button.on_click(run)
    box.continuous_update = False  # Enter (or leaving the box) runs the search
    box.observe(lambda _change: run(), "value")
    return w.VBox([w.HBox([box, button]), out])


def check_answer(question: str, answer_text: str, top: int = 5) -> None:
    """Show an answer with each citation marked: kept (✓) or removed with the reason (✗)."""
    from IPython.display import HTML, display

    hits = get_index().search(question, top=top)
    cleaned, kept, removed = verify_citations(answer_text, hits)
    rows = [f"<li>✓ {html.escape(c.raw)} — {html.escape(c.article.path() if c.article else '')}</li>" for c in kept]
    rows += [f"<li>✗ <s>{html.escape(c.raw)}</s> — {html.escape(c.status)}</li>" for c in removed]
    display(HTML(
        f"<p><b>Câu trả lời sau khi kiểm tra:</b><br>{html.escape(cleaned)}</p>"
        f"<ul>{''.join(rows) or '<li>Không có trích dẫn nào — không có căn cứ để tin.</li>'}</ul>"))
