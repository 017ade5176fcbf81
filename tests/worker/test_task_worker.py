"""A task worker killed in the middle of a PDF loses nothing and leaves nothing.

Real processes on a PostgreSQL database of the test's own: `manage.py
task_worker` renders a certificate PDF slowed down by a test setting
(TEST_PDF_RENDER_DELAY_SECONDS), is killed with SIGKILL while the PDF is
half-way (its temporary file on disk), and a second worker takes the task back
once the first one's heartbeat is older than the lease. Then every database
connection is cut (pg_terminate_backend): the worker stays up, reconnects and
runs the next task.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.processes

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("WORKER_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def _admin_connection():
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(
            f"The worker test needs PostgreSQL at {SERVER} (WORKER_TEST_POSTGRES): "
            f"worker processes must share the test's database ({error})."
        )


@pytest.fixture
def database():
    """A database of this test's own, dropped afterwards."""
    admin = _admin_connection()
    name = f"iq_erasure_worker_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _query(name: str, sql: str, *params):
    import psycopg

    with psycopg.connect(f"{SERVER}/{name}", autocommit=True) as db:
        return db.execute(sql, params).fetchall()


def _wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"Timed out waiting for {what}")


def test_a_killed_worker_loses_no_pdf_leaves_no_orphan_and_a_worker_reconnects(
    database, tmp_path
):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.test",
        "DATABASE_URL": f"{SERVER}/{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "TEST_TASKS_IN_DATABASE": "1",
        "TASK_WORKER_HEARTBEAT_SECONDS": "0.5",
        "TASK_WORKER_LEASE_SECONDS": "3",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    setup = subprocess.run(
        [sys.executable, "-m", "tests.worker.world"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert setup.returncode == 0, setup.stderr[-3000:]
    certificate = json.loads(setup.stdout.strip().splitlines()[-1])
    pdf_dir = tmp_path / "private" / "certificates"

    def start(delay: str, log: str) -> subprocess.Popen:
        return subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "task_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
            ],
            cwd=ROOT,
            env={**env, "TEST_PDF_RENDER_DELAY_SECONDS": delay},
            stdout=(tmp_path / log).open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def pdf_task():
        rows = _query(
            database,
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = %s",
            "certificates.tasks.render_certificate_pdf_task",
        )
        assert len(rows) == 1, rows
        return rows[0]

    def files(pattern: str) -> list[Path]:
        return sorted(pdf_dir.rglob(pattern)) if pdf_dir.exists() else []

    first = start("60", "first.log")
    second = None
    try:
        _wait_for(lambda: files("*.tmp"), 120, "the PDF half-way")
        assert pdf_task()[0] == "RUNNING"
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)

        second = start("0", "second.log")
        _wait_for(lambda: pdf_task()[0] == "SUCCESSFUL", 90, "the PDF task done")

        status, worker_ids = pdf_task()
        assert len(worker_ids) == 2  # the same task, taken back by another worker
        pdfs = [p for p in pdf_dir.rglob("*") if p.is_file()]
        assert [p.name for p in pdfs] == [f"certificate-{certificate['uuid']}.pdf"]
        ((recorded,),) = _query(
            database,
            "SELECT pdf FROM certificates_certificate WHERE id = %s",
            certificate["id"],
        )
        assert pdf_dir / recorded == pdfs[0]
        assert pdfs[0].read_bytes().startswith(b"%PDF")

        # Every connection to the database is cut; the worker must stay.
        _query(
            database,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        time.sleep(2)
        assert second.poll() is None, (tmp_path / "second.log").read_text()[-3000:]
        emails_sent = """SELECT count(*) FROM django_tasks_database_dbtaskresult
            WHERE task_path = 'accounts.tasks.send_outgoing_email'
            AND status = 'SUCCESSFUL'"""
        ((before,),) = _query(database, emails_sent)
        queued = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from accounts.tasks import send_outgoing_email; "
                "send_outgoing_email.enqueue(0)",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert queued.returncode == 0, queued.stderr[-2000:]
        _wait_for(
            lambda: _query(database, emails_sent)[0][0] == before + 1,
            60,
            "the worker to run a task after the connection loss",
        )
        assert second.poll() is None
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=20)
