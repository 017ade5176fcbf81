"""Reports on large data: 100,000 learners and 1,000,000 quiz attempts on PostgreSQL.

Not a unit test. Creates a fresh database (dropped before and after), migrates it,
builds ten courses with a quiz each through the Wagtail page API, then fills the
tables with set-based SQL (INSERT ... SELECT generate_series), so generation takes
minutes, not hours:

- 16 networks, 2,000 organisations, N learners (5 % without an organisation),
- two enrolments per learner (70 % started, 40 % completed), quiz-module progress
  for every started enrolment, a certificate for every completion,
- five submitted quiz attempts per enrolment (1,000,000 for 100,000 learners), each
  with its five graded answers, and ESF+ answers for half of the learners.

Then it times, for a coordinator of one network and for an administrator, the
participation dashboard (the query layer and the whole admin page), the ESF+
report, a quiz item analysis and an aggregated export, plus the per-person
export through the background task for the coordinator and the CLI export for the
administrator. Each figure is the median of 3 runs after one warm-up (the quiz
item analysis: one run after the warm-up).
Writes bench/results/reports.json and bench/results/reports.md.

    .venv/bin/python bench/reports.py [--learners 100000] [--keep]

PostgreSQL comes from BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432);
the database is iq_bench_reports. Settings: learning.settings.test (DEBUG off,
tasks run immediately in the web process, so a background export is timed whole).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_data import build_courses, generate  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "iq_bench_reports"
RUNS = 3


def recreate(drop_only: bool = False) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        if not drop_only:
            connection.execute(f"CREATE DATABASE {DATABASE}")


def setup_django(private_root: str) -> None:
    os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "learning.settings.test"
    os.environ["PRIVATE_MEDIA_ROOT"] = private_root
    import django

    django.setup()


# --- Timing --------------------------------------------------------------------------


def measure(function, runs: int = RUNS) -> dict:
    """Median and worst of `runs` timed calls after one warm-up, with query count."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    function()
    durations = []
    queries = 0
    for _run in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            function()
            durations.append((time.perf_counter() - started) * 1000)
        queries = len(captured.captured_queries)
    return {
        "median_ms": round(statistics.median(durations), 1),
        "max_ms": round(max(durations), 1),
        "queries": queries,
    }


def make_user(email: str, role: str, **fields):
    from accounts.models import User
    from accounts.roles import assign_role

    user = User.objects.create(email=email, **fields)
    assign_role(user, role)
    return user


def time_reports(courses: list[dict], workdir: Path) -> dict:
    from django.contrib.auth.models import Permission
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from accounts.models import Network
    from courses.models import Enrollment
    from quizzes.models import QuizPage
    from reports.models import ExportJob
    from reports.queries import (
        esf_report,
        participation_dashboard,
        quiz_item_analysis,
    )

    # Both must use two factors (accounts.two_factor): sessions as after a TOTP login.
    from tests.two_factor import force_login_with_two_factors

    network = Network.objects.get(name="IQ Bench 1")
    coordinator = make_user("coordinator@bench.example.org", "coordinator")
    coordinator.coordinated_networks.add(network)
    coordinator.user_permissions.add(
        Permission.objects.get(codename="view_personal_data")
    )
    administrator = make_user(
        "admin@bench.example.org", "administrator", is_superuser=True
    )
    quiz = QuizPage.objects.get(pk=courses[0]["quiz_id"])
    results: dict = {}
    dashboard_url = reverse("reports_admin:dashboard")
    export_url = reverse(
        "reports_admin:export_table", args=["dashboard", "by_course", "csv"]
    )

    for label, user in (("coordinator", coordinator), ("administrator", administrator)):
        client = Client()
        force_login_with_two_factors(client, user)

        def page(url=dashboard_url, client=client):
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        scope = participation_dashboard(user, {})
        results[label] = {
            "enrolments_in_scope": scope.totals["enrolled"].value,
            "dashboard_queries": measure(lambda u=user: participation_dashboard(u, {})),
            "dashboard_page": measure(page),
            "dashboard_page_filtered_by_course": measure(
                lambda c=client: c.get(
                    dashboard_url, {"course": courses[1]["course_key"]}
                )
            ),
            "esf_report": measure(lambda u=user: esf_report(u, {})),
            # Seconds, not milliseconds, at this size: one timed run is enough.
            "quiz_item_analysis": measure(
                lambda u=user: quiz_item_analysis(u, quiz, {}), runs=1
            ),
            "aggregated_export_csv": measure(lambda: page(export_url)),
        }
        print(f"  {label}: {json.dumps(results[label])}", flush=True)

    # Per-person export of the coordinator's network: over 10,000 rows, so it runs
    # as a background job (immediate backend: the request returns when it is done).
    client = Client()
    force_login_with_two_factors(client, coordinator)
    started = time.perf_counter()
    response = client.get(reverse("reports_admin:export_people", args=["csv"]))
    elapsed = (time.perf_counter() - started) * 1000
    job = ExportJob.objects.filter(requested_by=coordinator).first()
    results["coordinator"]["people_export_background_csv"] = {
        "ms": round(elapsed, 1),
        "status": job.status if job else f"no job (HTTP {response.status_code})",
        "rows": job.total_rows if job else None,
    }
    output = workdir / "participation.csv"
    started = time.perf_counter()
    call_command(
        "export_participation", "--format=csv", f"--output={output}", verbosity=0
    )
    results["administrator"]["cli_export_csv"] = {
        "ms": round((time.perf_counter() - started) * 1000, 1),
        "rows": Enrollment.objects.count(),
        "bytes": output.stat().st_size,
    }
    return results


