"""`make bench`: throughput and latency of the platform's pages under load.

gunicorn with the production settings on PostgreSQL, load from wrk in a second
process on 127.0.0.1, each scenario side by side with a bare Django view behind
the same middleware. Writes bench/results/latest.json and latest.md.
"""

import json
import os
import platform
import shutil
import signal
import socket
import subprocess  # noqa: S404
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
DURATION = os.environ.get("BENCH_DURATION", "10s")
PG = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "iq_bench")
THREADS = "2"
SETTLE_SECONDS = 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, **kwargs)  # noqa: S603


def recreate_database(database: str = DATABASE, server: str = PG) -> None:
    psql = shutil.which("psql")
    run([psql, f"{server}/postgres", "-qc", f"DROP DATABASE IF EXISTS {database}"])
    run([psql, f"{server}/postgres", "-qc", f"CREATE DATABASE {database}"])


def environment(workdir: Path, database_url: str = f"{PG}/{DATABASE}") -> dict:
    """The production settings, as deploy/systemd/env.example sets them."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CONTENT_ORIGIN": "http://inhalte.localhost",
        "DATABASE_URL": database_url,
        "SECURE_SSL_REDIRECT": "false",
        "BENCHMARK_ENDPOINTS": "1",
        "LOG_LEVEL": "WARNING",
        "BENCH_WORKDIR": str(workdir),
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "PYTHONPATH": str(ROOT),
    }


def start_server(
    env: dict, port: int, access_log: str = "/dev/null"
) -> subprocess.Popen:
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [
            gunicorn,
            "--config",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            access_log,
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def worker_memory_mb(server: subprocess.Popen) -> float:
    """Largest resident set of the gunicorn workers (children of the master)."""
    largest = 0
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    for pid in children.read_text().split():
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:  # a worker recycled (max_requests) just now
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                largest = max(largest, int(line.split()[1]))
    return round(largest / 1024, 1)


def count(sql: str | None) -> int | None:
    """A number from the benchmark database, e.g. certificates issued so far."""
    if not sql:
        return None
    output = subprocess.run(  # noqa: S603
        [shutil.which("psql"), f"{PG}/{DATABASE}", "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(output.strip())


def check_first_request(port: int, spec: dict) -> None:
    first = Path(spec["file"]).read_text().splitlines()[0].split("\t")
    method, path, cookie, csrf, body = first
    request = urllib.request.Request(  # noqa: S310
        f"http://127.0.0.1:{port}{path}",
        method=method,
        data=body.encode() if body else None,
        headers={
            "Cookie": cookie,
            "X-CSRFToken": csrf,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        text = response.read().decode("utf-8", "replace")
    if spec["check"] not in text:
        raise RuntimeError(f"{path} did not answer with {spec['check']!r}")


def load(port: int, spec: dict) -> dict:
    wrk = shutil.which("wrk")
    output = subprocess.run(  # noqa: S603
        [
            wrk,
            f"-t{THREADS}",
            f"-c{spec['connections']}",
            f"-d{DURATION}",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "wrk" / "scenario.lua"),
            f"http://127.0.0.1:{port}",
        ],
        env={
            **os.environ,
            "BENCH_REQUESTS": spec["file"],
            "BENCH_THREADS": THREADS,
            "BENCH_THINK_MS": str(spec.get("think_ms", 0)),
        },
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    seconds = result["duration_us"] / 1_000_000
    return {
        "requests": result["requests"],
        "throughput_rps": round(result["requests"] / seconds, 1),
        "p50_ms": round(result["p50_us"] / 1000, 2),
        "p95_ms": round(result["p95_us"] / 1000, 2),
        "p99_ms": round(result["p99_us"] / 1000, 2),
        "errors": result["socket_errors"] + result["http_errors"],
        "connections": spec["connections"],
    }


def table(results: dict) -> str:
    lines = [
        "| Scenario | Conn. | req/s | p50 ms | p95 ms | req/s vs bare "
        "| p50 vs bare | p95 vs bare | worker MB | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["scenarios"].values():
        lines.append(
            f"| {row['label']} | {row['connections']} | {row['throughput_rps']} | "
            f"{row['p50_ms']} | {row['p95_ms']} | {row['ratio_to_bare']:.0%} | "
            f"{row['p50_vs_bare']}× | {row['p95_vs_bare']}× | "
            f"{row['worker_memory_mb']} | {row['errors']} |"
        )
    lines.append("")
    for row in results["scenarios"].values():
        if row.get("state_changes") is not None:
            lines.append(
                f"- {row['label']}: {row['state_changes']} records created for "
                f"{row['requests']} completed requests (each POST a new learner or "
                "attempt; a repeat would be answered idempotently)."
            )
    lines.append(f"- Largest gunicorn worker: {results['worker_memory_mb']} MB RSS.")
    lines.append(
        f"- Load average before the run: {results['machine']['load_average']} "
        f"on {results['machine']['cpus']} CPUs (other work on the machine counts)."
    )
    return "\n".join(lines) + "\n"


def main() -> None:
    for tool in ("wrk", "psql"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: `make bench` installs it with apt-get.")
    RESULTS.mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="iq-bench-"))
    env = environment(workdir)
    recreate_database()
    run([PYTHON, str(ROOT / "bench" / "prepare.py")], cwd=ROOT, env=env)
    index = json.loads((workdir / "index.json").read_text())
    port = free_port()
    server = start_server(env, port)
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "server": "gunicorn (deploy/gunicorn.conf.py), production settings, PostgreSQL",
        "duration": DURATION,
        "scenarios": {},
    }
    try:
        baseline = None
        for name, spec in index.items():
            # Let the previous scenario's queued requests drain: every scenario
            # starts on an idle server.
            time.sleep(SETTLE_SECONDS)
            before = count(spec.get("counts"))
            check_first_request(port, spec)
            row = {"label": spec["label"], **load(port, spec)}
            if spec["baseline"]:
                baseline = row
            row["ratio_to_bare"] = row["throughput_rps"] / baseline["throughput_rps"]
            row["p50_vs_bare"] = round(row["p50_ms"] / baseline["p50_ms"], 1)
            row["p95_vs_bare"] = round(row["p95_ms"] / baseline["p95_ms"], 1)
            row["worker_memory_mb"] = worker_memory_mb(server)
            if before is not None:
                row["state_changes"] = count(spec["counts"]) - before
            results["scenarios"][name] = row
            print(f"{spec['label']:<45} {row['throughput_rps']:>8} req/s", flush=True)
        results["worker_memory_mb"] = worker_memory_mb(server)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(table(results))
    print(table(results))


if __name__ == "__main__":
    main()
