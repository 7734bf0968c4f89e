"""Class AI server load test on loopback: N learners drafting at once against `khoahoc serve`.

Starts the real server (llama-cpp-python's OpenAI-compatible server on the course's local GGUF) on a
free 127.0.0.1 port, then for each level of concurrency (default 1, 2, 4, 8 learners) every learner
sends a few streamed chat requests (a short drafting task, greedy, a fixed token budget) one after
another, all learners at once. Reported per level: p50/p95 latency (request → last token, queueing
included), p50 time to first token, total generated tokens/s, and ratios against the 1-learner
baseline of the same run. Bounded: a level is skipped (and said so) once the time budget is spent.

Learners per core: llama.cpp answers one request at a time, so the server's capacity is its total
generated tokens/s at the busiest level (prompt reading included). A learner drafting in class asks
for about one document (`--answer-tokens`, 200 ≈ a short giấy mời) every `--think-s` seconds
(reading, editing, typing in between); keeping the server busy at most 70 % of the time (so queues
stay short) it serves 0.7 · tokens/s · think_s / answer_tokens learners, divided by the threads used.
On a shared machine the server gets only part of its cores, so the script also reads the server's own
CPU time (/proc) and reports tokens per CPU-second: what one core given to the server alone delivers.

    .venv/bin/python benchmarks/class_server.py [--levels 1,2,4,8] [--requests 3] [--tokens 96] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TASKS = [
    "Soạn giấy mời tổ dân phố 3 họp lúc 8 giờ sáng thứ Bảy tại nhà văn hoá để bàn việc tổng vệ sinh.",
    "Viết thông báo ngắn về lịch tiêm chủng cho trẻ em tại trạm y tế phường.",
    "Soạn bài đăng Zalo nhắc người dân nộp thuế sử dụng đất phi nông nghiệp.",
    "Tóm tắt ba ý chính của cuộc họp về phòng, chống sốt xuất huyết.",
    "Viết thông báo loa truyền thanh về việc cắt điện để sửa chữa đường dây.",
    "Trả lời công dân hỏi thủ tục đăng ký khai sinh cần giấy tờ gì.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, threads: int, max_waiting: int, model: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               COURSE_DOTENV=os.devnull)
    proc = subprocess.Popen([sys.executable, "-m", "course", "serve", "--port", str(port), "--threads", str(threads),
                             "--max-waiting", str(max_waiting), *(["--model", model] if model else [])],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 300
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit("khoahoc serve stopped before it was ready")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2):
                return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("khoahoc serve not ready after 300 s")


def one_request(client, model: str, prompt: str, tokens: int) -> dict:
    start = time.perf_counter()
    first = None
    out = 0
    stream = client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": prompt}], max_tokens=tokens, temperature=0,
        stream=True, stream_options={"include_usage": True})
    chunks = 0
    for chunk in stream:
        if chunk.usage:
            out = chunk.usage.completion_tokens or 0
        for choice in chunk.choices or []:
            if choice.delta and choice.delta.content:
                chunks += 1
                if first is None:
                    first = time.perf_counter() - start
    out = out or chunks  # llama-cpp-python's server streams one chunk per token and sends no usage
    total = time.perf_counter() - start
    return {"latency_s": total, "first_token_s": first if first is not None else total, "tokens": out}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run_level(url: str, model: str, learners: int, requests: int, tokens: int, pid: int) -> dict:
    import openai

    results: list[dict] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(learners)

    def learner(i: int) -> None:
        client = openai.OpenAI(base_url=url, api_key="khong-can-khoa", max_retries=0, timeout=600)
        barrier.wait()
        for r in range(requests):
            prompt = TASKS[(i + r) % len(TASKS)]
            try:
                res = one_request(client, model, prompt, tokens)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(type(exc).__name__)
                continue
            with lock:
                results.append(res)

    threads = [threading.Thread(target=learner, args=(i,)) for i in range(learners)]
    cpu0 = cpu_seconds(pid)
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    cpu = cpu_seconds(pid) - cpu0
    lat = [r["latency_s"] for r in results]
    ttft = [r["first_token_s"] for r in results]
    total_tokens = sum(r["tokens"] for r in results)
    return {
        "learners": learners, "requests": len(results), "errors": errors, "wall_s": round(wall, 2),
        "p50_latency_s": round(statistics.median(lat), 2) if lat else None,
        "p95_latency_s": round(pct(lat, 0.95), 2) if lat else None,
        "p50_first_token_s": round(statistics.median(ttft), 2) if ttft else None,
        "tokens_generated": total_tokens,
        "tokens_per_s": round(total_tokens / wall, 2) if wall else None,
        "requests_per_s": round(len(results) / wall, 4) if wall else None,
        "server_cpu_s": round(cpu, 2),
        "tokens_per_server_cpu_s": round(total_tokens / cpu, 2) if cpu else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--levels", default="1,2,4,8")
    ap.add_argument("--requests", type=int, default=3, help="requests per learner per level")
    ap.add_argument("--tokens", type=int, default=96, help="max tokens per answer")
    ap.add_argument("--threads", type=int, default=1, help="CPU threads (cores) the server uses")
    ap.add_argument("--think-s", type=float, default=60.0, help="seconds between one learner's requests in class")
    ap.add_argument("--answer-tokens", type=int, default=200, help="tokens of one drafted document in class")
    ap.add_argument("--budget-s", type=float, default=900.0, help="stop starting new levels after this")
    ap.add_argument("--model", default=None, help="COURSE_LLM_MODEL key to serve (default: the setting, the drafting "
                                                  "model)")
    args = ap.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    port = free_port()
    t0 = time.perf_counter()
    proc = start_server(port, args.threads, max_waiting=max(levels) + 1, model=args.model)
    load_s = time.perf_counter() - t0
    url = f"http://127.0.0.1:{port}/v1"
    try:
        with urllib.request.urlopen(url + "/models", timeout=5) as r:
            model = json.load(r)["data"][0]["id"]
        run_level(url, model, 1, 1, 8, proc.pid)  # warm-up, not reported
        rows, skipped = [], []
        for n in levels + [levels[0]]:  # the baseline again at the end: load drift on a shared machine shows
            if time.perf_counter() - t0 > args.budget_s:
                skipped.append(n)
                continue
            rows.append(run_level(url, model, n, args.requests, args.tokens, proc.pid))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    base = rows[0]
    if len(rows) > 1 and rows[-1]["learners"] == base["learners"]:
        rows[-1]["repeat_of_baseline"] = True
    for row in rows:
        row["tokens_per_s_vs_1"] = round(row["tokens_per_s"] / base["tokens_per_s"], 2) if base["tokens_per_s"] else None
        row["p50_latency_vs_1"] = round(row["p50_latency_s"] / base["p50_latency_s"], 2) if base["p50_latency_s"] else None
    top = max(r["learners"] for r in rows)
    saturated = [r for r in rows if r["learners"] == top][0]  # the busiest level: the server never idles
    rate = saturated["tokens_per_s"] or 0.0
    learners_total = 0.7 * rate * args.think_s / args.answer_tokens
    # On a shared machine the server gets only part of its cores; tokens per CPU-second of the server is what
    # a core given to it alone delivers (the figure a ward plans with), measured at the same busiest level.
    per_cpu = saturated["tokens_per_server_cpu_s"] or 0.0
    learners_per_dedicated_core = 0.7 * per_cpu * args.think_s / args.answer_tokens
    print(json.dumps({
        "benchmark": "class_server", "model": model, "server_threads": args.threads, "cpu_count": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2), "server_start_s": round(load_s, 1),
        "tokens_per_answer": args.tokens, "requests_per_learner": args.requests, "levels": rows,
        "skipped_levels_for_time": skipped,
        "planning": {"think_s": args.think_s, "answer_tokens": args.answer_tokens, "saturated_learners": top,
                     "saturated_tokens_per_s": rate, "target_utilisation": 0.7,
                     "learners_total_here": round(learners_total, 1),
                     "learners_per_core_here": round(learners_total / args.threads, 1),
                     "saturated_tokens_per_server_cpu_s": per_cpu,
                     "learners_per_dedicated_core": round(learners_per_dedicated_core, 1)},
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
