"""The processes behind `make bench`: databases, Redis, gunicorn for both systems.

Shared by bench/run.py, bench/certificates.py and bench/load_faults.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess  # noqa: S404
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "iq_bench")
PEER_DATABASE = f"{DATABASE}_peer"
# The production cache: one Redis database for the project and the peer (under its
# own key prefix), flushed before the run.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
PEER_DIR = ROOT / "bench" / "peer"
PEER_VENV = Path(os.environ.get("BENCH_PEER_VENV", ROOT / "bench" / ".peer-venv"))
DEPLOY_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
BENCH_CONFIG = ROOT / "bench" / "gunicorn_bench.py"
SECRET_KEY = "bench-only-" + "x" * 50


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
        "SECRET_KEY": SECRET_KEY,
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


def peer_environment(workdir: Path, redis_url: str, session_engine: str) -> dict:
    """The wagtail-lms peer: its own settings, the project's Redis and sessions."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms_peer.settings",
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": f"{PG}/{PEER_DATABASE}",
        "REDIS_URL": redis_url,
        "BENCH_SESSION_ENGINE": session_engine,
        "BENCH_WORKDIR": str(workdir),
        "BENCH_WSGI_APP": "lms_peer.wsgi:application",
        "PYTHONPATH": str(PEER_DIR),
    }


def start_server(
    env: dict,
    port: int,
    access_log: str = "/dev/null",
    *,
    config: Path = DEPLOY_CONFIG,
    gunicorn: Path | None = None,
    cwd: Path = ROOT,
) -> subprocess.Popen:
    gunicorn = gunicorn or Path(PYTHON).parent / "gunicorn"
    server = subprocess.Popen(  # noqa: S603
        [
            str(gunicorn),
            "--config",
            str(config),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            access_log,
        ],
        cwd=cwd,
        env=env,
        start_new_session=True,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    stop(server)
    raise RuntimeError(f"gunicorn ({cwd}) did not start")


def stop(*processes: subprocess.Popen | None) -> None:
    """End servers we started (each its whole process group) and wait for them.

    SIGINT is gunicorn's quick shutdown: requests still queued from the last
    load run are not worth waiting for.
    """
    running = [p for p in processes if p is not None and p.poll() is None]
    for process in running:
        os.killpg(process.pid, signal.SIGINT)
    for process in running:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


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


def count(sql: str | None, database: str = DATABASE) -> int | None:
    """A number from the benchmark database, e.g. certificates issued so far."""
    if not sql:
        return None
    output = subprocess.run(  # noqa: S603
        [shutil.which("psql"), f"{PG}/{database}", "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(output.strip())


def start_redis(url: str = REDIS_URL) -> subprocess.Popen | None:
    """Flush the benchmark's Redis database; start a private Redis server on the
    URL's port first if none answers there (returned, to be stopped after)."""
    import redis

    client = redis.Redis.from_url(url)
    server = None
    try:
        client.ping()
    except redis.ConnectionError:
        binary = shutil.which("redis-server")
        if not binary:
            sys.exit("No Redis at BENCH_REDIS_URL and redis-server is missing.")
        parts = urlsplit(url)
        server = subprocess.Popen(  # noqa: S603
            [binary, "--bind", parts.hostname, "--port", str(parts.port or 6379)]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
    client.flushdb()
    return server
