"""Trainer's tool for the ward's class server: add learners from a CSV, reset a password, watch usage,
back up, check after a power cut. Standard library only (runs in TLJH's hub environment too).

    python3 deploy/wardctl.py them-hoc-vien hoc_vien.csv
    python3 deploy/wardctl.py dat-lai-mat-khau nguyenvana
    python3 deploy/wardctl.py su-dung
    python3 deploy/wardctl.py sao-luu /media/usb
    python3 deploy/wardctl.py kiem-tra

Settings come from options or environment: WARD_HUB_STATE [/srv/ward-hub], WARD_HUB_API
[written by the hub into the state folder], WARD_COURSE_ID [ai_can_bo_co_so], WARD_GATEWAY_DB
[/srv/ward-gateway/ward_gateway.sqlite3], WARD_BUDGET_USD [0.50], WARD_RPM [20].
"""

from __future__ import annotations

import argparse
import csv
import dbm
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
import unicodedata
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "gateway"))
from ward_gateway import Ledger, read_secret  # noqa: E402

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
ROLES = {"hoc_vien": "học viên", "giang_vien": "giảng viên"}


class WardError(Exception):
    """A problem the trainer can fix; the message is Vietnamese and says what to do."""


@dataclass
class Learner:
    username: str
    full_name: str
    role: str
    budget_usd: float | None


def ascii_username(text: str) -> str:
    """'Nguyễn Văn A' → 'nguyenvana' (a suggestion when the CSV has no username)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"[^a-z0-9]", "", text)


def read_learners(path: Path) -> list[Learner]:
    """Read the learners' CSV (UTF-8, Excel's UTF-8 with BOM too).

    Columns: ten_dang_nhap, ho_ten, vai_tro (hoc_vien | giang_vien, default hoc_vien),
    ngan_sach_usd (optional). Raises WardError listing every bad line at once.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise WardError(f"Không tìm thấy tệp {path}. Kiểm tra lại đường dẫn.") from exc
    except UnicodeDecodeError as exc:
        raise WardError(f"Tệp {path} không phải UTF-8. Trong Excel chọn Lưu thành → CSV UTF-8.") from exc
    rows = list(csv.DictReader(text.splitlines()))
    if not rows or "ho_ten" not in rows[0]:
        raise WardError("Tệp CSV cần dòng tiêu đề: ten_dang_nhap,ho_ten,vai_tro,ngan_sach_usd")
    learners: list[Learner] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        name = unicodedata.normalize("NFC", (row.get("ho_ten") or "").strip())
        user = (row.get("ten_dang_nhap") or "").strip().lower() or ascii_username(name)
        role = (row.get("vai_tro") or "hoc_vien").strip() or "hoc_vien"
        budget_txt = (row.get("ngan_sach_usd") or "").strip().replace(",", ".")
        if not USERNAME_RE.match(user):
            problems.append(f"dòng {line}: tên đăng nhập '{user}' không hợp lệ (chữ thường không dấu, số, . _ -)")
            continue
        if user in seen:
            problems.append(f"dòng {line}: tên đăng nhập '{user}' bị trùng")
            continue
        if role not in ROLES:
            problems.append(f"dòng {line}: vai trò '{role}' phải là hoc_vien hoặc giang_vien")
            continue
        try:
            budget = float(budget_txt) if budget_txt else None
        except ValueError:
            problems.append(f"dòng {line}: ngân sách '{budget_txt}' không phải là số")
            continue
        seen.add(user)
        learners.append(Learner(user, name, role, budget))
    if problems:
        raise WardError("Tệp CSV có lỗi, chưa thêm ai:\n  " + "\n  ".join(problems))
    return learners


class Hub:
    """The JupyterHub REST API, authenticated as the `ward-admin` service."""

    def __init__(self, api_url: str, token: str) -> None:
        self.api_url, self.token = api_url.rstrip("/"), token

    def call(self, method: str, path: str, body: Any = None, ok: tuple[int, ...] = (200, 201, 204)) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.api_url + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                raw = resp.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            if exc.code in ok:
                return None
            raise WardError(f"Hub trả lỗi {exc.code} cho {method} {path}: {exc.read()[:200]!r}") from exc
        except urllib.error.URLError as exc:
            raise WardError(f"Không kết nối được JupyterHub ở {self.api_url}. Hub đã chạy chưa? "
                            "(sudo systemctl status jupyterhub)") from exc

    def users(self) -> dict[str, Any]:
        return {u["name"]: u for u in self.call("GET", "/users?limit=1000") or []}


