"""Local model speed: `course.llm.ask` vs raw llama-cpp-python, same prompt, same process, same run.

Both arms use the one loaded Gemma 3 270M (`course.llm.local.get_llama()`), the same few-shot
prompt, greedy decoding and the same stop strings, with the KV cache cleared before every run so
the time to first token includes reading the prompt. Runs alternate (raw, course, raw, ...) so
background load hits both arms alike; medians are reported with the course/raw ratios.

    .venv/bin/python benchmarks/llm_local.py [--tokens 64] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("COURSE_DOTENV", os.devnull)
os.environ["COURSE_LLM_PROVIDER"] = "local"

from course.llm import ask, local  # noqa: E402

QUESTION = "Hãy kể ra thật chi tiết các công việc hằng ngày của cán bộ tư pháp - hộ tịch ở phường."


def run_raw(prompt: str, max_tokens: int) -> tuple[float, float, int]:
    llm = local.get_llama()
    llm.reset()
    n_prompt = len(llm.tokenize(prompt.encode("utf-8")))
    start = time.perf_counter()
    first = None
    finish = ""
    for chunk in llm.create_completion(prompt, max_tokens=max_tokens, temperature=0.0, top_k=1, top_p=1.0,
                                       min_p=0.0, stop=local.STOP, stream=True, seed=0):
        choice = chunk["choices"][0]
        if choice.get("text") and first is None:
            first = time.perf_counter() - start
        finish = choice.get("finish_reason") or finish
    total = time.perf_counter() - start
    tokens = min(max_tokens, int(llm.n_tokens) - n_prompt + (1 if finish == "length" else 0))
    return first or total, total, tokens


INSIDE = [0.0]  # seconds spent inside llama-cpp-python during the course arm


def _timed_create_completion(original):
    """Wrap Llama.create_completion to add the time spent inside it (and its stream) to INSIDE."""

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        result = original(*args, **kwargs)
        INSIDE[0] += time.perf_counter() - t
        if not kwargs.get("stream"):
            return result

        def stream():
            it = iter(result)
            while True:
                t = time.perf_counter()
                try:
                    chunk = next(it)
                except StopIteration:
                    INSIDE[0] += time.perf_counter() - t
                    return
                INSIDE[0] += time.perf_counter() - t
                yield chunk

        return stream()

    return wrapper


def run_course(max_tokens: int) -> tuple[float, float, int]:
    local.get_llama().reset()
    start = time.perf_counter()
    first: list[float] = []

    def on_token(_: str) -> None:
        if not first:
            first.append(time.perf_counter() - start)

    ans = ask(QUESTION, provider="local", temperature=0, max_tokens=max_tokens, seed=0, on_token=on_token,
              use_cache=False)
    total = time.perf_counter() - start
    if not ans.ok:
        raise SystemExit(f"course.llm failed: {ans.error}")
    return (first[0] if first else total), total, ans.tokens_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    load_start = time.perf_counter()
    local.get_llama()
    print(f"model load: {time.perf_counter() - load_start:.2f} s, threads={local.get_llama().n_threads}")
    prompt = local.frame_prompt(QUESTION)
    run_raw(prompt, 4)  # warm-up both paths once
    run_course(4)
    llm = local.get_llama()
    raw_create = llm.create_completion
    raw, course = [], []
    overhead: list[float] = []
    for _ in range(args.repeats):
        raw.append(run_raw(prompt, args.tokens))
        INSIDE[0] = 0.0
        llm.create_completion = _timed_create_completion(raw_create)
        try:
            course.append(run_course(args.tokens))
        finally:
            del llm.create_completion  # back to the class method
        overhead.append(course[-1][1] - INSIDE[0])

    def summary(rows: list[tuple[float, float, int]], pick) -> tuple[float, float, float, int]:
        ttft = pick([r[0] for r in rows], low=True)
        tps = pick([r[2] / r[1] for r in rows], low=False)  # end-to-end tokens per second
        decode = pick([(r[2] - 1) / max(1e-9, r[1] - r[0]) for r in rows], low=False)
        return ttft, tps, decode, rows[0][2]

    def best(values: list[float], low: bool) -> float:
        return min(values) if low else max(values)

    def median(values: list[float], low: bool) -> float:
        return statistics.median(values)

    # On a shared machine the best run of each arm is the least disturbed one; medians shown too.
    results = {}
    for title, pick in (("best of runs", best), ("median", median)):
        r_ttft, r_tps, r_dec, r_tok = summary(raw, pick)
        c_ttft, c_tps, c_dec, c_tok = summary(course, pick)
        print(f"-- {title} ({args.repeats} runs per arm, {args.tokens} max tokens)")
        print(f"{'':8}{'TTFT s':>9}{'tok/s':>9}{'decode tok/s':>14}{'tokens':>8}")
        print(f"{'raw':8}{r_ttft:9.3f}{r_tps:9.1f}{r_dec:14.1f}{r_tok:8d}")
        print(f"{'course':8}{c_ttft:9.3f}{c_tps:9.1f}{c_dec:14.1f}{c_tok:8d}")
        print(f"ratio course/raw: throughput {c_tps / r_tps:.3f}x (target >= 0.95), decode {c_dec / r_dec:.3f}x, "
              f"TTFT {c_ttft / r_ttft:.3f}x (course TTFT {c_ttft:.3f} s; target <= 0.3 s on 2 idle cores)")
        results[title] = {"raw": {"ttft_s": round(r_ttft, 4), "tokens_per_s": round(r_tps, 2)},
                          "course": {"ttft_s": round(c_ttft, 4), "tokens_per_s": round(c_tps, 2)},
                          "throughput_ratio": round(c_tps / r_tps, 4)}

    print(f"course.llm's own time per call (outside llama-cpp-python): median {statistics.median(overhead) * 1000:.1f} ms, "
          f"max {max(overhead) * 1000:.1f} ms — load-independent measure of the wrapper's cost")
    results["wrapper_ms_median"] = round(statistics.median(overhead) * 1000, 2)
    print(json.dumps({"llm_local": {"tokens": args.tokens, "repeats": args.repeats, **results}}))


if __name__ == "__main__":
    main()
