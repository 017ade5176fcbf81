"""gunicorn settings for `make bench`: the deployment's, plus CPU time per request.

Used by bench/run.py for the project and the wagtail-lms peer alike, never in
production. The deployment's settings (deploy/gunicorn.conf.py: workers, threads,
preload, recycling) are taken as they are; BENCH_WSGI_APP names the application.

A request carrying an X-Bench-Tag header (set by bench/wrk/scenario.lua) is timed
from gunicorn's pre_request to its post_request hook in the thread that serves
it: the WSGI application and writing the response. `time.thread_time_ns()` counts
that thread's user and system CPU only, so waiting for PostgreSQL, Redis or the
GIL is not included and other load on the machine hardly changes the figure.
Each worker appends to BENCH_CPU_DIR/cpu-<pid>.tsv a line when a tagged request
starts (tag, "started") and one when it has been answered: tag, CPU ns, wall ns,
HTTP status.
"""

import os
import runpy
import threading
import time
import types
from pathlib import Path

_DEPLOYMENT = runpy.run_path(
    str(Path(__file__).resolve().parent.parent / "deploy" / "gunicorn.conf.py")
)
globals().update(
    {
        name: value
        for name, value in _DEPLOYMENT.items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
)
wsgi_app = os.environ.get("BENCH_WSGI_APP", _DEPLOYMENT["wsgi_app"])
# Two servers run side by side (project and peer), perhaps beside others on the
# machine: none of them may claim the shared default control socket.
control_socket_disable = True

_CPU_DIR = os.environ.get("BENCH_CPU_DIR")
_started = threading.local()
_log = {"fd": None}


def post_fork(server, worker):
    """Each worker writes its own file, so lines never interleave."""
    if _CPU_DIR:
        _log["fd"] = os.open(
            os.path.join(_CPU_DIR, f"cpu-{os.getpid()}.tsv"),
            os.O_WRONLY | os.O_CREAT | os.O_APPEND,
            0o644,
        )


def _tag(req) -> str | None:
    for name, value in req.headers:
        if name == "X-BENCH-TAG":
            return value
    return None


def pre_request(worker, req):
    # A "started" line first, so the harness can wait until every request of a
    # run has been answered (bench/measure.py, CpuLog.wait_until_drained).
    _started.tag = _tag(req)
    if _started.tag and _log["fd"] is not None:
        os.write(_log["fd"], f"{_started.tag}\tstarted\n".encode())
    _started.cpu = time.thread_time_ns()
    _started.wall = time.perf_counter_ns()


def post_request(worker, req, environ, resp):
    cpu = time.thread_time_ns() - _started.cpu
    wall = time.perf_counter_ns() - _started.wall
    if not _started.tag or _log["fd"] is None:
        return
    status = getattr(resp, "status_code", None) or 0
    os.write(_log["fd"], f"{_started.tag}\t{cpu}\t{wall}\t{status}\n".encode())
