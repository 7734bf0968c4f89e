"""Fast checks of the class-server configuration in deploy/ (no servers started; runs in every `make test`)."""

from __future__ import annotations

import asyncio
import dbm
import os
import sqlite3
import sys
import tarfile
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(DEPLOY))
sys.path.insert(0, str(DEPLOY / "gateway"))
sys.path.insert(0, str(DEPLOY / "hub"))
import ward_gateway  # noqa: E402
import wardctl  # noqa: E402

COURSE = "ai_can_bo_co_so"


def test_hub_config_for_a_ward(tmp_path):
    traitlets = pytest.importorskip("traitlets.config")
    from ward_hub import configure

    c = traitlets.Config()
    configure(c, course=COURSE, state=tmp_path / "state", admins=["giangvien"], instructors=["giangvien"],
              course_root=tmp_path / "grading", gateway_url="http://127.0.0.1:4000/v1")
    assert c.JupyterHub.authenticator_class == "firstuseauthenticator.FirstUseAuthenticator"
    assert c.FirstUseAuthenticator.create_users is False
    assert c.JupyterHub.spawner_class == "jupyterhub.spawner.LocalProcessSpawner"  # never the test spawner
    assert c.Spawner.mem_limit == "1G" and c.Spawner.cpu_limit == 0.5
    assert set(c.JupyterHub.load_groups) == {f"formgrade-{COURSE}", f"nbgrader-{COURSE}"}
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert roles[f"formgrade-{COURSE}"]["scopes"] == [f"access:services!service={COURSE}"]
    services = {s["name"]: s for s in c.JupyterHub.services}
    assert services[COURSE]["user"] == f"grader-{COURSE}"
    assert services[COURSE]["cwd"] == str(tmp_path / "grading")
    assert len(services["ward-admin"]["api_token"]) == 64
    assert (tmp_path / "state" / "admin_token").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "state" / "exchange").stat().st_mode & 0o777 == 0o777
    assert (tmp_path / "state" / "exchange" / "tien_do").stat().st_mode & 0o1777 == 0o1777  # practice progress
    assert (tmp_path / "state" / "hub_api_url").read_text() == "http://127.0.0.1:8081/hub/api"  # for wardctl

    env = c.Spawner.environment.get_value({})
    assert env["COURSE_ID"] == COURSE and env["OPENAI_BASE_URL"].endswith("/v1")
    assert "OPENAI_API_KEY" not in env  # per learner, in the pre-spawn hook

    class FakeSpawner:  # the hook's whole interface: .user.name and .environment
        environment: dict = {}
        user = type("U", (), {"name": "nguyenvana"})

    c.Spawner.pre_spawn_hook(FakeSpawner)
    secret = (tmp_path / "state" / "gateway_secret").read_text()
    assert FakeSpawner.environment["OPENAI_API_KEY"] == ward_gateway.learner_key(secret, "nguyenvana")
    assert env["COMPATIBLE_MODEL"] == "gpt-4o-mini" and env["COURSE_COMPATIBLE_IS_CLOUD"] == "1"


def test_hub_config_for_a_ward_without_cloud(tmp_path):
    """WARD_GATEWAY_MODEL=may-chu-lop: learners use the class AI server through the gateway; nothing is cloud."""
    traitlets = pytest.importorskip("traitlets.config")
    from ward_hub import configure

    c = traitlets.Config()
    configure(c, course=COURSE, state=tmp_path / "state", admins=["giangvien"], instructors=["giangvien"],
              course_root=tmp_path / "grading", gateway_url="http://127.0.0.1:4000/v1", gateway_model="may-chu-lop")
    env = c.Spawner.environment.get_value({})
    assert env["COMPATIBLE_MODEL"] == "may-chu-lop" and "COURSE_COMPATIBLE_IS_CLOUD" not in env
    litellm_cfg = yaml.safe_load((DEPLOY / "gateway" / "litellm_config.yaml").read_text())
    local = next(m for m in litellm_cfg["model_list"] if m["model_name"] == "may-chu-lop")
    assert local["litellm_params"]["api_base"] == "os.environ/WARD_CLASS_SERVER_URL"
    assert local["model_info"]["input_cost_per_token"] == local["model_info"]["output_cost_per_token"] == 0


