"""The README's `make run` holds up: no "database is locked", nothing stored twice.

The real processes on a fresh SQLite file: `migrate`, `seed_demo`, `runserver`
and `task_worker` with the development settings, on a free port. Fifty tracking and
progress requests arrive at once (modules viewed and confirmed, duplicated
"Done"s, reflections, quiz drafts and submissions that complete the course and
produce xAPI statements and certificates) while two other processes publish
pages. Every answer must be below 500, and every acknowledged request stored
exactly once. Runs in CI, bounded by timeouts (about half a minute).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier

import pytest
import requests

pytestmark = pytest.mark.processes

ROOT = Path(__file__).resolve().parents[2]
CSRF = "a" * 16 + "B" * 16  # any 32 letters: the cookie and the header must match


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(*args: str) -> list[str]:
    return [sys.executable, "manage.py", *args]


@pytest.fixture
def make_run(tmp_path):
    """`make run`'s commands on a fresh database; yields the base URL and more."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    setup = subprocess.run(
        [sys.executable, "-m", "tests.make_run.world"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert setup.returncode == 0, setup.stderr[-3000:]
    world = json.loads(setup.stdout)
    port = free_port()
    logs = {name: open(tmp_path / f"{name}.log", "w") for name in ("web", "worker")}  # noqa: SIM115
    # As `make run` starts them (without the autoreloader, which only matters
    # when code changes); each in its own process group, to stop it whole.
    servers = [
        subprocess.Popen(
            manage("task_worker"),
            cwd=ROOT,
            env=env,
            stdout=logs["worker"],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        ),
        subprocess.Popen(
            manage("runserver", f"127.0.0.1:{port}", "--noreload"),
            cwd=ROOT,
            env=env,
            stdout=logs["web"],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        ),
    ]
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, (tmp_path / "web.log").read_text()
        time.sleep(0.2)
    try:
        yield {"base": base, "world": world, "env": env, "tmp": tmp_path}
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        for log in logs.values():
            log.close()


def learner_requests(learner: dict, modules: list[dict]) -> list[tuple]:
    """(method, path, data, name) for one learner's five requests."""
    first, last = modules[0], modules[-1]
    attempt = learner["attempt"]
    if learner["group"] == "reader":
        done = f"/courses/modules/{first['id']}/complete/"
        reflection = (
            f"/courses/modules/{first['id']}/reflections/{first['reflection']}/"
        )
        draft = {k: v for k, v in learner["answers"].items() if k != "action"}
        return [
            ("GET", first["url"], None, "viewed"),
            ("POST", done, {}, "done"),
            ("POST", done, {}, "done again"),
            ("POST", reflection, {"text": f"Notiz {learner['user_id']}"}, "note"),
            ("POST", f"/quizzes/attempt/{attempt}/draft/", draft, "draft"),
        ]
    submit = f"/quizzes/attempt/{attempt}/"
    reflection = f"/courses/modules/{last['id']}/reflections/{last['reflection']}/"
    return [
        ("POST", submit, learner["answers"], "submit"),
        ("POST", submit, learner["answers"], "submit again"),
        ("POST", reflection, {"text": f"Notiz {learner['user_id']}"}, "note"),
        ("GET", last["url"], None, "viewed"),
        ("POST", f"/courses/modules/{modules[1]['id']}/complete/", {}, "done"),
    ]


def send(base: str, learner: dict, request: tuple, barrier: Barrier) -> tuple:
    """One request; sent again (as a player would) if the connection fails.

    runserver accepts only 10 waiting connections, so some of the 50 are reset
    before they are read: resending them is what the idempotent writes are for.
    """
    method, path, data, name = request
    session = requests.Session()
    session.cookies.set("sessionid", learner["session"])
    session.cookies.set("csrftoken", CSRF)
    barrier.wait(timeout=30)
    for attempt in range(6):
        try:
            response = session.request(
                method,
                base + path,
                data=data,
                headers={"X-CSRFToken": CSRF, "Referer": base + "/"},
                allow_redirects=False,
                timeout=60,
            )
        except requests.ConnectionError:
            time.sleep(0.2 * 2**attempt)
            continue
        return learner["user_id"], name, response.status_code, attempt
    raise AssertionError(f"{name} of learner {learner['user_id']}: no connection")


def rows(db: sqlite3.Connection, sql: str, *params) -> list[tuple]:
    return db.execute(sql, params).fetchall()


def test_fifty_concurrent_records_and_two_publishes_on_make_run(make_run):
    base, world, tmp = make_run["base"], make_run["world"], make_run["tmp"]
    modules, learners = world["modules"], world["learners"]
    planned = [(lr, req) for lr in learners for req in learner_requests(lr, modules)]
    assert len(planned) == 50
    go = tmp / "go"
    publishers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.make_run.publish", str(m["id"]), str(go)],
            cwd=ROOT,
            env=make_run["env"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for m in (modules[1], modules[2])
    ]
    time.sleep(3)  # the publishers set Django up, then wait for the go file
    barrier = Barrier(len(planned) + 1)
    with ThreadPoolExecutor(max_workers=len(planned)) as pool:
        futures = [pool.submit(send, base, lr, req, barrier) for lr, req in planned]
        barrier.wait(timeout=30)
        go.touch()
        answers = [future.result(timeout=90) for future in futures]
    published = [p.communicate(timeout=60) for p in publishers]

    errors = [a for a in answers if a[2] >= 500]
    assert errors == [], errors
    assert [p.returncode for p in publishers] == [0, 0], published
    refused = [a[:3] for a in answers if a[2] >= 400]
    assert refused == []  # all acknowledged: 2xx, or a redirect after a form

    db = sqlite3.connect(tmp / "db.sqlite3", timeout=30)
    first, last = modules[0]["key"].replace("-", ""), modules[-1]["key"]
    for learner in learners:
        user = learner["user_id"]
        notes = rows(
            db, "SELECT text FROM courses_reflectionentry WHERE user_id = ?", user
        )
        assert notes == [(f"Notiz {user}",)]
        module_statements = rows(
            db,
            "SELECT object_id FROM content_packages_statement "
            "WHERE user_id = ? AND source = 'module'",
            user,
        )
        keys = [object_id.rsplit("/", 1)[-1] for (object_id,) in module_statements]
        assert len(keys) == len(set(keys)), keys  # each completion recorded once
        if learner["group"] == "reader":
            progress = rows(
                db,
                "SELECT status, viewed_to_end_at IS NOT NULL "
                "FROM courses_moduleprogress "
                "WHERE enrollment_id = ? AND module_key = ?",
                learner["enrollment_id"],
                first,
            )
            assert progress == [("completed", 1)]
            assert keys == [modules[0]["key"]]
            (draft,) = rows(
                db,
                "SELECT draft_answers FROM quizzes_attempt WHERE id = ?",
                learner["attempt_id"],
            )[0]
            assert json.loads(draft)  # the draft is stored
        else:
            attempts = rows(
                db,
                "SELECT status, passed FROM quizzes_attempt WHERE user_id = ?",
                user,
            )
            assert attempts == [("submitted", 1)]
            graded = rows(
                db,
                "SELECT COUNT(*) FROM content_packages_statement "
                "WHERE user_id = ? AND source = 'quiz'",
                user,
            )
            assert graded == [(1,)]
            assert last in keys
            enrolment = rows(
                db,
                "SELECT status FROM courses_enrollment WHERE id = ?",
                learner["enrollment_id"],
            )
            assert enrolment == [("completed",)]
            certificates = rows(
                db,
                "SELECT COUNT(*) FROM certificates_certificate WHERE user_id = ?",
                user,
            )
            assert certificates == [(1,)]

    # The worker renders the certificates beside the busy web server.
    finishers = {lr["user_id"] for lr in learners if lr["group"] == "finisher"}
    deadline = time.monotonic() + 45
    while True:
        done = rows(
            db,
            "SELECT user_id FROM certificates_certificate "
            "WHERE pdf_rendered_at IS NOT NULL",
        )
        rendered = len(finishers & {user for (user,) in done})
        if rendered == len(finishers) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert rendered == len(finishers), (tmp / "worker.log").read_text()[-3000:]
    failed = rows(
        db,
        "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult "
        "WHERE status = 'FAILED'",
    )
    assert failed == [(0,)], (tmp / "worker.log").read_text()[-3000:]
    web_log = (tmp / "web.log").read_text()
    assert "database is locked" not in web_log
