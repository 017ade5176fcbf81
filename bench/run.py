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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, **kwargs)  # noqa: S603


def recreate_database() -> None:
    psql = shutil.which("psql")
    run([psql, f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}"])
    run([psql, f"{PG}/postgres", "-qc", f"CREATE DATABASE {DATABASE}"])


def environment(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "SECURE_SSL_REDIRECT": "false",
        "BENCHMARK_ENDPOINTS": "1",
        "LOG_LEVEL": "WARNING",
        "BENCH_WORKDIR": str(workdir),
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONPATH": str(ROOT),
    }


def start_server(env: dict, port: int) -> subprocess.Popen:
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [
            gunicorn,
            "--config",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
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
        status = Path(f"/proc/{pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                largest = max(largest, int(line.split()[1]))
    return round(largest / 1024, 1)


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
            "-t2",
            f"-c{spec['connections']}",
            f"-d{DURATION}",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "wrk" / "scenario.lua"),
            f"http://127.0.0.1:{port}",
        ],
        env={**os.environ, "BENCH_REQUESTS": spec["file"]},
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
        "| Scenario | Conn. | req/s | p50 ms | p95 ms | vs bare | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["scenarios"].values():
        lines.append(
            f"| {row['label']} | {row['connections']} | {row['throughput_rps']} | "
            f"{row['p50_ms']} | {row['p95_ms']} | {row['ratio_to_bare']:.0%} | "
            f"{row['errors']} |"
        )
    lines.append("")
    lines.append(f"Largest gunicorn worker: {results['worker_memory_mb']} MB RSS.")
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
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "server": "gunicorn (deploy/gunicorn.conf.py), production settings, PostgreSQL",
        "duration": DURATION,
        "scenarios": {},
    }
    try:
        baseline = None
        for name, spec in index.items():
            check_first_request(port, spec)
            row = {"label": spec["label"], **load(port, spec)}
            if spec["baseline"]:
                baseline = row["throughput_rps"]
            row["ratio_to_bare"] = row["throughput_rps"] / baseline if baseline else 0
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
