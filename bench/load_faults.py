"""Load with faults: 200 simulated learners for ~3 minutes while PostgreSQL is
restarted once and the task worker is killed and started again.

Loopback only and bounded in time. gunicorn (deploy/gunicorn.conf.py, production
settings), `manage.py db_worker` and a PostgreSQL cluster of its own (initdb in a
temporary directory on a free port, so restarting it disturbs nobody else).
Each learner works through a course: opens it, reads two modules and completes
them, starts the quiz, answers (mostly correctly) and submits, retaking it until
passed; passing completes the course, which issues a certificate whose PDF the
worker renders. Afterwards (once the restarted worker has drained its queue):

- every attempt whose submission was acknowledged (302 to its result page) is
  in the database exactly once, submitted, with one answer per question;
- every completed enrolment has exactly one certificate, with its PDF;
- no request got a 500 outside the PostgreSQL restart window (reported).

Writes bench/results/load_faults.json and .md.

    .venv/bin/python bench/load_faults.py [--learners 200] [--seconds 180]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess  # noqa: S404
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.postgres_cluster import Postgres  # noqa: E402
from bench.servers import (  # noqa: E402
    PYTHON,
    RESULTS,
    environment,
    free_port,
    start_server,
    worker_memory_mb,
)
from bench.simulated_learners import Learner, Log  # noqa: E402
from bench.smtp_sink import SmtpSink  # noqa: E402

QUESTIONS = 5
ACCOUNTS_PER_LEARNER = 3


# --- inside Django (child processes) ---------------------------------------------


def prepare(learner_count: int, out: Path) -> None:
    """Demo site, a 3-module course with a quiz and a template, learner sessions."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.urls import reverse

    from bench import data
    from bench.sessions import session_cookie
    from courses.models import CoursePage, ModulePage
    from quizzes.models import QuizPage

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)
    template = data.certificate_template()
    course = data.publish(
        data.course_index(),
        CoursePage(
            title="Lasttest: Anerkennung",
            slug="lasttest",
            summary="Drei Module und ein Test.",
            certificate_template=template,
        ),
    )
    modules = [
        data.publish(
            course,
            ModulePage(
                title=f"Modul {number}",
                slug=f"modul-{number}",
                body=data.lesson_blocks(),
            ),
        )
        for number in (1, 2)
    ]
    quiz_module = data.publish(
        course,
        ModulePage(
            title="Wissenstest",
            slug="wissenstest",
            body=[{"type": "text", "value": data.TEXT}],
            completion_viewed=False,
            completion_quiz_passed=True,
        ),
    )
    quiz = data.publish(
        quiz_module,
        QuizPage(
            title="Abschlusstest",
            slug="abschlusstest",
            questions=[data.question(i) for i in range(QUESTIONS)],
            pass_mark_percent=80,
        ),
    )
    users = data.learners("load-learner", learner_count * ACCOUNTS_PER_LEARNER)
    data.enrol_all(users, course)
    plan = {
        "course": course.url,
        "modules": [
            {
                "url": module.url,
                "complete": reverse("courses:complete_module", args=[module.pk]),
            }
            for module in modules
        ],
        "quiz": quiz.url,
        "start": reverse("quizzes:start", args=[quiz.pk]),
        "accounts": [list(session_cookie(user)) for user in users],
    }
    out.write_text(json.dumps(plan))


def verify(acknowledged_file: Path) -> None:
    """Compare what the learners were told with what the database holds."""
    import django

    django.setup()
    from django.db.models import Count

    from certificates.models import Certificate
    from courses.models import Enrollment, EnrollmentStatus
    from quizzes.models import Attempt, AttemptStatus

    acknowledged = json.loads(acknowledged_file.read_text())
    rows = {
        str(row["public_id"]): row
        for row in Attempt.objects.filter(public_id__in=acknowledged)
        .annotate(answers_count=Count("answers"))
        .values("public_id", "status", "answers_count")
    }
    missing = [a for a in acknowledged if a not in rows]
    not_submitted = [
        a for a, row in rows.items() if row["status"] != AttemptStatus.SUBMITTED
    ]
    wrong_answers = [a for a, row in rows.items() if row["answers_count"] != QUESTIONS]
    completed = Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED)
    per_enrollment = Counter(
        Certificate.objects.filter(superseded_at__isnull=True).values_list(
            "enrollment_id", flat=True
        )
    )
    without_certificate = [e.pk for e in completed if per_enrollment[e.pk] == 0]
    duplicated = [pk for pk, n in per_enrollment.items() if n > 1]
    without_pdf = Certificate.objects.filter(pdf_rendered_at__isnull=True).count()
    from django_tasks_db.models import DBTaskResult

    orphaned = DBTaskResult.objects.filter(status="RUNNING").count()
    print(
        json.dumps(
            {
                "bench": {
                    "acknowledged_attempts": len(acknowledged),
                    "distinct_acknowledged": len(set(acknowledged)),
                    "attempts_in_db": Attempt.objects.count(),
                    "submitted_in_db": Attempt.objects.filter(
                        status=AttemptStatus.SUBMITTED
                    ).count(),
                    "lost_attempts": len(missing),
                    "acknowledged_but_not_submitted": len(not_submitted),
                    "attempts_with_wrong_answer_count": len(wrong_answers),
                    "completed_enrolments": completed.count(),
                    "completed_without_certificate": len(without_certificate),
                    "enrolments_with_two_certificates": len(duplicated),
                    "certificates": Certificate.objects.count(),
                    "certificates_without_pdf": without_pdf,
                    "orphaned_running_tasks": orphaned,
                }
            }
        )
    )


