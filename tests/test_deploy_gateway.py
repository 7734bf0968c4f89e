"""The ward's shared AI gateway under class load: a real LiteLLM proxy (deploy/gateway) on 127.0.0.1.

≥ 200 simulated learners, each with its own gateway key, send requests at once through LiteLLM to
a fake OpenAI-wire upstream on loopback (tests/wire_server.py) that rate-limits with 429s.
Checked: every request answered exactly once (none lost, none duplicated upstream), usage logged
per learner, budgets and per-key rate limits enforced by LiteLLM, p50/p95 latency reported.

Opt-in (starts LiteLLM, ~1–2 min on 2 cores): COURSE_DEPLOY_TESTS=1.
COURSE_DEPLOY_GATEWAY_LEARNERS (default 200) and COURSE_DEPLOY_GATEWAY_ROUNDS (default 2) size it.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from tests.hub_runner import stop
from tests.wire_server import Scripted, wire_server

ROOT = Path(__file__).resolve().parent.parent
GATEWAY_DIR = ROOT / "deploy" / "gateway"
sys.path.insert(0, str(GATEWAY_DIR))
import ward_gateway  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("COURSE_DEPLOY_TESTS") != "1",
                       reason="tải nặng: đặt COURSE_DEPLOY_TESTS=1 để chạy"),
    pytest.mark.skipif(shutil.which("litellm", path=str(Path(sys.executable).parent)) is None,
                       reason="cần gói tùy chọn deploy: pip install -e '.[deploy]'"),
]

N_LEARNERS = int(os.environ.get("COURSE_DEPLOY_GATEWAY_LEARNERS", "200"))
ROUNDS = int(os.environ.get("COURSE_DEPLOY_GATEWAY_ROUNDS", "2"))
SECRET = "ward-secret-for-tests"
UPSTREAM_KEY = "khoa-cua-phuong-gia"  # stands for the ward's provider key
# The fake upstream answers ~120 tokens, so a call costs ~7e-5 USD at gpt-4o-mini prices.
REPLY_WORDS = 120


class TokenBucket:
    """Upstream rate limit: `rate` requests/s with bursts of `burst`; beyond it, HTTP 429."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.capacity, self.tokens = rate, burst, float(burst)
        self.stamp = time.monotonic()
        self.lock = threading.Lock()
        self.refused = 0

    def take(self) -> bool:
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1:
                self.tokens -= 1
                return True
            self.refused += 1
            return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    """A private Redis on loopback (Debian's redis-server) for LiteLLM's shared rate-limit counters."""
    exe = shutil.which("redis-server")
    if exe is None:
        yield None
        return
    port = _free_port()
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path_factory.mktemp("redis"))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def gateway(tmp_path_factory, redis_port):
    """Fake upstream + LiteLLM proxy with the shipped config; yields a small namespace."""
    import httpx

    tmp = tmp_path_factory.mktemp("gateway")
    served: Counter[str] = Counter()
    lock = threading.Lock()

    def reply(prompt: str) -> str:
        with lock:
            served[prompt] += 1
        return f"[{prompt}] " + " ".join(["trả lời"] * (REPLY_WORDS // 2))

    bucket = TokenBucket(rate=max(10.0, N_LEARNERS / 10), burst=10)
    # http.server's listen backlog is 5: 200 simultaneous connections would wait on SYN retransmits
    # (1 s, 3 s, 7 s, ...) and measure the kernel, not the gateway. A real provider accepts them all.
    with contextlib.ExitStack() as stack:
        stack.enter_context(pytest.MonkeyPatch.context()).setattr(
            http.server.ThreadingHTTPServer, "request_queue_size", 1024)
        up = stack.enter_context(wire_server(tmp))
        up.reply = reply
        up.next_script = lambda: Scripted() if bucket.take() else Scripted(
            429, code="rate_limit_exceeded", message="Rate limit reached", headers={"Retry-After": "0.5"})
        db = tmp / "ward_gateway.sqlite3"
        port = _free_port()
        env = dict(os.environ, WARD_GATEWAY_DB=str(db), OPENAI_API_KEY=UPSTREAM_KEY,
                   WARD_OPENAI_BASE_URL=up.openai_url, GEMINI_API_KEY="khong-dung",
                   LITELLM_MASTER_KEY="sk-master-" + uuid.uuid4().hex, LITELLM_LOCAL_MODEL_COST_MAP="True",
                   NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
        if redis_port is not None:
            env.update(REDIS_HOST="127.0.0.1", REDIS_PORT=str(redis_port))
        log = (tmp / "litellm.log").open("w")
        exe = str(Path(sys.executable).parent / "litellm")
        proc = subprocess.Popen([exe, "--config", str(GATEWAY_DIR / "litellm_config.yaml"), "--host", "127.0.0.1",
                                 "--port", str(port), "--telemetry", "False", "--num_workers", "1"],
                                env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp)
        base = f"http://127.0.0.1:{port}"
        try:
            t0 = time.monotonic()
            while time.monotonic() - t0 < 240:
                if proc.poll() is not None:
                    pytest.fail("LiteLLM dừng khi khởi động:\n" + (tmp / "litellm.log").read_text()[-3000:])
                try:
                    if httpx.get(base + "/health/liveliness", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.5)
            else:
                pytest.fail("LiteLLM không sẵn sàng sau 240 s")
            startup_s = time.monotonic() - t0
            yield type("GW", (), dict(base=base, up=up, served=served, bucket=bucket,
                                      ledger=ward_gateway.Ledger(db), startup_s=startup_s, tmp=tmp,
                                      redis=redis_port is not None))
        finally:
            stop(proc, 20)
            log.close()


async def _chat(client, base: str, key: str, prompt: str, max_tokens: int = 200):
    t = time.perf_counter()
    r = await client.post(base + "/v1/chat/completions", headers={"Authorization": f"Bearer {key}"},
                          json={"model": "gpt-4o-mini", "max_tokens": max_tokens,
                                "messages": [{"role": "user", "content": prompt}]})
    return r, time.perf_counter() - t


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


async def _burst(base: str, key: str, n: int) -> list[int]:
    import httpx

    async with httpx.AsyncClient(timeout=120) as client:
        rs = await asyncio.gather(*(_chat(client, base, key, f"rpm-{uuid.uuid4().hex[:6]}", max_tokens=20)
                                    for _ in range(n)))
    return [r.status_code for r, _ in rs]


def test_rate_limit_and_bad_key(gateway):
    """LiteLLM's limiter enforces a key's rpm; an unknown key gets 401; a blocked key too.

    Runs before the class load on purpose: LiteLLM keeps rate-limit counters in an in-memory cache
    capped at 200 entries (caching/in_memory_cache.py), so with 200+ active keys they are evicted
    and per-key rpm stops being enforced unless Redis holds them (deploy/README.md; checked below).
    """
    import httpx

    key = gateway.ledger.issue(SECRET, "vo-van", max_budget_usd=1.0, rpm_limit=3, max_parallel=None)
    codes = asyncio.run(_burst(gateway.base, key, 6))  # six at once: inside one minute whatever the load
    assert codes.count(200) == 3 and codes.count(429) == 3, codes
    with httpx.Client(timeout=60) as client:
        bad = client.post(gateway.base + "/v1/chat/completions", headers={"Authorization": "Bearer sk-ward-gia"},
                          json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]})
        assert bad.status_code == 401, bad.text
        gateway.ledger.block("vo-van")
        blocked = client.post(gateway.base + "/v1/chat/completions", headers={"Authorization": f"Bearer {key}"},
                              json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]})
        assert blocked.status_code == 401


