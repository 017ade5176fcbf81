"""`make bench`: throughput, latency and CPU per request of the platform's pages.

gunicorn with the production settings on PostgreSQL with Redis as the cache, load
from wrk in a second process on 127.0.0.1. Beside the project runs the nearest
peer, wagtail-lms (bench/peer/, its own virtual environment), on the same Redis,
PostgreSQL and gunicorn configuration. The bare view, the project's lesson and the
peer's lesson run interleaved over BENCH_ROUNDS rounds, so noise on the machine
hits all three alike; the other scenarios follow once each. Every figure is also
taken as CPU ms per request inside the workers (bench/gunicorn_bench.py).
Writes bench/results/latest.json and latest.md.
"""

import json
import os
import platform
import shutil
import subprocess  # noqa: S404
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import tables  # noqa: E402
from bench.measure import (  # noqa: E402
    DURATION,
    WARMUP,
    CpuLog,
    check_first_request,
    cpu_summary,
    load,
    median,
)
from bench.servers import (  # noqa: E402
    BENCH_CONFIG,
    PEER_DATABASE,
    PEER_DIR,
    PEER_VENV,
    PYTHON,
    REDIS_URL,
    RESULTS,
    ROOT,
    count,
    environment,
    free_port,
    peer_environment,
    recreate_database,
    run,
    start_redis,
    start_server,
    stop,
    worker_memory_mb,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SETTLE_SECONDS = 1
INTERLEAVED = ("bare", "lesson_page", "peer_lesson")
SHORT_NAMES = {"bare": "bare", "lesson_page": "lesson", "peer_lesson": "peer"}


@dataclass
class Target:
    """One running system: the project or the peer."""

    port: int
    server: subprocess.Popen


def session_engine(env: dict) -> str:
    """The project's session engine, which the peer then uses too."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SESSION_ENGINE)"
    )
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return output.stdout.decode().split()[-1]


def prepare(env: dict, peer_env: dict, workdir: Path) -> dict:
    """Both databases, prepared side by side: the peer's seed is quick and runs
    while the project's data set is built. Returns every scenario's spec."""
    recreate_database()
    recreate_database(PEER_DATABASE)
    peer_seed = subprocess.Popen(  # noqa: S603
        [str(PEER_VENV / "bin" / "python"), str(PEER_DIR / "seed.py")],
        cwd=PEER_DIR,
        env=peer_env,
    )
    try:
        run([PYTHON, str(ROOT / "bench" / "prepare.py")], cwd=ROOT, env=env)
        if peer_seed.wait() != 0:
            raise RuntimeError("bench/peer/seed.py failed")
    finally:
        if peer_seed.poll() is None:
            peer_seed.terminate()
            peer_seed.wait()
    index = json.loads((workdir / "index.json").read_text())
    peer = json.loads((workdir / "peer.json").read_text())
    # The same wrk script and connection count as the project's lesson scenario.
    connections = index["lesson_page"]["connections"]
    index["peer_lesson"] = {**peer, "connections": connections, "baseline": False}
    return index


def measure(target: Target, name: str, spec: dict, tag: str, log: CpuLog) -> dict:
    """Warm up, then one measured wrk run (tagged for the CPU log). Each waits
    until the server has answered all it started, so records counted belong to
    the measured run and the next run starts on an idle server."""
    time.sleep(SETTLE_SECONDS)
    load(target.port, spec, f"{name}#warmup", WARMUP, offset=0.5)
    log.wait_until_drained(f"{name}#warmup")
    before = count(spec.get("counts"))
    row = {**load(target.port, spec, tag), "tag": tag}
    log.wait_until_drained(tag)
    row["worker_memory_mb"] = worker_memory_mb(target.server)
    if before is not None:
        row["state_changes"] = count(spec["counts"]) - before
    print(
        f"{tag:<28} {row['throughput_rps']:>8} req/s, p50 {row['p50_ms']} ms, "
        f"{row['errors']} errors",
        flush=True,
    )
    return row


def combine(spec: dict, runs: list[dict], samples: dict, page: dict) -> dict:
    """One scenario's figures: medians over its rounds, CPU over all requests."""
    pooled = [sample for r in runs for sample in samples.get(r["tag"], [])]
    for r in runs:
        r.update(cpu_summary(samples.get(r["tag"], [])))
    row = {
        "label": spec["label"],
        "connections": spec["connections"],
        "throughput_rps": round(median([r["throughput_rps"] for r in runs]), 1),
        "p50_ms": round(median([r["p50_ms"] for r in runs]), 2),
        "p95_ms": round(median([r["p95_ms"] for r in runs]), 2),
        "p99_ms": round(median([r["p99_ms"] for r in runs]), 2),
        "requests": sum(r["requests"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "worker_memory_mb": max(r["worker_memory_mb"] for r in runs),
        **cpu_summary(pooled),
        "bytes": page["bytes"],
        "rounds": runs,
    }
    statuses = Counter()
    for r in runs:
        statuses.update(r["statuses"])
    row["statuses"] = dict(sorted(statuses.items()))
    changes = [r["state_changes"] for r in runs if "state_changes" in r]
    if changes:
        row["state_changes"] = sum(changes)
    return row


def ratio(numerator: float, denominator: float) -> float | None:
    """None where the denominator is zero (a scenario that completed nothing)."""
    return round(numerator / denominator, 4) if denominator else None


def add_ratios(results: dict) -> None:
    scenarios = results["scenarios"]
    bare = scenarios["bare"]
    for row in scenarios.values():
        row["ratio_to_bare"] = ratio(row["throughput_rps"], bare["throughput_rps"])
        row["p50_vs_bare"] = ratio(row["p50_ms"], bare["p50_ms"])
        row["p95_vs_bare"] = ratio(row["p95_ms"], bare["p95_ms"])
        row["cpu_vs_bare"] = ratio(row["cpu_ms_median"], bare["cpu_ms_median"])
    project, peer = scenarios["lesson_page"], scenarios["peer_lesson"]
    # Within each round the three ran back to back, under the same noise.
    results["round_ratios"] = [
        {
            "lesson_vs_bare": ratio(lesson["throughput_rps"], base["throughput_rps"]),
            "lesson_vs_peer": ratio(lesson["throughput_rps"], other["throughput_rps"]),
            "lesson_vs_peer_cpu": ratio(
                lesson["cpu_ms_median"], other["cpu_ms_median"]
            ),
        }
        for base, lesson, other in zip(
            bare["rounds"], project["rounds"], peer["rounds"], strict=True
        )
    ]
    results["lesson_vs_peer"] = {
        "throughput": ratio(project["throughput_rps"], peer["throughput_rps"]),
        "p50": ratio(project["p50_ms"], peer["p50_ms"]),
        "p95": ratio(project["p95_ms"], peer["p95_ms"]),
        "cpu_median": ratio(project["cpu_ms_median"], peer["cpu_ms_median"]),
        "cpu_p95": ratio(project["cpu_ms_p95"], peer["cpu_ms_p95"]),
    }


def redis_keys(url: str) -> dict:
    """The cache really was Redis for both: count each system's keys."""
    import redis

    keys = redis.Redis.from_url(url).keys("*")
    peer = sum(1 for key in keys if key.startswith(b"lms-peer:"))
    return {"project": len(keys) - peer, "peer": peer}


def main() -> None:
    for tool in ("wrk", "psql"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: `make bench` installs it with apt-get.")
    if not (PEER_VENV / "bin" / "gunicorn").exists():
        sys.exit(f"{PEER_VENV} is missing: `make bench` installs wagtail-lms there.")
    RESULTS.mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="iq-bench-"))
    cpu_dir = workdir / "cpu"
    cpu_dir.mkdir()
    log = CpuLog(cpu_dir)
    load_before = [round(x, 2) for x in os.getloadavg()]
    redis_server = start_redis(REDIS_URL)
    env = {**environment(workdir), "REDIS_URL": REDIS_URL}
    targets: dict[str, Target] = {}
    timings = {}
    started = time.monotonic()
    try:
        sessions = session_engine(env)
        peer_env = peer_environment(workdir, REDIS_URL, sessions)
        index = prepare(env, peer_env, workdir)
        timings["prepare_s"] = round(time.monotonic() - started)
        for name, server_env, gunicorn, cwd in (
            ("project", env, Path(PYTHON).parent / "gunicorn", ROOT),
            ("peer", peer_env, PEER_VENV / "bin" / "gunicorn", PEER_DIR),
        ):
            port = free_port()
            server_env = {**server_env, "BENCH_CPU_DIR": str(cpu_dir)}
            server = start_server(
                server_env, port, config=BENCH_CONFIG, gunicorn=gunicorn, cwd=cwd
            )
            targets[name] = Target(port, server)

        def target_of(name: str) -> Target:
            return targets["peer" if name == "peer_lesson" else "project"]

        pages = {
            name: check_first_request(target_of(name).port, index[name])
            for name in INTERLEAVED
        }
        runs: dict[str, list[dict]] = {name: [] for name in index}
        for number in range(1, ROUNDS + 1):
            for name in INTERLEAVED:
                tag = f"{name}#{number}"
                row = measure(target_of(name), name, index[name], tag, log)
                runs[name].append(row)
        for name, spec in index.items():
            if name in INTERLEAVED:
                continue
            pages[name] = check_first_request(target_of(name).port, spec)
            runs[name].append(measure(target_of(name), name, spec, f"{name}#1", log))
        memory = max(worker_memory_mb(t.server) for t in targets.values())
        timings["measure_s"] = round(time.monotonic() - started) - sum(timings.values())
        keys = redis_keys(REDIS_URL)
    finally:
        stop(*(target.server for target in targets.values()), redis_server)
    samples = log.by_tag()
    shutil.rmtree(workdir, ignore_errors=True)
    # The raw runs, should computing the tables fail (git-ignored).
    (RESULTS / "runs.tmp").write_text(json.dumps({"runs": runs, "pages": pages}))

    if not keys["project"] or not keys["peer"]:
        sys.exit(f"A system did not use the Redis cache: {keys}")
    order = ["bare", "lesson_page", "peer_lesson"] + [
        name for name in index if name not in INTERLEAVED
    ]
    peer_spec = index["peer_lesson"]
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": load_before,
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "server": (
            "gunicorn (deploy/gunicorn.conf.py via bench/gunicorn_bench.py), "
            "production settings, PostgreSQL"
        ),
        "cache": f"Redis ({REDIS_URL}), for the project, the bare view and the peer",
        "session_engine": sessions,
        "duration": DURATION,
        "warmup": WARMUP,
        "rounds": ROUNDS,
        "interleaved": list(INTERLEAVED),
        "peer": {"name": "wagtail-lms " + peer_spec["versions"]["wagtail-lms"]}
        | peer_spec["versions"],
        "redis_keys": keys,
        "timings": timings,
        "worker_memory_mb": memory,
        "scenarios": {
            name: combine(index[name], runs[name], samples, pages[name])
            for name in order
        },
    }
    for name, short in SHORT_NAMES.items():
        results["scenarios"][name]["short"] = short
    add_ratios(results)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(tables.markdown(results))
    print(tables.markdown(results))


if __name__ == "__main__":
    main()
