"""Drafting task set: structured drafting vs free-form chat, on the local models, same run.

Arms (every task of the chosen subset goes through each):
- `structured:<model>`: `course.documents.drafting.draft_from_notes` — the model fills the type's JSON form
  under a grammar, the course grounds it in the notes and writes/checks the document;
- `free:<model>`: the same notes as a plain request through `course.llm.ask` (what a learner would type);
- `wire:<model>`: the structured arm through the wire, as a cloud gets it: `khoahoc serve --model <model>` on
  loopback, the drafts sent by the `compatible` provider as OpenAI structured outputs, with the PII guard on
  (COURSE_COMPATIBLE_IS_CLOUD=1: names become placeholders on the wire and are restored in the answer).
The baseline is free-form Gemma 3 270M (what the course used before); ratios are against it. Timing: first
token and whole giấy mời for the structured arm, model RAM (resident memory added by loading and running the
model). Tasks run grouped by type so the form's shared prompt stays in the model's cache, as in class.

    nice -n 10 .venv/bin/python benchmarks/drafting.py [--per-type 2] [--arms structured:qwen2.5-coder-1.5b ...]
        [--offset 0] [--threads 2] [--details out.json] [--timing-only MODEL]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import time

os.environ.setdefault("COURSE_DOTENV", os.devnull)
os.environ["COURSE_LLM_PROVIDER"] = "local"

DEFAULT_ARMS = ["free:gemma-3-270m", "structured:qwen2.5-coder-1.5b", "free:qwen2.5-coder-1.5b"]


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_arm(arm: str, tasks: list, details: dict) -> dict:
    from course.documents.drafting import DraftingError, draft_from_notes
    from course.documents.evaluation import TODAY, Score, score_freeform, score_structured, task_prompt
    from course.llm import ask, local

    mode, model = arm.split(":", 1)
    os.environ["COURSE_LLM_MODEL"] = model
    before = rss_mb()
    t_load = time.perf_counter()
    if mode != "wire":  # the wire arm's model lives in the class server's process
        local.get_llama(model)
    load_s = time.perf_counter() - t_load
    scores, latencies, firsts, invitation = [], [], [], []
    for task in tasks:
        start = time.perf_counter()
        if mode in ("structured", "wire"):
            try:
                result = draft_from_notes(task.notes, task.type, today=TODAY)
                score = score_structured(task, result)
                if result.fill and result.fill.first_token_s is not None:
                    firsts.append(result.fill.first_token_s)
                text = result.text or "\n".join(result.questions)
                extra = {"fields": result.fill.fields if result.fill else {}, "warnings": result.warnings,
                         "raw": result.fill.raw if result.fill else "", "attempts": result.fill.attempts if
                         result.fill else 0, "questions": result.questions}
            except DraftingError as exc:
                score, text, extra = Score(task.id, False, [str(exc)]), "", {}
        else:
            ans = ask(task_prompt(task), max_tokens=400, temperature=0.0, use_cache=False)
            text = ans.text if ans.ok else ans.error
            score = score_freeform(task, text)
            extra = {}
        took = time.perf_counter() - start
        latencies.append(took)
        if task.type == "giay-moi" and not task.ask:
            invitation.append(took)
        scores.append(score)
        details.setdefault(arm, []).append({"task": task.id, "passed": score.passed, "failures": score.failures,
                                            "model_invented": score.model_invented,
                                            "seconds": round(took, 1), "text": text, **extra})
        print(f"{arm} {task.id} {'ĐẠT' if score.passed else 'TRƯỢT'} {took:.1f}s {score.failures[:2]}", flush=True)
        if details.get("_path"):  # written after every task: a long run stopped halfway keeps its answers
            with open(details["_path"], "w", encoding="utf-8") as fh:
                json.dump({k: v for k, v in details.items() if k != "_path"}, fh, ensure_ascii=False, indent=1)
    passed = sum(s.passed for s in scores)
    return {
        # tasks where the model's own values held a figure the notes lack (the grounding dropped it)
        "model_invented_figure": sum(bool(s.model_invented) for s in scores) if mode == "structured" else None,
        "per_type": _per_type([(t.type, s.passed) for t, s in zip(tasks, scores, strict=True)]),
        "arm": arm, "tasks": len(scores), "passed": passed, "pass_rate": round(passed / max(1, len(scores)), 3),
        "load_s": round(load_s, 2), "model_ram_mb": round(rss_mb() - before, 0),
        "median_task_s": round(statistics.median(latencies), 1) if latencies else None,
        "median_first_token_s": round(statistics.median(firsts), 2) if firsts else None,
        "median_giay_moi_s": round(statistics.median(invitation), 1) if invitation else None,
    }


@contextlib.contextmanager
def through_class_server(model: str, threads: int):  # noqa: ANN201
    """For the wire arm: the class server on a loopback port with `model`; the course's settings point at it as
    a cloud (the `compatible` provider, PII guard on) until the arm ends."""
    from class_server import free_port, start_server

    port = free_port()
    proc = start_server(port, threads, max_waiting=4, model=model)
    wire = {"COURSE_LLM_PROVIDER": "compatible", "OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1",
            "COURSE_COMPATIBLE_IS_CLOUD": "1", "COURSE_REPLAY": "off", "COURSE_LLM_TIMEOUT": "900"}
    saved = {k: os.environ.get(k) for k in wire}
    os.environ.update(wire)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except Exception:  # noqa: BLE001 - a server that does not stop is killed
            proc.kill()


def invitation_timing(model: str) -> dict:
    """One giấy mời cold (the form's prompt read from scratch), one after `warm_up` (what the widget does while
    the learner types: the form's prompt is read before the click and not timed), and one warm (the previous
    giấy mời's prompt still cached). The cold draft is the baseline of the ratios."""
    from course.documents.drafting import draft_from_notes, warm_up
    from course.documents.evaluation import TODAY
    from course.llm import local

    os.environ["COURSE_LLM_MODEL"] = model
    before = rss_mb()
    llm = local.get_llama(model)
    out: dict = {"model": model}
    runs = (("cold", "mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá bàn tổng vệ sinh"),
            ("warmed_up", "mời ban công tác mặt trận họp 9h thứ 6 ngày 11/12 tại hội trường phường bàn ngày hội"),
            ("warm", "mời chi hội phụ nữ họp 14h thứ 4 16/12 tại hội trường phường bàn ngày hội"))
    for label, notes in runs:
        if label != "warm":
            llm.reset()  # n_tokens = 0: nothing of the form's prompt is reused
        if label == "warmed_up":
            t0 = time.perf_counter()
            warm_up("giay-moi", "local")
            out["warm_up_s"] = round(time.perf_counter() - t0, 1)
        start = time.perf_counter()
        result = draft_from_notes(notes, "giay-moi", today=TODAY)
        out[label] = {"first_token_s": round(result.fill.first_token_s or 0, 2),
                      "full_giay_moi_s": round(time.perf_counter() - start, 1),
                      "tokens_out": result.fill.tokens_out, "ok": result.ok}
    for label in ("warmed_up", "warm"):
        out[label]["first_token_vs_cold"] = round(out[label]["first_token_s"] / max(0.01, out["cold"]["first_token_s"]),
                                                  2)
        out[label]["full_vs_cold"] = round(out[label]["full_giay_moi_s"] / max(0.1, out["cold"]["full_giay_moi_s"]), 2)
    out["model_ram_mb"] = round(rss_mb() - before, 0)
    return out


def _per_type(verdicts: list[tuple[str, bool]]) -> dict:
    """'giay-moi': '9/9' … in the task file's order of types."""
    types = dict.fromkeys(t for t, _ in verdicts)
    return {t: f"{sum(p for u, p in verdicts if u == t)}/{sum(u == t for u, _ in verdicts)}" for t in types}


def _restructure(task, row: dict):
    """Score a stored structured answer again with the current grounding, writer and checks (no model run)."""
    from course.documents.drafting import (
        DOC_TYPES,
        DraftingError,
        FillResult,
        _clean,
        _json_part,
        draft_from_notes,
    )
    from course.documents.evaluation import TODAY, Score, score_structured

    if not row.get("raw"):
        return Score(task.id, False, ["no stored answer"])
    try:
        fields = _clean(DOC_TYPES[task.type], json.loads(_json_part(row["raw"])))
    except ValueError:
        return Score(task.id, False, ["invalid JSON"])
    fill = FillResult(fields, row.get("attempts", 1), row["raw"], "local", "", 0.0, 0)
    try:
        return score_structured(task, draft_from_notes(task.notes, task.type, today=TODAY, fill=fill))
    except DraftingError as exc:
        return Score(task.id, False, [str(exc)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-type", type=int, default=0, help="N tasks of each type (0 = all)")
    parser.add_argument("--offset", type=int, default=0, help="skip the first K tasks of each type")
    parser.add_argument("--tasks", nargs="+", default=[], metavar="ID", help="only these task ids")
    parser.add_argument("--arms", nargs="+", default=DEFAULT_ARMS)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--details", default="", help="write every answer and verdict to this JSON file")
    parser.add_argument("--rescore", default="", metavar="DETAILS",
                        help="score the answers stored in a --details file again (no model runs)")
    parser.add_argument("--timing-only", default="", metavar="MODEL",
                        help="only time one giấy mời cold and warm on MODEL")
    args = parser.parse_args()
    os.environ["COURSE_LLM_THREADS"] = str(args.threads)
    if args.rescore:
        from course.documents.evaluation import load_tasks, score_freeform

        by_id = {t.id: t for t in load_tasks()}
        with open(args.rescore, encoding="utf-8") as fh:
            stored = json.load(fh)
        summary = {}
        for arm, rows in stored.items():
            rows = [r for r in rows if r["task"] in by_id]
            if arm.startswith("free:"):
                ok = [score_freeform(by_id[r["task"]], r["text"]).passed for r in rows]
                summary[arm] = {"tasks": len(ok), "passed": sum(ok), "pass_rate": round(sum(ok) / max(1, len(ok)), 3)}
            elif arm.startswith(("structured:", "wire:")) and all("raw" in r for r in rows):
                scored = [_restructure(by_id[r["task"]], r) for r in rows]
                ok = [s.passed for s in scored]
                summary[arm] = {"tasks": len(ok), "passed": sum(ok), "pass_rate": round(sum(ok) / max(1, len(ok)), 3),
                                "failed": {s.task: s.failures for s in scored if not s.passed},
                                "model_invented_figure": sum(bool(s.model_invented) for s in scored),
                                "passed_when_run": sum(r["passed"] for r in rows),
                                "per_type": _per_type([(by_id[r["task"]].type, p) for r, p in zip(rows, ok, strict=True)])}
        print(json.dumps({"benchmark": "drafting-rescore", "arms": summary}, ensure_ascii=False, indent=2))
        return
    if args.timing_only:
        print(json.dumps({"benchmark": "drafting-timing", "threads": args.threads, "cpu_count": os.cpu_count(),
                          **invitation_timing(args.timing_only)}, ensure_ascii=False, indent=2))
        return

    from course.documents.evaluation import load_tasks

    tasks = load_tasks()
    if args.tasks:
        tasks = [t for t in tasks if t.id in set(args.tasks)]
    if args.per_type:
        chosen: list = []
        for typ in dict.fromkeys(t.type for t in tasks):
            chosen += [t for t in tasks if t.type == typ][args.offset: args.offset + args.per_type]
        tasks = chosen
    details: dict = {"_path": args.details} if args.details else {}
    results = []
    for arm in args.arms:
        wire = arm.startswith("wire:")
        with through_class_server(arm.split(":", 1)[1], args.threads) if wire else contextlib.nullcontext():
            results.append(run_arm(arm, tasks, details))
    base = next((r for r in results if r["arm"] == "free:gemma-3-270m"), results[0])
    for r in results:
        r["pass_rate_vs_baseline"] = (round(r["pass_rate"] / base["pass_rate"], 2) if base["pass_rate"]
                                      else None)
        r["median_task_s_vs_baseline"] = (round(r["median_task_s"] / base["median_task_s"], 2)
                                          if base["median_task_s"] else None)
    out = {"benchmark": "drafting", "baseline": base["arm"], "threads": args.threads,
           "subset": (f"{args.per_type} per type from #{args.offset + 1}" if args.per_type else "all"),
           "tasks": len(tasks), "cpu_count": os.cpu_count(), "arms": results}
    if args.details:
        with open(args.details, "w", encoding="utf-8") as fh:
            json.dump({k: v for k, v in details.items() if k != "_path"}, fh, ensure_ascii=False, indent=1)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