# --- the driver -------------------------------------------------------------------


def _child(mode: str, env: dict, *extra: str) -> dict | None:
    output = subprocess.run(  # noqa: S603
        [PYTHON, __file__, f"--{mode}", *extra],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    results = [
        json.loads(line) for line in output.splitlines() if line.startswith('{"bench"')
    ]
    return results[-1]["bench"] if results else None


def _start_worker(env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.5",
         "--no-startup-delay"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log.open("a"),
    )  # fmt: skip


class Supervisor(threading.Thread):
    """Restarts the worker when it exits on its own, as systemd does
    (deploy/systemd/iq-lernplattform-worker.service: Restart=always, 2 s)."""

    def __init__(self, env: dict, log: Path) -> None:
        super().__init__(daemon=True)
        self.env, self.log = env, log
        self.worker = _start_worker(env, log)
        self.paused = threading.Event()
        self.stopped = threading.Event()
        self.unexpected_exits: list[float] = []
        self.started_at = time.monotonic()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            if self.paused.is_set() or self.worker.poll() is None:
                continue
            self.unexpected_exits.append(time.monotonic() - self.started_at)
            time.sleep(2)
            self.worker = _start_worker(self.env, self.log)

    def kill(self) -> None:
        self.paused.set()
        self.worker.kill()  # SIGKILL: no graceful shutdown, a task may be mid-run
        self.worker.wait()

    def restart(self) -> None:
        self.worker = _start_worker(self.env, self.log)
        self.paused.clear()

    def stop(self) -> None:
        self.stopped.set()
        if self.worker.poll() is None:
            self.worker.terminate()
            self.worker.wait(timeout=30)


def _queued(env: dict) -> int:
    sql = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status='READY'"
    output = subprocess.run(  # noqa: S603
        ["psql", env["DATABASE_URL"], "-tAc", sql],  # noqa: S607
        capture_output=True,
        text=True,
    ).stdout.strip()
    return int(output) if output.isdigit() else -1


def main(learner_count: int, seconds: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="iq-load-faults-"))
    postgres = Postgres(workdir, free_port())
    postgres.create()
    postgres.start()
    sink = SmtpSink().start()
    env = {
        **environment(workdir, f"{postgres.url}/postgres"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "4"),
        "GUNICORN_THREADS": os.environ.get("GUNICORN_THREADS", "4"),
    }
    server = supervisor = None
    events: dict[str, float] = {}
    log = Log()
    stop = threading.Event()
    try:
        print(f"Preparing {learner_count} learners …", flush=True)
        plan_file = workdir / "plan.json"
        _child(
            "prepare", env, "--learners", str(learner_count), "--out", str(plan_file)
        )
        plan = json.loads(plan_file.read_text())
        port = free_port()
        server = start_server(env, port)
        log = Log()
        supervisor = Supervisor(env, workdir / "worker.log")
        supervisor.started_at = log.started
        supervisor.start()
        accounts = plan["accounts"]
        learners = [
            Learner(
                port,
                plan,
                accounts[n * ACCOUNTS_PER_LEARNER : (n + 1) * ACCOUNTS_PER_LEARNER],
                log,
                stop,
                seed=n,
            )
            for n in range(learner_count)
        ]
        for learner in learners:
            learner.start()
            time.sleep(5 / learner_count)  # ramp up over five seconds
        print(f"{learner_count} learners running for {seconds} s …", flush=True)

        def at(fraction: float) -> None:
            stop.wait(max(0.0, log.started + seconds * fraction - time.monotonic()))

        at(1 / 3)
        events["postgres_restart_begin"] = time.monotonic() - log.started
        postgres.restart()
        events["postgres_restart_end"] = time.monotonic() - log.started
        print(f"PostgreSQL restarted: {events}", flush=True)
        at(1 / 2)
        supervisor.kill()
        events["worker_killed"] = time.monotonic() - log.started
        at(2 / 3)
        supervisor.restart()
        events["worker_restarted"] = time.monotonic() - log.started
        print("Task worker killed and restarted.", flush=True)
        at(1)
        memory = worker_memory_mb(server)
        stop.set()
        for learner in learners:
            learner.join(timeout=60)
        events["load_end"] = time.monotonic() - log.started
        drain_started = time.monotonic()
        while _queued(env) != 0 and time.monotonic() - drain_started < 600:
            time.sleep(1)
        events["queue_drained_after_s"] = round(time.monotonic() - drain_started, 1)
        # What the sweep timer does in production (iq-lernplattform-sweep.timer):
        # queue again the PDFs whose task died with the killed worker.
        sweep = subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "render_missing_pdfs", "--older-than-minutes", "0"],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        events["sweep"] = sweep.stdout.strip()
        while _queued(env) != 0 and time.monotonic() - drain_started < 600:
            time.sleep(1)
        acknowledged_file = workdir / "acknowledged.json"
        acknowledged_file.write_text(json.dumps(log.acknowledged))
        checks = _child("verify", env, "--acknowledged", str(acknowledged_file))
    finally:
        stop.set()
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if supervisor is not None:
            supervisor.stop()
        postgres.stop()
    events["worker_exits_on_its_own"] = supervisor.unexpected_exits
    report(learner_count, seconds, log, events, checks, memory, sink.received)
    shutil.rmtree(workdir, ignore_errors=True)