@dataclass
class Ward:
    state: Path
    api_url: str
    course: str
    gateway_db: Path
    budget_usd: float
    rpm: int

    @property
    def hub(self) -> Hub:
        token_file = self.state / "admin_token"
        if not token_file.exists():
            raise WardError(f"Chưa có {token_file}: hãy khởi động JupyterHub một lần trước.")
        return Hub(self.api_url, token_file.read_text().strip())

    def ledger(self) -> Ledger | None:
        return Ledger(self.gateway_db) if self.gateway_db.parent.exists() else None

    def add_learners(self, learners: list[Learner], create_os_users: bool = False) -> dict[str, int]:
        """Create hub users, put them in the course groups, issue gateway keys. Idempotent."""
        hub = self.hub
        existing = hub.users()
        new = [lr.username for lr in learners if lr.username not in existing]
        if new:
            hub.call("POST", "/users", {"usernames": new})
        for group, members in ((f"nbgrader-{self.course}", [lr.username for lr in learners]),
                               (f"formgrade-{self.course}",
                                [lr.username for lr in learners if lr.role == "giang_vien"])):
            if members:
                hub.call("POST", f"/groups/{group}", ok=(409,))
                hub.call("POST", f"/groups/{group}/users", {"users": members})
        if create_os_users:
            for lr in learners:
                if subprocess.run(["id", lr.username], capture_output=True).returncode != 0:
                    subprocess.run(["useradd", "--create-home", "--comment", lr.full_name, lr.username],
                                   check=True)
        keys = 0
        ledger = self.ledger()
        if ledger is not None:
            secret = read_secret(self.state / "gateway_secret")
            for lr in learners:
                ledger.issue(secret, lr.username, lr.budget_usd if lr.budget_usd is not None else self.budget_usd,
                             rpm_limit=self.rpm)
                keys += 1
        return {"moi": len(new), "da_co": len(learners) - len(new), "khoa_ai": keys}

    def gradebooks(self) -> list[Path]:
        """SQLite gradebooks: WARD_COURSE_ROOT's (default <repo>/grading) and any under the state folder."""
        root = Path(os.environ.get("WARD_COURSE_ROOT", HERE.parent / "grading"))
        return sorted({*root.glob("gradebook.db"), *(self.state / "courses").glob("*/gradebook.db")})

    def reset_password(self, username: str) -> None:
        """Forget the learner's password: they choose a new one at their next login."""
        path = str(self.state / "passwords.dbm")
        for attempt in range(20):
            try:
                with dbm.open(path, "w") as db:
                    if username.encode() not in db:
                        raise WardError(f"'{username}' chưa đặt mật khẩu lần nào — cứ đăng nhập là đặt được.")
                    del db[username]
                return
            except dbm.error[0] as exc:  # the hub holds the file for a moment during a login
                if attempt == 19:
                    raise WardError("Tệp mật khẩu đang bận, thử lại sau ít giây.") from exc
                time.sleep(0.25)

    def usage(self) -> list[dict[str, Any]]:
        ledger = self.ledger()
        return ledger.usage() if ledger is not None else []

    def backup(self, dest: Path) -> Path:
        """One .tar.gz with consistent copies of every database and the learners' files."""
        dest.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        staging = dest / f".ward-backup-{stamp}"
        staging.mkdir()
        try:
            dbs = [self.state / "jupyterhub.sqlite", self.gateway_db,
                   *self.gradebooks()]
            for db in dbs:
                if db.exists():
                    target = staging / "db" / db.relative_to(db.anchor)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with sqlite3.connect(db) as src, sqlite3.connect(target) as dst:
                        src.backup(dst)  # consistent even while the hub or gateway writes
            archive = dest / f"ward-backup-{stamp}.tar.gz"
            with tarfile.open(archive, "w:gz") as tar:
                if (staging / "db").exists():
                    tar.add(staging / "db", arcname="db")
                for db in self.gradebooks():  # the course root: source, release, submitted, feedback
                    tar.add(db.parent, arcname=f"course/{db.parent.name}")
                for name in ("courses", "exchange", "home", "passwords.dbm", "passwords.dbm.db"):
                    path = self.state / name
                    if path.exists():
                        tar.add(path, arcname=f"state/{name}")
                for home in extra_homes():
                    tar.add(home, arcname=f"homes/{home.name}")
            return archive
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def check(self) -> list[str]:
        """After a power cut: integrity of every database, the exchange, stale pid files."""
        report: list[str] = []
        for db in [self.state / "jupyterhub.sqlite", self.gateway_db,
                   *self.gradebooks()]:
            if not db.exists():
                continue
            try:
                with sqlite3.connect(db) as con:
                    result = con.execute("PRAGMA integrity_check").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                result = str(exc)
            report.append(f"{'ỔN' if result == 'ok' else 'HỎNG'}: {db} ({result})")
        exchange = self.state / "exchange"
        if exchange.exists() and (exchange.stat().st_mode & 0o777) != 0o777:
            exchange.chmod(0o777)
            report.append(f"ĐÃ SỬA: quyền ghi của {exchange}")
        pid = self.state / "proxy.pid"
        if pid.exists():
            try:
                os.kill(int(pid.read_text().strip() or 0), 0)
            except (OSError, ValueError):
                pid.unlink()
                report.append(f"ĐÃ SỬA: xoá {pid} cũ (proxy đã tắt khi mất điện)")
        return report


