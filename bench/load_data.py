"""The synthetic data set behind the reports' load tests (PostgreSQL only).

Ten courses with a quiz each through the page API, then networks, organisations,
learners, enrolments, progress, certificates and quiz attempts by set-based SQL
(INSERT ... SELECT generate_series), so 100,000 learners take minutes, not hours.
Used by `manage.py seed_load` and bench/reports.py.
"""

from __future__ import annotations

import time

COURSES = 10
ORGANISATIONS = 2000
ATTEMPTS_PER_ENROLMENT = 5


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
    from demo.pages import create_site_pages
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