def test_no_dummy_authenticator_outside_tests():
    for path in DEPLOY.rglob("*"):
        if path.is_file() and path.suffix in {".py", ".yaml", ".yml"}:
            text = path.read_text(encoding="utf-8").lower()
            assert "dummyauthenticator" not in text and "authenticator_class: dummy" not in text, path


def test_yaml_files_parse_and_point_at_real_code():
    litellm_cfg = yaml.safe_load((DEPLOY / "gateway" / "litellm_config.yaml").read_text())
    mod, fn = litellm_cfg["general_settings"]["custom_auth"].split(".")
    assert mod == "ward_gateway" and callable(getattr(ward_gateway, fn))
    assert litellm_cfg["litellm_settings"]["callbacks"] == "ward_gateway.ledger_logger"
    assert litellm_cfg["general_settings"]["custom_auth_run_common_checks"] is True
    tljh = yaml.safe_load((DEPLOY / "tljh" / "config.yaml").read_text())
    assert tljh["auth"]["type"].endswith("FirstUseAuthenticator") and tljh["limits"]["memory"] == "1G"
    z2jh = yaml.safe_load((DEPLOY / "z2jh" / "values.yaml").read_text())
    assert z2jh["singleuser"]["memory"]["limit"] == "1G"
    assert f"formgrade-{COURSE}" in z2jh["hub"]["loadRoles"]


def test_read_learners_csv(tmp_path):
    good = tmp_path / "lop.csv"
    good.write_text("\ufefften_dang_nhap,ho_ten,vai_tro,ngan_sach_usd\n"
                    "NguyenVanA,Nguyễn Văn A,,\n,Lê Thị Đào,hoc_vien,\"0,3\"\ngv,Phạm Hà,giang_vien,1\n",
                    encoding="utf-8")
    learners = wardctl.read_learners(good)
    assert [lr.username for lr in learners] == ["nguyenvana", "lethidao", "gv"]
    assert learners[1].budget_usd == pytest.approx(0.3) and learners[2].role == "giang_vien"
    assert all(unicodedata.is_normalized("NFC", lr.full_name) for lr in learners)

    bad = tmp_path / "sai.csv"
    bad.write_text("ten_dang_nhap,ho_ten,vai_tro,ngan_sach_usd\nan,An,hoc_vien,\nan,An 2,hoc_vien,\n"
                   "b c,B,hoc_vien,\nd,D,truong_phong,\ne,E,hoc_vien,nhieu\n", encoding="utf-8")
    with pytest.raises(wardctl.WardError) as err:
        wardctl.read_learners(bad)
    msg = str(err.value)
    assert "chưa thêm ai" in msg and msg.count("dòng") == 4  # every problem listed at once
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("ten_dang_nhap,ho_ten\nan,Nguyễn\n".encode("utf-16"))
    with pytest.raises(wardctl.WardError, match="UTF-8"):
        wardctl.read_learners(latin1)


def test_ledger_keys_budgets_and_usage(tmp_path):
    db = tmp_path / "gw.sqlite3"
    ledger = ward_gateway.Ledger(db)
    k1 = ledger.issue("bi-mat", "an", max_budget_usd=0.5, rpm_limit=20)
    assert k1 == ward_gateway.learner_key("bi-mat", "an") != ward_gateway.learner_key("bi-mat", "binh")
    assert ledger.issue("bi-mat", "an", max_budget_usd=0.7) == k1  # re-issuing updates limits, same key
    row = ledger.lookup(k1)
    assert row.learner == "an" and row.max_budget_usd == 0.7 and row.spend_usd == 0
    ledger.record("call-1", "an", "gpt-4o-mini", 10, 20, 0.01, 0.2)
    ledger.record("call-1", "an", "gpt-4o-mini", 10, 20, 0.01, 0.2)  # same call logged twice: charged once
    ledger.record("call-2", "an", "gpt-4o-mini", 5, 5, 0.02, 0.2)
    assert ledger.lookup(k1).spend_usd == pytest.approx(0.03)
    assert ledger.lookup("sk-ward-khong-co") is None
    usage = ledger.usage()
    assert usage[0]["requests"] == 2 and usage[0]["tokens_out"] == 25
    assert k1.encode() not in db.read_bytes()  # only the hash is stored