def test_class_load_nothing_lost_or_duplicated(gateway):
    """N learners at once, ROUNDS requests each, through LiteLLM to a 429-ing upstream."""
    import httpx

    keys = {f"hv{i:03d}": gateway.ledger.issue(SECRET, f"hv{i:03d}", max_budget_usd=1.0, rpm_limit=120)
            for i in range(N_LEARNERS)}
    latencies: list[float] = []
    failures: list[str] = []

    async def learner(client, name: str, key: str, start: asyncio.Event):
        await start.wait()  # everyone fires together
        for j in range(ROUNDS):
            prompt = f"{name}-r{j}-{uuid.uuid4().hex[:8]}"
            r, dt = await _chat(client, gateway.base, key, prompt)
            if r.status_code != 200:
                failures.append(f"{prompt}: HTTP {r.status_code} {r.text[:200]}")
                continue
            text = r.json()["choices"][0]["message"]["content"]
            if not text.startswith(f"[{prompt}]"):
                failures.append(f"{prompt}: got someone else's answer {text[:60]}")
            latencies.append(dt)

    async def run() -> float:
        limits = httpx.Limits(max_connections=N_LEARNERS + 10, max_keepalive_connections=N_LEARNERS + 10)
        async with httpx.AsyncClient(timeout=180, limits=limits) as client:
            start = asyncio.Event()
            tasks = [asyncio.create_task(learner(client, n, k, start)) for n, k in keys.items()]
            await asyncio.sleep(0.2)
            t0 = time.perf_counter()
            start.set()
            await asyncio.gather(*tasks)
            return time.perf_counter() - t0

    wall = asyncio.run(run())
    total = N_LEARNERS * ROUNDS
    assert not failures, f"{len(failures)}/{total} yêu cầu hỏng, ví dụ: {failures[:3]}"
    ours = {p: c for p, c in gateway.served.items() if p.startswith("hv")}
    assert len(ours) == total, f"upstream trả lời {len(ours)} yêu cầu khác nhau, cần {total}"
    dup = {p: c for p, c in ours.items() if c != 1}
    assert not dup, f"yêu cầu bị gửi lặp tới upstream: {list(dup.items())[:3]}"
    assert gateway.bucket.refused > 0, "upstream giả chưa hề giới hạn tốc độ — phép thử không có ý nghĩa"
    # The upstream only ever saw the ward's key, never a learner's.
    auths = {rec.headers.get("Authorization") or rec.headers.get("authorization") for rec in gateway.up.requests}
    assert auths == {f"Bearer {UPSTREAM_KEY}"}
    # Usage is logged per learner (LiteLLM's success callback runs just after the answer).
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        usage = {u["learner"]: u for u in gateway.ledger.usage() if u["learner"] in keys}
        if sum(u["requests"] for u in usage.values()) >= total:
            break
        time.sleep(0.5)
    wrong = {n: u["requests"] for n, u in usage.items() if u["requests"] != ROUNDS}
    assert len(usage) == N_LEARNERS and not wrong, f"nhật ký sử dụng thiếu hoặc thừa: {list(wrong.items())[:5]}"
    assert all(u["spend_usd"] > 0 for u in usage.values())
    figures = {"learners": N_LEARNERS, "requests": total, "wall_s": round(wall, 2),
               "throughput_rps": round(total / wall, 1), "p50_s": round(_pct(latencies, 0.5), 3),
               "p95_s": round(_pct(latencies, 0.95), 3), "max_s": round(max(latencies), 3),
               "upstream_429": gateway.bucket.refused, "gateway_startup_s": round(gateway.startup_s, 1)}
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "deploy_gateway.json").write_text(json.dumps(figures, indent=2))
    print("\nGATEWAY", json.dumps(figures))


