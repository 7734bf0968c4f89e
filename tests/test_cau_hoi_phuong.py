"""The ward-law question set (module4_legal_lookup/data/cau_hoi_phuong.jsonl) is well formed.

The set was written blind to the search engine (see cau_hoi_phuong.md). These tests check the data
itself, not retrieval: schema and allowed values, NFC, unique ids and questions, the size and mix the
issue asks for (law wording / everyday phrasing, typing styles), that every slice holds both kinds and
every typing style, and - when the ward-law texts are on the machine - that every cited article exists
in the text whose number is cited.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "module4_legal_lookup" / "data" / "cau_hoi_phuong.jsonl"
FIELDS = {"id", "cau_hoi", "so_hieu", "dieu", "tap", "go", "kieu"}
SLICES = {"phat_trien": 0.55, "giu_lai": 0.20, "kiem_tra_phuong": 0.25}
GO = {"co_dau", "khong_dau", "loi_go", "dia_phuong"}
KIEU = {"luat", "doi_thuong"}
# The 16 ward texts and their numbers as printed in each title block (the pre-2025 pháp điển copy of the
# Law on Complaints is deliberately not a target: the consolidated text replaces it).
FILES = {
    "60/2014/QH13": "luat_ho_tich_2014.txt",
    "123/2015/NĐ-CP": "nd_123_2015_ho_tich.txt",
    "68/2020/QH14": "luat_cu_tru_2020.txt",
    "26/2023/QH15": "luat_can_cuoc_2023.txt",
    "31/2024/QH15": "luat_dat_dai_2024.txt",
    "52/2014/QH13": "luat_hon_nhan_gia_dinh_2014.txt",
    "42/2013/QH13": "luat_tiep_cong_dan_2013.txt",
    "02/2011/QH13": "luat_khieu_nai_2011.txt",
    "25/2018/QH14": "luat_to_cao_2018.txt",
    "35/2013/QH13": "luat_hoa_giai_o_co_so_2013.txt",
    "10/2022/QH15": "luat_thuc_hien_dan_chu_o_co_so_2022.txt",
    "30/2020/NĐ-CP": "nd_30_2020_cong_tac_van_thu.txt",
    "13/2023/NĐ-CP": "nd_13_2023_bao_ve_du_lieu_ca_nhan.txt",
    "102/2016/QH13": "luat_tre_em_2016.txt",
    "39/2009/QH12": "luat_nguoi_cao_tuoi_2009.txt",
    "41/2024/QH15": "luat_bao_hiem_xa_hoi_2024.txt",
}
VIET_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


@cache
def _rows() -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip())


def test_schema_and_values() -> None:
    for row in _rows():
        assert set(row) == FIELDS, row
        assert re.fullmatch(r"p\d{3}", row["id"]), row["id"]
        assert row["so_hieu"] in FILES, row
        assert row["dieu"] and all(re.fullmatch(r"\d+[a-z]?", d) for d in row["dieu"]), row
        assert row["tap"] in SLICES and row["go"] in GO and row["kieu"] in KIEU, row
        for value in [row["cau_hoi"], row["so_hieu"], *row["dieu"]]:
            assert unicodedata.normalize("NFC", value) == value, row["id"]


def test_ids_and_questions_unique() -> None:
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["cau_hoi"] for r in rows}) == len(rows)


def test_size_and_mix() -> None:
    rows = _rows()
    kinds = Counter(r["kieu"] for r in rows)
    assert len(rows) >= 480 and kinds["luat"] >= 240 and kinds["doi_thuong"] >= 240
    everyday = Counter(r["go"] for r in rows if r["kieu"] == "doi_thuong")
    assert everyday["khong_dau"] * 3 >= kinds["doi_thuong"]
    assert everyday["loi_go"] >= 20 and everyday["dia_phuong"] >= 20
    per_doc = Counter(r["so_hieu"] for r in rows)
    assert set(per_doc) == set(FILES) and min(per_doc.values()) >= 8


def test_slices_are_stratified() -> None:
    rows = _rows()
    for tap, share in SLICES.items():
        part = [r for r in rows if r["tap"] == tap]
        assert abs(len(part) / len(rows) - share) <= 0.03, tap
        assert {r["kieu"] for r in part} == KIEU, tap
        assert {r["go"] for r in part if r["kieu"] == "doi_thuong"} == GO, tap


# ---------------------------------------------------------------------------------------------------
# The second untouched slice (cau_hoi_phuong_kiem_tra2.jsonl, slice "kiem_tra_phuong_2"): written later,
# blind to the engine, to be measured once. Same fields and conventions; these tests read it as data only.
# ---------------------------------------------------------------------------------------------------
DATA2 = REPO / "module4_legal_lookup" / "data" / "cau_hoi_phuong_kiem_tra2.jsonl"
SHIPPED_TEXTS = REPO / "course" / "legal" / "van_ban_phuong"


@cache
def _rows2() -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in DATA2.read_text(encoding="utf-8").splitlines() if line.strip())


def test_slice2_schema_and_values() -> None:
    for row in _rows2():
        assert set(row) == FIELDS, row
        assert re.fullmatch(r"k2_\d{3}", row["id"]), row["id"]
        assert row["tap"] == "kiem_tra_phuong_2", row
        assert row["so_hieu"] in FILES, row
        assert row["dieu"] and all(re.fullmatch(r"\d+[a-z]?", d) for d in row["dieu"]), row
        assert len(row["dieu"]) == len(set(row["dieu"])) <= 2, row
        assert row["go"] in GO and row["kieu"] in KIEU, row
        for value in [row["cau_hoi"], row["so_hieu"], *row["dieu"]]:
            assert unicodedata.normalize("NFC", value) == value, row["id"]


def test_slice2_ids_and_questions_unique_and_new() -> None:
    rows = _rows2()
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["cau_hoi"] for r in rows}) == len(rows)
    old = {r["cau_hoi"].casefold() for r in _rows()}
    assert not [r["id"] for r in rows if r["cau_hoi"].casefold() in old]
    assert not {r["id"] for r in rows} & {r["id"] for r in _rows()}


def test_slice2_size_and_mix() -> None:
    rows = _rows2()
    kinds = Counter(r["kieu"] for r in rows)
    assert len(rows) >= 220 and kinds["luat"] >= 100 and kinds["doi_thuong"] >= 100
    everyday = Counter(r["go"] for r in rows if r["kieu"] == "doi_thuong")
    assert everyday["khong_dau"] >= 45 and everyday["loi_go"] >= 15 and everyday["dia_phuong"] >= 15
    per_doc = Counter(r["so_hieu"] for r in rows)
    assert set(per_doc) == set(FILES) and min(per_doc.values()) >= 5
    cited = {(r["so_hieu"], d) for r in rows for d in r["dieu"]}
    assert len(cited) >= 200  # many different articles, not only the famous ones


@pytest.mark.parametrize("rows", [_rows, _rows2], ids=["cau_hoi_phuong", "kiem_tra_phuong_2"])
def test_typing_style_matches_text(rows) -> None:  # noqa: ANN001
    for row in rows():
        if row["kieu"] == "luat":
            assert row["go"] == "co_dau", row["id"]
        if row["go"] == "khong_dau":
            assert not VIET_MARKS.search(row["cau_hoi"]), row["id"]
        if row["go"] in {"co_dau", "dia_phuong"}:
            assert VIET_MARKS.search(row["cau_hoi"]), row["id"]


@pytest.mark.parametrize("rows", [_rows, _rows2], ids=["cau_hoi_phuong", "kiem_tra_phuong_2"])
def test_cited_articles_exist_in_the_shipped_texts(rows) -> None:  # noqa: ANN001
    """Against the texts the course ships (copied unchanged from ../shared/data/laws)."""
    articles: dict[str, set[str]] = {}
    for number, name in FILES.items():
        text = (SHIPPED_TEXTS / name).read_text(encoding="utf-8")
        assert number in "\n".join(text.splitlines()[:12]), (name, number)
        articles[number] = set(re.findall(r"^Điều (\d+[a-z]?)\. ", text, re.M))
    missing = [(r["id"], r["so_hieu"], d) for r in rows() for d in r["dieu"] if d not in articles[r["so_hieu"]]]
    assert not missing, missing
