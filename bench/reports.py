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
RESULTS = ROOT / "bench" / "results"
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "iq_bench_reports"
COURSES = 10
ORGANISATIONS = 2000
ATTEMPTS_PER_ENROLMENT = 5
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


# --- Content through the page API ----------------------------------------------------


def quiz_questions(number: int) -> list[dict]:
    """Three single-choice and two true/false questions with known ids."""
    questions = []
    for q in range(1, 6):
        qid = f"c{number}-q{q}"
        if q <= 3:
            questions.append(
                {
                    "type": "single_choice",
                    "id": qid,
                    "value": {
                        "prompt": f"<p>Question {q}</p>",
                        "points": "1",
                        "general_feedback": "",
                        "options": [
                            {
                                "type": "item",
                                "id": f"{qid}-opt-{i}",
                                "value": {"text": f"Option {i}", "is_correct": i == 0},
                            }
                            for i in range(3)
                        ],
                    },
                }
            )
        else:
            questions.append(
                {
                    "type": "true_false",
                    "id": qid,
                    "value": {
                        "prompt": "",
                        "statement": f"<p>Statement {q}</p>",
                        "points": "1",
                        "general_feedback": "",
                        "correct": True,
                    },
                }
            )
    return questions


def build_courses() -> list[dict]:
    from courses.models import (
        CourseIndexPage,
        CoursePage,
        ModulePage,
    )
    from pages.demo import create_site_pages
    from quizzes.models import QuizPage

    home = create_site_pages()
    index = home.add_child(instance=CourseIndexPage(title="Kurse", slug="kurse-bench"))
    courses = []
    for number in range(1, COURSES + 1):
        course = index.add_child(
            instance=CoursePage(
                title=f"Bench course {number:02d}",
                slug=f"bench-{number}",
                summary="Benchmark.",
            )
        )
        course.save_revision().publish()
        lesson = course.add_child(
            instance=ModulePage(
                title="Lesson", slug="lesson", body=[("text", "<p>Text</p>")]
            )
        )
        lesson.save_revision().publish()
        module = course.add_child(
            instance=ModulePage(
                title="Check",
                slug="check",
                body=[("text", "<p>Quiz</p>")],
                completion_viewed=False,
                completion_quiz_passed=True,
            )
        )
        module.save_revision().publish()
        quiz = module.add_child(
            instance=QuizPage(
                title=f"Quiz {number:02d}",
                slug="quiz",
                questions=quiz_questions(number),
                pass_mark_percent=60,
            )
        )
        quiz.save_revision().publish()
        courses.append(
            {
                "course_id": course.pk,
                "course_key": str(course.translation_key),
                "module_id": module.pk,
                "module_key": str(module.translation_key),
                "quiz_id": quiz.pk,
                "number": number,
            }
        )
    return courses


# --- Set-based data generation -------------------------------------------------------