def test_rate_limit_holds_after_class_load(gateway):
    """With Redis (as deploy/README.md recommends), per-key rpm still holds once 200+ keys are active."""
    if not gateway.redis:
        pytest.skip("cần redis-server (gói Debian) — không có Redis, LiteLLM chỉ giữ 200 bộ đếm trong bộ nhớ")
    key = gateway.ledger.issue(SECRET, "sau-gio-cao-diem", max_budget_usd=1.0, rpm_limit=3, max_parallel=None)
    codes = asyncio.run(_burst(gateway.base, key, 6))
    assert codes.count(200) == 3 and codes.count(429) == 3, codes


def test_budget_is_enforced(gateway):
    """A learner with a small budget is refused once spend (+ LiteLLM's reservation) would pass it."""
    import httpx

    budget = 0.0006  # ~ 5–8 calls of ~7e-5 USD; LiteLLM reserves max_tokens × price before each call
    key = gateway.ledger.issue(SECRET, "tiet-kiem", max_budget_usd=budget, rpm_limit=1000)
    ok = refused = 0
    with httpx.Client(timeout=60) as client:
        for i in range(40):
            r = client.post(gateway.base + "/v1/chat/completions", headers={"Authorization": f"Bearer {key}"},
                            json={"model": "gpt-4o-mini", "max_tokens": 200,
                                  "messages": [{"role": "user", "content": f"budget-{i}"}]})
            if r.status_code == 200:
                ok += 1
                time.sleep(0.3)  # let the success callback write the ledger, as a human would pause
                continue
            assert "budget" in r.text.lower(), r.text
            refused += 1
            break
    assert ok >= 1 and refused == 1, (ok, refused)
    spend = next(u["spend_usd"] for u in gateway.ledger.usage() if u["learner"] == "tiet-kiem")
    assert spend <= budget, f"chi tiêu {spend} vượt ngân sách {budget}"


def test_course_compatible_provider_through_gateway(gateway, monkeypatch):
    """course.llm.ask(provider="compatible") reaches the gateway with a learner key, PII guard first.

    The gateway listens on 127.0.0.1 but forwards to the cloud: the hub sets COURSE_COMPATIBLE_IS_CLOUD=1,
    so the learner's CCCD number is redacted before it leaves the learner's server.
    """
    from course.llm import ask

    key = gateway.ledger.issue(SECRET, "hoc-vien-sdk", max_budget_usd=1.0, rpm_limit=100)
    for name, value in {"COURSE_LLM_PROVIDER": "compatible", "OPENAI_BASE_URL": gateway.base + "/v1",
                        "OPENAI_API_KEY": key, "COMPATIBLE_MODEL": "gpt-4o-mini", "COURSE_COMPATIBLE_IS_CLOUD": "1",
                        "COURSE_DOTENV": str(ROOT / "tests" / "no.env")}.items():
        monkeypatch.setenv(name, value)
    cccd = "001203012345"
    ans = ask(f"sdk-xin-chao. Số CCCD của tôi là {cccd}, hãy ghi vào đơn.", provider="compatible",
              max_tokens=50, use_cache=False)
    assert ans.error is None, ans.error
    assert "sdk-xin-chao" in ans.text
    assert ans.redactions, "bộ lọc thông tin cá nhân chưa chạy trước khi gửi qua cổng"
    sent = [rec.body for rec in gateway.up.requests if "sdk-xin-chao" in rec.body]
    assert sent and all(cccd not in body for body in sent), "số CCCD đã lọt ra nhà cung cấp"