def write_results(report: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "reports.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Reports benchmark",
        "",
        f"{report['finished_at']}, {report['machine']}, {report['postgresql']}.",
        "",
        "Data: "
        + ", ".join(f"{table} {count:,}" for table, count in report["rows"].items())
        + f". Generated in {report['generation_seconds']['total']} s.",
        "",
        f"Median of {RUNS} runs after a warm-up (ms; worst run; queries); "
        "quiz item analysis: one run after the warm-up.",
        "",
        "| Measure | Coordinator (one network) | Administrator (all) |",
        "|---|---|---|",
    ]
    coordinator, administrator = (
        report["timings"]["coordinator"],
        report["timings"]["administrator"],
    )
    for key, title in (
        ("dashboard_queries", "Dashboard figures (query layer)"),
        ("dashboard_page", "Dashboard page (whole admin page)"),
        ("dashboard_page_filtered_by_course", "Dashboard page, one course"),
        ("esf_report", "ESF+ report"),
        ("quiz_item_analysis", "Quiz item analysis (one quiz)"),
        ("aggregated_export_csv", "Aggregated export (CSV)"),
    ):
        cells = [
            f"{who[key]['median_ms']} ({who[key]['max_ms']}; {who[key]['queries']} q)"
            for who in (coordinator, administrator)
        ]
        lines.append(f"| {title} | {cells[0]} | {cells[1]} |")
    lines += [
        "",
        f"Enrolments in scope: coordinator {coordinator['enrolments_in_scope']:,}, "
        f"administrator {administrator['enrolments_in_scope']:,}.",
        "",
        "Per-person export of the coordinator's network as a background job "
        f"(CSV): {coordinator['people_export_background_csv']}.",
        "",
        f"CLI export of every enrolment (CSV): {administrator['cli_export_csv']}.",
        "",
        "Run: `.venv/bin/python bench/reports.py` (see its docstring).",
    ]
    (RESULTS / "reports.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument(
        "--keep", action="store_true", help="Keep the database afterwards."
    )
    args = parser.parse_args()

    recreate()
    workdir = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    try:
        setup_django(str(workdir / "private"))
        from django.core.management import call_command
        from django.db import connection

        generation: dict = {}
        overall = time.perf_counter()
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        generation["migrate"] = round(time.perf_counter() - started, 1)
        print(f"  migrate: {generation['migrate']} s", flush=True)
        started = time.perf_counter()
        courses = build_courses()
        generation["courses (page API)"] = round(time.perf_counter() - started, 1)
        rows = generate(args.learners, courses, generation)
        generation["total"] = round(time.perf_counter() - overall, 1)
        timings = time_reports(courses, workdir)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
        connection.close()
        write_results(
            {
                "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": f"{os.cpu_count()} CPUs, {platform.platform()}",
                "postgresql": f"PostgreSQL {version}",
                "learners": args.learners,
                "rows": rows,
                "generation_seconds": generation,
                "timings": timings,
            }
        )
        print((RESULTS / "reports.md").read_text())
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            recreate(drop_only=True)


if __name__ == "__main__":
    main()