def generate(learners: int, courses: list[dict], timings: dict, seed: int = 0) -> dict:
    """`seed` shifts every pseudo-random choice: same seed, same data set."""
    from django.db import connection

    from accounts.models import OrganisationType, Region

    course_ids = [c["course_id"] for c in courses]
    params = {
        "course_ids": course_ids,
        "course_keys": [c["course_key"] for c in courses],
        "module_ids": [c["module_id"] for c in courses],
        "module_keys": [c["module_key"] for c in courses],
        "quiz_ids": [c["quiz_id"] for c in courses],
        "numbers": [c["number"] for c in courses],
        "regions": list(Region.values),
        "types": list(OrganisationType.values),
        "learners": learners,
        "organisations": ORGANISATIONS,
        "attempts": ATTEMPTS_PER_ENROLMENT,
        "seed": seed,
    }
    steps = [
        (
            "networks and organisations",
            """
            INSERT INTO accounts_network (name, region)
            SELECT 'IQ Bench ' || g, (%(regions)s::text[])[g]
            FROM generate_series(1, 16) g;
            INSERT INTO accounts_organisation (name, organisation_type, region,
                                               network_id)
            SELECT 'Bench organisation ' || g,
                   (%(types)s::text[])[1 + g %% cardinality(%(types)s::text[])],
                   n.region, n.id
            FROM generate_series(1, %(organisations)s) g
            JOIN accounts_network n ON n.name = 'IQ Bench ' || (1 + g %% 16);
            """,
        ),
        (
            "learners",
            """
            INSERT INTO accounts_user (password, is_superuser, first_name, last_name,
                is_staff, is_active, date_joined, email, preferred_language,
                organisation_id)
            SELECT '!', false, 'Bench', 'Learner ' || g, false, true,
                   timestamptz '2024-01-01' + (g %% 700) * interval '1 day',
                   'bench-' || g || '@example.org', 'de',
                   CASE WHEN g %% 20 = 0 THEN NULL
                        ELSE (SELECT min(id) FROM accounts_organisation)
                             + g %% %(organisations)s END
            FROM generate_series(1, %(learners)s) g;
            """,
        ),
        (
            "enrolments",
            """
            INSERT INTO courses_enrollment (course_key, status, source, enrolled_at,
                started_at, completed_at, course_id, user_id)
            SELECT (%(course_keys)s::uuid[])[c], s.status, 'self', s.enrolled,
                   CASE WHEN s.h %% 10 < 7 THEN s.enrolled + interval '1 day' END,
                   CASE WHEN s.h %% 10 < 4
                        THEN s.enrolled + (2 + s.h %% 40) * interval '1 day' END,
                   (%(course_ids)s::int[])[c], s.user_id
            FROM (
                SELECT u.id AS user_id, k,
                       (u.id * 7919 + k * 104729 + %(seed)s) %% 1000 AS h,
                       timestamptz '2024-01-01'
                         + ((u.id * 31 + k * 17 + %(seed)s) %% 700) * interval '1 day'
                         + interval '9 hours' AS enrolled,
                       CASE WHEN (u.id * 7919 + k * 104729 + %(seed)s) %% 10 < 4
                            THEN 'completed' ELSE 'active' END AS status
                FROM accounts_user u CROSS JOIN generate_series(0, 1) k
                WHERE u.email LIKE 'bench-%%'
            ) s,
            LATERAL (SELECT 1 + (s.user_id * 3 + s.k * 7) %% 10 AS c) pick;
            """,
        ),
        (
            "module progress",
            """
            INSERT INTO courses_moduleprogress (enrollment_id, module_key, module_id,
                status, started_at, completed_at, seconds_on_task)
            SELECT e.id, (%(module_keys)s::uuid[])[p], (%(module_ids)s::int[])[p],
                   CASE WHEN e.status = 'completed' THEN 'completed'
                        ELSE 'in_progress' END,
                   e.started_at, e.completed_at, 600
            FROM courses_enrollment e,
                 LATERAL (SELECT array_position(%(course_ids)s::int[], e.course_id)
                          AS p) pos
            WHERE e.started_at IS NOT NULL;
            """,
        ),
        (
            "certificates",
            """
            INSERT INTO certificates_certificate (uuid, code, course_key, snapshot,
                language, source, issued_at, revocation_reason, pdf, course_id,
                enrollment_id, user_id)
            SELECT gen_random_uuid(), upper(substr(md5(e.id::text), 1, 16)),
                   e.course_key, '{}', 'de', 'completion', e.completed_at, '', '',
                   e.course_id, e.id, e.user_id
            FROM courses_enrollment e WHERE e.status = 'completed';
            """,
        ),
        (
            "quiz attempts",
            """
            INSERT INTO quizzes_attempt (public_id, number, status, started_at,
                submitted_at, score_points, max_points, score_percent, passed,
                presented, draft_answers, user_id, quiz_id)
            SELECT gen_random_uuid(), n, 'submitted',
                   e.enrolled_at + n * interval '1 day',
                   e.enrolled_at + n * interval '1 day' + interval '10 minutes',
                   s, 5, s * 20, s * 20 >= 60, '[]', '{}', e.user_id,
                   (%(quiz_ids)s::int[])[
                       array_position(%(course_ids)s::int[], e.course_id)]
            FROM courses_enrollment e
            CROSS JOIN generate_series(1, %(attempts)s) n,
            LATERAL (SELECT (e.id * 31 + n * 17 + e.user_id + %(seed)s) %% 6 AS s)
                score;
            """,
        ),
        (
            "quiz answers",
            # Question q of attempt a is right iff (a*13 + q*7) mod 5 < score:
            # q*7 mod 5 runs through 0..4, so exactly `score` answers are right.
            """
            INSERT INTO quizzes_attemptanswer (attempt_id, question_id, response,
                points_awarded, max_points, is_correct, feedback)
            SELECT a.id, 'c' || num.n || '-q' || q,
                   CASE WHEN q <= 3 THEN to_jsonb('c' || num.n || '-q' || q || '-opt-'
                            || CASE WHEN r.ok THEN 0 ELSE 1 + a.id %% 2 END)
                        ELSE to_jsonb(r.ok) END,
                   r.ok::int, 1, r.ok, '[]'
            FROM quizzes_attempt a
            JOIN LATERAL (SELECT (%(numbers)s::int[])[
                              array_position(%(quiz_ids)s::int[], a.quiz_id)] AS n
                          ) num ON true
            CROSS JOIN generate_series(1, 5) q,
            LATERAL (SELECT (a.id * 13 + q * 7) %% 5 < a.score_points AS ok) r;
            """,
        ),
        (
            "ESF+ answers",
            """
            INSERT INTO reports_participantindicators (user_id, gender, age_band,
                employment_status, isced_band, updated_at)
            SELECT u.id,
                   (ARRAY['female','male','diverse','no_answer'])[1 + u.id %% 4],
                   (ARRAY['under_18','18_29','30_54','55_plus','no_answer'])
                       [1 + u.id %% 5],
                   (ARRAY['employed','unemployed','inactive','in_education',
                          'no_answer'])[1 + u.id %% 5],
                   (ARRAY['isced_0_2','isced_3_4','isced_5_8','no_answer'])
                       [1 + u.id %% 4],
                   now()
            FROM accounts_user u WHERE u.email LIKE 'bench-%%' AND u.id %% 2 = 0;
            """,
        ),
    ]
    with connection.cursor() as cursor:
        for name, sql in steps:
            started = time.perf_counter()
            cursor.execute(sql, params)
            timings[name] = round(time.perf_counter() - started, 1)
            print(f"  {name}: {timings[name]} s", flush=True)
    # The SQL above bypasses the services, so the dashboard's summary table is
    # rebuilt as after any bulk import (manage.py rebuild_participation_facts).
    from reports.facts import rebuild_participation

    started = time.perf_counter()
    rebuild_participation()
    timings["participation facts"] = round(time.perf_counter() - started, 1)
    print(f"  participation facts: {timings['participation facts']} s", flush=True)
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute("ANALYZE")
        timings["analyze"] = round(time.perf_counter() - started, 1)
        counts = {}
        for table in (
            "accounts_user",
            "accounts_organisation",
            "courses_enrollment",
            "courses_moduleprogress",
            "certificates_certificate",
            "reports_participationfact",
            "quizzes_attempt",
            "quizzes_attemptanswer",
        ):
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


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
