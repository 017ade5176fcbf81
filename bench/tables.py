"""bench/results/latest.md from the results of bench/run.py."""

from __future__ import annotations


def _times(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}×"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def scenario_table(results: dict) -> list[str]:
    lines = [
        "| Scenario | Conn. | req/s | p50 ms | p95 ms | CPU ms/req median "
        "| CPU ms/req p95 | req/s vs bare | CPU vs bare | req/s, CPU vs peer "
        "| worker MB | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    peer = results["lesson_vs_peer"]
    for name, row in results["scenarios"].items():
        versus_peer = (
            f"{_times(peer['throughput'])}, {_times(peer['cpu_median'])}"
            if name == "lesson_page"
            else ""
        )
        lines.append(
            f"| {row['label']} | {row['connections']} | {row['throughput_rps']} | "
            f"{row['p50_ms']} | {row['p95_ms']} | {row['cpu_ms_median']} | "
            f"{row['cpu_ms_p95']} | {_percent(row['ratio_to_bare'])} | "
            f"{_times(row['cpu_vs_bare'], 1)} | {versus_peer} | "
            f"{row['worker_memory_mb']} | "
            f"{row['errors']} |"
        )
    return lines


def peer_table(results: dict) -> list[str]:
    project = results["scenarios"]["lesson_page"]
    peer = results["scenarios"]["peer_lesson"]
    ratio = results["lesson_vs_peer"]
    lines = [
        f"Lesson page against {results['peer']['name']} (same content, enrolled "
        "learner, same gunicorn, PostgreSQL and Redis; median of the rounds, CPU "
        "over all their requests):",
        "",
        "| Lesson page | req/s | p50 ms | p95 ms | CPU ms/req median "
        "| CPU ms/req p95 | in-worker wall ms median | page bytes | req/s vs bare |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in (("IQ Lernplattform", project), (results["peer"]["name"], peer)):
        lines.append(
            f"| {name} | {row['throughput_rps']} | {row['p50_ms']} | "
            f"{row['p95_ms']} | {row['cpu_ms_median']} | {row['cpu_ms_p95']} | "
            f"{row['worker_wall_ms_median']} | {row['bytes']} | "
            f"{_percent(row['ratio_to_bare'])} |"
        )
    lines.append(
        f"| project ÷ peer | {_times(ratio['throughput'])} | {_times(ratio['p50'])} "
        f"| {_times(ratio['p95'])} | {_times(ratio['cpu_median'])} "
        f"| {_times(ratio['cpu_p95'])} | | | |"
    )
    return lines


def rounds_table(results: dict) -> list[str]:
    names = results["interleaved"]
    rows = [results["scenarios"][name] for name in names]
    header = " | ".join(f"{row['short']} req/s | {row['short']} CPU ms" for row in rows)
    lines = [
        "Interleaved rounds (each: " + ", ".join(row["short"] for row in rows) + "):",
        "",
        f"| Round | {header} | lesson ÷ bare req/s | lesson ÷ peer req/s "
        "| lesson ÷ peer CPU |",
        "|---:|" + "---:|" * (2 * len(rows) + 3),
    ]
    for index, ratios in enumerate(results["round_ratios"]):
        cells = " | ".join(
            f"{row['rounds'][index]['throughput_rps']} | "
            f"{row['rounds'][index]['cpu_ms_median']}"
            for row in rows
        )
        lines.append(
            f"| {index + 1} | {cells} | {_percent(ratios['lesson_vs_bare'])} | "
            f"{_times(ratios['lesson_vs_peer'])} | "
            f"{_times(ratios['lesson_vs_peer_cpu'])} |"
        )
    return lines


def notes(results: dict) -> list[str]:
    lines = []
    for row in results["scenarios"].values():
        if row.get("state_changes") is not None:
            lines.append(
                f"- {row['label']}: {row['state_changes']} records created for "
                f"{row['cpu_samples']} requests the workers answered in the measured "
                f"run ({row['requests']} of them within wrk's window; each POST a "
                "new learner or attempt, a repeat would be answered idempotently)."
            )
    for row in results["scenarios"].values():
        if set(row["statuses"]) != {"200"}:
            answers = ", ".join(f"{n} × {s}" for s, n in row["statuses"].items())
            lines.append(f"- {row['label']}: answers {answers}.")
    machine = results["machine"]
    lines += [
        f"- Cache: {results['cache']}; keys after the run: "
        f"{results['redis_keys']['project']} the project's, "
        f"{results['redis_keys']['peer']} the peer's.",
        f"- wrk: {results['duration']} per run after a {results['warmup']} "
        "warm-up (left out of every figure); CPU ms per request measured in the "
        "gunicorn worker thread (user + system, bench/gunicorn_bench.py), so "
        "PostgreSQL's and Redis's own time is not in it.",
        f"- Largest gunicorn worker: {results['worker_memory_mb']} MB RSS.",
        "- Run time: preparing both systems (side by side) {prepare_s} s, "
        "measuring {measure_s} s.".format(**results["timings"]),
        f"- Load average before / after: {machine['load_average_before']} / "
        f"{machine['load_average_after']} on {machine['cpus']} CPUs (other work on "
        "the machine counts: compare ratios within one run).",
    ]
    return lines


def markdown(results: dict) -> str:
    lines = [
        f"# `make bench`, {results['when']}",
        "",
        *scenario_table(results),
        "",
        *peer_table(results),
        "",
        *rounds_table(results),
        "",
        *notes(results),
    ]
    return "\n".join(lines) + "\n"