def report(learner_count, seconds, log, events, checks, memory, emails) -> None:
    window = (events["postgres_restart_begin"], events["postgres_restart_end"] + 5)
    statuses = Counter(status for _t, _kind, status in log.requests)
    errors = [(t, kind, s) for t, kind, s in log.requests if s >= 500 or s == 0]
    inside = [e for e in errors if window[0] <= e[0] <= window[1]]
    outside = [e for e in errors if not window[0] <= e[0] <= window[1]]
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "learners": learner_count,
        "seconds": seconds,
        "requests": len(log.requests),
        "requests_per_second": round(len(log.requests) / events["load_end"], 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "courses_completed": log.courses_completed,
        "events_s": {
            k: [round(x, 1) for x in v] if isinstance(v, list) else round(v, 1)
            for k, v in events.items()
            if k != "sweep"
        },
        "sweep": events.get("sweep", ""),
        "restart_window_s": [round(window[0], 1), round(window[1], 1)],
        "errors_in_restart_window": len(inside),
        "errors_outside_restart_window": len(outside),
        "errors_outside_detail": [
            {"t": round(t, 1), "kind": k, "status": s} for t, k, s in outside[:20]
        ],
        "worker_memory_mb": memory,
        "emails_sent": emails,
        "checks": checks,
    }
    ok = (
        checks["lost_attempts"] == 0
        and checks["acknowledged_but_not_submitted"] == 0
        and checks["attempts_with_wrong_answer_count"] == 0
        and checks["completed_without_certificate"] == 0
        and checks["enrolments_with_two_certificates"] == 0
        and checks["certificates_without_pdf"] == 0
        and not outside
    )
    results["passed"] = ok
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load_faults.json").write_text(json.dumps(results, indent=2) + "\n")
    lines = [
        f"# Load and fault test ({results['when']}): {'PASSED' if ok else 'FAILED'}",
        "",
        f"{learner_count} learners for {seconds} s against gunicorn + PostgreSQL + "
        f"db_worker: {results['requests']} requests "
        f"({results['requests_per_second']}/s), statuses {results['statuses']} "
        "(0 = connection error).",
        "",
        "| Check | Result |",
        "|---|---:|",
        f"| Acknowledged quiz submissions | {checks['acknowledged_attempts']} |",
        f"| … missing from the database (lost) | {checks['lost_attempts']} |",
        f"| … not submitted or with wrong answer count | "
        f"{checks['acknowledged_but_not_submitted']}"
        f" / {checks['attempts_with_wrong_answer_count']} |",
        f"| Completed enrolments | {checks['completed_enrolments']} |",
        f"| … without certificate / with two | "
        f"{checks['completed_without_certificate']}"
        f" / {checks['enrolments_with_two_certificates']} |",
        f"| Certificates without PDF after the worker returned | "
        f"{checks['certificates_without_pdf']} |",
        f"| PostgreSQL restart (s into the run) | {results['restart_window_s']} |",
        f"| 5xx or connection errors inside / outside that window | "
        f"{len(inside)} / {len(outside)} |",
        f"| Worker killed / restarted at (s) | {results['events_s']['worker_killed']}"
        f" / {results['events_s']['worker_restarted']} |",
        f"| Worker exits on its own (s into the run; restarted after 2 s) | "
        f"{results['events_s']['worker_exits_on_its_own']} |",
        f"| Tasks left RUNNING by the killed worker (never retried) | "
        f"{checks['orphaned_running_tasks']} |",
        f"| Sweep after the load (render_missing_pdfs) | {results['sweep']} |",
        f"| Queue drained after the load (s) | "
        f"{results['events_s']['queue_drained_after_s']} |",
        f"| Largest gunicorn worker | {memory} MB |",
        "",
        f"Load average at the end: {results['machine']['load_average']} on "
        f"{results['machine']['cpus']} CPUs (other work on the machine counts).",
    ]
    (RESULTS / "load_faults.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--verify", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--acknowledged", type=Path)
    arguments = parser.parse_args()
    if arguments.prepare:
        prepare(arguments.learners, arguments.out)
    elif arguments.verify:
        verify(arguments.acknowledged)
    else:
        main(arguments.learners, arguments.seconds)
