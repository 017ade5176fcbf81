"""Measuring one scenario: wrk over HTTP, and CPU per request inside the workers.

wrk (bench/wrk/scenario.lua) tags every request with X-Bench-Tag; the workers
(bench/gunicorn_bench.py) log the CPU time of each tagged request. A warm-up run
under its own tag precedes every measured run and is left out of the figures.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess  # noqa: S404
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from bench.servers import ROOT

THREADS = "2"
DURATION = os.environ.get("BENCH_DURATION", "10s")
WARMUP = os.environ.get("BENCH_WARMUP", "2s")


def check_first_request(port: int, spec: dict) -> dict:
    """The first prepared request answers with the page it claims to measure.

    Every text in `check` must be in the body, and a GET must be answered itself,
    not by a redirect (to the login page, say) that urllib would follow.
    """
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
        content = response.read()
        final_path = urlsplit(response.geturl()).path
    text = content.decode("utf-8", "replace")
    if method == "GET" and final_path != urlsplit(path).path:
        raise RuntimeError(f"{path} redirected to {final_path}")
    checks = [spec["check"]] if isinstance(spec["check"], str) else spec["check"]
    for wanted in checks:
        if wanted not in text:
            raise RuntimeError(f"{path} did not answer with {wanted!r}")
    return {"bytes": len(content)}


def load(
    port: int, spec: dict, tag: str, duration: str = DURATION, offset: float = 0
) -> dict:
    """One wrk run: throughput and latency as the client sees them.

    `offset`: where each wrk thread starts in its share of the prepared requests
    (a fraction of the share), so a warm-up can use requests the run after it
    will not send again.
    """
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            f"-t{THREADS}",
            f"-c{spec['connections']}",
            f"-d{duration}",
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
            "BENCH_TAG": tag,
            "BENCH_OFFSET": str(offset),
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


def percentile(values: list[float], percent: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[int(rank) - 1]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


class CpuLog:
    """The lines the workers wrote: (tag, "started") when a request starts, and
    (tag, CPU ns, wall ns, status) once it has been answered."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _lines(self):
        for path in self.directory.glob("cpu-*.tsv"):
            for line in path.read_text().splitlines():
                yield line.split("\t")

    def by_tag(self) -> dict[str, list[tuple[int, int, int]]]:
        samples = defaultdict(list)
        for fields in self._lines():
            if len(fields) == 4:
                samples[fields[0]].append(tuple(int(f) for f in fields[1:]))
        return samples

    def progress(self, tag: str) -> tuple[int, int]:
        """Requests of a run started and answered so far."""
        started = answered = 0
        for fields in self._lines():
            if fields[0] == tag:
                started += len(fields) == 2
                answered += len(fields) == 4
        return started, answered

    def wait_until_drained(self, tag: str, quiet: float = 1.0, limit: float = 90):
        """Wait until the server has answered every request of a run that it
        started (wrk leaves some in flight when it stops) and starts no more."""
        begin = last_change = time.monotonic()
        last = None
        while time.monotonic() - begin < limit:
            now = self.progress(tag)
            if now != last:
                last, last_change = now, time.monotonic()
            elif now[0] == now[1] and time.monotonic() - last_change >= quiet:
                return
            time.sleep(0.2)
        print(f"{tag}: requests still running after {limit} s", flush=True)


def cpu_summary(samples: list[tuple[int, int, int]]) -> dict:
    """Median and p95 CPU ms per request, and the in-worker wall time."""
    if not samples:
        raise RuntimeError("the workers logged no CPU time for this scenario")
    cpu = [s[0] / 1e6 for s in samples]
    wall = [s[1] / 1e6 for s in samples]
    return {
        "cpu_ms_median": round(median(cpu), 3),
        "cpu_ms_p95": round(percentile(cpu, 95), 3),
        "worker_wall_ms_median": round(median(wall), 3),
        "cpu_samples": len(samples),
        # Every answer's status as the worker sent it: a GET scenario whose
        # answers are not all 200 measured something other than its page.
        "statuses": dict(sorted(Counter(str(s[2]) for s in samples).items())),
    }
