"""What the benchmark measures: each scenario is a list of prepared requests.

`check` is text the first response must contain, so a redirect to the login
page or an error page can never pass as a fast result. Requests that change
state (quiz submission, completing a course) are each prepared for a different
learner and attempt, so every POST is a real new submission; a POST sent again
once the list wraps around is answered idempotently (already submitted).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from django.core.management import call_command
from django.urls import reverse

from bench import data

LEARNERS = 200
QUIZ_LEARNERS = 50
QUIZZES = 60
# Quizzes kept apart for the think-time scenario, so its submissions are new too.
THINK_QUIZZES = 20
THINK_MS = 2000
CERTIFICATE_LEARNERS = 1500
# Learners of the `seed_load` data set behind the coordinator dashboard.
LOAD_LEARNERS = int(os.environ.get("BENCH_LOAD_LEARNERS", "10000"))


def _coordinator_session(session_cookie: Callable) -> tuple[str, str]:
    """A coordinator of one of the load data set's sixteen networks."""
    from accounts.models import Network, User
    from accounts.roles import Role, assign_role

    coordinator = User.objects.create(email="coordinator@bench.example.org")
    assign_role(coordinator, Role.COORDINATOR)
    coordinator.coordinated_networks.add(Network.objects.get(name="IQ Bench 1"))
    return session_cookie(coordinator)


def _quiz_submissions(learners, quizzes, sessions) -> list[tuple]:
    """One open attempt per (learner, quiz); ordered so that consecutive requests
    come from different learners, as 50 people submitting at once would."""
    from quizzes.services import start_or_resume_attempt

    requests = []
    for quiz in quizzes:
        for learner, (cookie, csrf) in zip(learners, sessions, strict=True):
            attempt = start_or_resume_attempt(learner, quiz)
            url = reverse("quizzes:attempt", args=[attempt.public_id])
            requests.append(("POST", url, cookie, csrf, data.answers_body(attempt)))
    return requests


def build(session_cookie: Callable) -> list[dict]:
    # First: seed_load takes every account named bench-* as one of its learners.
    call_command("seed_load", learners=LOAD_LEARNERS, verbosity=0)
    coordinator_cookie, coordinator_csrf = _coordinator_session(session_cookie)
    lesson_course = data.lesson_course(quizzes=QUIZZES)
    course, lesson = lesson_course["course"], lesson_course["lesson"]
    learners = data.learners("bench-learner", LEARNERS)
    enrollments = data.enrol_all(learners, course)
    data.some_progress(enrollments, lesson)
    sessions = [session_cookie(learner) for learner in learners]

    quiz_sessions = sessions[:QUIZ_LEARNERS]
    saturating, thinking = (
        lesson_course["quizzes"][:-THINK_QUIZZES],
        lesson_course["quizzes"][-THINK_QUIZZES:],
    )
    submissions = _quiz_submissions(learners[:QUIZ_LEARNERS], saturating, quiz_sessions)
    paced_submissions = _quiz_submissions(
        learners[:QUIZ_LEARNERS], thinking, quiz_sessions
    )

    template = data.certificate_template()
    certificate_course = data.certificate_course(template)
    graduates = data.learners("bench-graduate", CERTIFICATE_LEARNERS)
    data.enrol_all(graduates, certificate_course["course"])
    complete_url = reverse(
        "courses:complete_module", args=[certificate_course["module"].pk]
    )
    completions = [
        ("POST", complete_url, cookie, csrf, "")
        for cookie, csrf in (session_cookie(learner) for learner in graduates)
    ]
    quiz = lesson_course["quizzes"][0]

    return [
        {
            "name": "bare",
            "label": "Bare Django view (same middleware)",
            "baseline": True,
            "requests": [("GET", "/bench/bare/", "", "", "")],
            "check": "ok",
        },
        {
            "name": "home",
            "label": "Public start page",
            "requests": [("GET", "/", "", "", "")],
            "check": "IQ Lernplattform",
        },
        {
            "name": "course_page",
            "label": "Public course page",
            "requests": [("GET", course.url, "", "", "")],
            "check": course.title,
        },
        {
            "name": "lesson_page",
            "label": "Lesson page, 20 blocks, learner with progress",
            "requests": [
                ("GET", lesson.url, cookie, csrf, "") for cookie, csrf in sessions
            ],
            "check": '<progress id="progress-',
        },
        {
            "name": "quiz_page",
            "label": "Quiz page (logged in)",
            "requests": [
                ("GET", quiz.url, cookie, csrf, "") for cookie, csrf in sessions
            ],
            "check": quiz.title,
        },
        {
            "name": "quiz_submission",
            "label": "Quiz submission, 50 learners at once",
            "connections": QUIZ_LEARNERS,
            "requests": submissions,
            "check": lesson_course["quizzes"][0].title,
            "counts": "SELECT count(*) FROM quizzes_attempt WHERE status = 'submitted'",
        },
        {
            "name": "quiz_submission_paced",
            "label": (
                f"Quiz submission, 50 learners each submitting every "
                f"{THINK_MS / 1000:g} s on average"
            ),
            "connections": QUIZ_LEARNERS,
            "think_ms": THINK_MS,
            "requests": paced_submissions,
            "check": thinking[0].title,
            "counts": "SELECT count(*) FROM quizzes_attempt WHERE status = 'submitted'",
        },
        {
            "name": "my_learning",
            "label": "My learning (logged in)",
            "requests": [
                ("GET", "/my-learning/", cookie, csrf, "") for cookie, csrf in sessions
            ],
            "check": "Mein Lernen",
        },
        {
            "name": "dashboard",
            "label": f"Coordinator dashboard, {LOAD_LEARNERS:,} learners (seed_load)",
            "requests": [
                (
                    "GET",
                    reverse("reports_admin:dashboard"),
                    coordinator_cookie,
                    coordinator_csrf,
                    "",
                )
            ],
            "check": "IQ Bench 1",
        },
        {
            "name": "certificate_issuing",
            "label": "Course completion issuing a certificate",
            "requests": completions,
            "check": certificate_course["course"].title,
            "counts": "SELECT count(*) FROM certificates_certificate",
        },
    ]