def extra_homes() -> list[Path]:
    """Learners' home folders for system accounts (LocalProcessSpawner / TLJH), if any."""
    homes = Path("/home")
    return sorted(p for p in homes.glob("*") if (p / ".jupyter").exists() or p.name.startswith("jupyter-")) \
        if homes.exists() else []


def _ward(args: argparse.Namespace) -> Ward:
    state = Path(args.state)
    hub_api = args.hub_api
    if not hub_api:
        saved = state / "hub_api_url"
        hub_api = saved.read_text().strip() if saved.exists() else "http://127.0.0.1:8081/hub/api"
    return Ward(state, hub_api, args.course, Path(args.gateway_db),
                float(os.environ.get("WARD_BUDGET_USD", "0.50")), int(os.environ.get("WARD_RPM", "20")))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="wardctl", description="Quản trị máy chủ lớp học của phường.")
    p.add_argument("--state", default=os.environ.get("WARD_HUB_STATE", "/srv/ward-hub"),
                   help="thư mục dữ liệu của hub")
    p.add_argument("--hub-api", default=os.environ.get("WARD_HUB_API"),
                   help="địa chỉ API của JupyterHub (mặc định: hub tự ghi trong thư mục dữ liệu)")
    p.add_argument("--course", default=os.environ.get("WARD_COURSE_ID", "ai_can_bo_co_so"), help="mã khoá học")
    p.add_argument("--gateway-db", default=os.environ.get("WARD_GATEWAY_DB", "/srv/ward-gateway/ward_gateway.sqlite3"),
                   help="sổ ghi sử dụng AI của cổng LiteLLM")
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("them-hoc-vien", help="thêm học viên từ tệp CSV")
    a.add_argument("csv", type=Path)
    a.add_argument("--tao-tai-khoan-may", action="store_true",
                   help="tạo cả tài khoản hệ điều hành (khi không dùng TLJH)")
    r = sub.add_parser("dat-lai-mat-khau", help="xoá mật khẩu để học viên đặt lại khi đăng nhập")
    r.add_argument("username")
    sub.add_parser("su-dung", help="xem mức dùng AI của từng học viên")
    b = sub.add_parser("sao-luu", help="sao lưu sổ điểm, bài làm, tài khoản")
    b.add_argument("dest", type=Path)
    sub.add_parser("kiem-tra", help="kiểm tra sau khi mất điện")
    args = p.parse_args(argv)
    ward = _ward(args)
    try:
        if args.cmd == "them-hoc-vien":
            learners = read_learners(args.csv)
            n = ward.add_learners(learners, create_os_users=args.tao_tai_khoan_may)
            print(f"Đã thêm {n['moi']} người mới, {n['da_co']} người đã có; cấp {n['khoa_ai']} khoá AI.")
        elif args.cmd == "dat-lai-mat-khau":
            ward.reset_password(args.username)
            print(f"Đã xoá mật khẩu của {args.username}. Lần đăng nhập tới, mật khẩu gõ vào sẽ thành mật khẩu mới.")
        elif args.cmd == "su-dung":
            rows = ward.usage()
            print(f"{'Học viên':<20}{'Lượt':>7}{'Token vào':>11}{'Token ra':>10}{'Đã dùng $':>11}{'Ngân sách $':>13}")
            for u in rows:
                flag = "  (đã khoá)" if u["blocked"] else ("  (hết ngân sách)" if u["spend_usd"] >= u["budget_usd"] else "")
                print(f"{u['learner']:<20}{u['requests']:>7}{u['tokens_in']:>11}{u['tokens_out']:>10}"
                      f"{u['spend_usd']:>11.4f}{u['budget_usd']:>13.2f}{flag}")
            print(f"Tổng: {sum(u['requests'] for u in rows)} lượt, {sum(u['spend_usd'] for u in rows):.4f} USD.")
        elif args.cmd == "sao-luu":
            print(f"Đã sao lưu vào {ward.backup(args.dest)}")
        elif args.cmd == "kiem-tra":
            lines = ward.check()
            print("\n".join(lines) if lines else "Không thấy dữ liệu nào để kiểm tra — thư mục --state đúng chưa?")
            if any(line.startswith("HỎNG") for line in lines):
                print("Có cơ sở dữ liệu hỏng: khôi phục từ bản sao lưu gần nhất (xem van_hanh.md).")
                return 2
    except WardError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