def test_custom_auth_hands_budget_to_litellm(tmp_path, monkeypatch):
    pytest.importorskip("litellm.proxy._types")
    from litellm.proxy._types import ProxyException

    monkeypatch.setenv("WARD_GATEWAY_DB", str(tmp_path / "gw.sqlite3"))
    key = ward_gateway.ledger().issue("bi-mat", "an", max_budget_usd=0.25, rpm_limit=7, max_parallel=2)
    auth = asyncio.run(ward_gateway.user_api_key_auth(None, f"Bearer {key}"))
    assert (auth.user_id, auth.max_budget, auth.rpm_limit, auth.max_parallel_requests) == ("an", 0.25, 7, 2)
    assert auth.api_key != key  # LiteLLM only ever sees the hash
    with pytest.raises(ProxyException) as err:
        asyncio.run(ward_gateway.user_api_key_auth(None, "Bearer sk-ward-gia"))
    assert err.value.code == "401"


def test_reset_password_backup_and_check(tmp_path, monkeypatch):
    state = tmp_path / "state"
    (state / "exchange").mkdir(parents=True)
    (state / "exchange").chmod(0o755)
    (state / "home" / "an").mkdir(parents=True)
    (state / "home" / "an" / "bai_lam.ipynb").write_text("{}")
    with dbm.open(str(state / "passwords.dbm"), "c") as db:
        db["an"] = b"$2b$hash"
    grading = tmp_path / "grading"
    grading.mkdir()
    with sqlite3.connect(grading / "gradebook.db") as con:
        con.execute("CREATE TABLE grade(id INTEGER, score REAL)")
        con.execute("INSERT INTO grade VALUES (1, 0.5)")
    monkeypatch.setenv("WARD_COURSE_ROOT", str(grading))
    ward = wardctl.Ward(state, "http://127.0.0.1:9/hub/api", COURSE, tmp_path / "gw" / "gw.sqlite3", 0.5, 20)

    ward.reset_password("an")
    with dbm.open(str(state / "passwords.dbm"), "r") as db:
        assert b"an" not in db
    with pytest.raises(wardctl.WardError, match="chưa đặt mật khẩu"):
        ward.reset_password("an")

    archive = ward.backup(tmp_path / "usb")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert any(n.endswith("gradebook.db") and n.startswith("db/") for n in names)
    assert "state/home/an/bai_lam.ipynb" in names and any(n.startswith("course/grading") for n in names)

    report = ward.check()
    assert any(line.startswith("ỔN") and "gradebook.db" in line for line in report)
    assert any("ĐÃ SỬA" in line for line in report) and (state / "exchange").stat().st_mode & 0o777 == 0o777
    (grading / "gradebook.db").write_bytes(b"SQLite format 3\x00" + os.urandom(4096))  # torn by a power cut
    assert wardctl.main(["--state", str(state), "--gateway-db", str(tmp_path / "gw" / "gw.sqlite3"),
                         "kiem-tra"]) == 2


def test_unreachable_hub_is_a_clear_vietnamese_error(tmp_path, capsys):
    state = tmp_path / "state"
    state.mkdir()
    (state / "admin_token").write_text("x")
    csv_path = tmp_path / "lop.csv"
    csv_path.write_text("ten_dang_nhap,ho_ten,vai_tro,ngan_sach_usd\nan,An,hoc_vien,\n", encoding="utf-8")
    rc = wardctl.main(["--state", str(state), "--hub-api", "http://127.0.0.1:9/hub/api",
                       "--gateway-db", str(tmp_path / "none" / "x.sqlite3"), "them-hoc-vien", str(csv_path)])
    assert rc == 1
    err = capsys.readouterr().err
    assert "Không kết nối được JupyterHub" in err and "Traceback" not in err


def test_runbook_is_vietnamese_and_complete():
    text = (DEPLOY / "van_hanh.md").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    for topic in ("Khởi động", "Thêm học viên", "Đặt lại mật khẩu", "Theo dõi", "Sao lưu", "mất điện"):
        assert topic in text, topic
    for cmd in ("them-hoc-vien", "dat-lai-mat-khau", "su-dung", "sao-luu", "kiem-tra"):
        assert cmd in text, cmd
