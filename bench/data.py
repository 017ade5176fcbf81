"""Benchmark data: learners, a 20-block lesson, quizzes and a certificate course.

Bench-only code (never imported by the app). Everything is created through the
Wagtail page API and the apps' services; only learners and enrolments are
bulk-inserted, because hashing thousands of passwords would dominate the set-up.
"""

from __future__ import annotations

import random
from uuid import uuid4

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User
from accounts.roles import GROUP_NAMES, Role
from bench.lesson_content import TEXT, lesson_blocks
from certificates.models import CertificateTemplate
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrollment,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
)
from quizzes.models import QuizPage


def question(number: int) -> dict:
    return {
        "type": "single_choice",
        "id": f"q{number}",
        "value": {
            "prompt": f"<p>Frage {number}: Wer ist zuständig?</p>",
            "points": "1",
            "general_feedback": "",
            "options": [
                {
                    "type": "item",
                    "id": f"q{number}-o{i}",
                    "value": {
                        "text": f"Antwort {i}",
                        "is_correct": i == 0,
                        "feedback": "",
                    },
                }
                for i in range(4)
            ],
        },
    }


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def certificate_template() -> CertificateTemplate:
    template = CertificateTemplate.objects.create(
        title="Teilnahmebescheinigung (Benchmark)",
        body=(
            "{learner_name} hat am {completion_date} den Kurs „{course_title}“ "
            "abgeschlossen. Nr. {certificate_number}"
        ),
        signatory_name="Dr. Erika Beispiel",
        signatory_role="Projektleitung",
        language="de",
    )
    template.save_revision()
    return template


def course_index() -> CourseIndexPage:
    return CourseIndexPage.objects.filter(locale__language_code="de").first()


def lesson_course(quizzes: int = 40) -> dict:
    """A course: a 20-block lesson module and a quiz module with `quizzes` quizzes.

    The quiz module holds several quizzes so every benchmark submission can be a
    new attempt (a learner has at most one open attempt per quiz).
    """
    course = publish(
        course_index(),
        CoursePage(
            title="Benchmark: Anerkennung",
            slug="benchmark-anerkennung",
            summary="Ein Kurs mit einer langen Lektion.",
            learning_objectives="<ul><li>Zuständige Stellen kennen</li></ul>",
        ),
    )
    lesson = publish(
        course,
        ModulePage(
            title="Lektion mit 20 Blöcken", slug="lektion", body=lesson_blocks()
        ),
    )
    quiz_module = publish(
        course,
        ModulePage(
            title="Wissenstest",
            slug="wissenstest",
            body=[{"type": "text", "value": TEXT, "id": str(uuid4())}],
            completion_viewed=False,
            completion_quiz_passed=True,
        ),
    )
    quiz_pages = [
        publish(
            quiz_module,
            QuizPage(
                title=f"Test {number}",
                slug=f"test-{number}",
                questions=[question(i) for i in range(5)],
                pass_mark_percent=60,
            ),
        )
        for number in range(quizzes)
    ]
    return {"course": course, "lesson": lesson, "quizzes": quiz_pages}


def certificate_course(template: CertificateTemplate) -> dict:
    """A one-module course whose completion issues a certificate."""
    course = publish(
        course_index(),
        CoursePage(
            title="Benchmark: Zertifikatskurs",
            slug=f"benchmark-zertifikat-{uuid4().hex[:6]}",
            summary="Abschluss mit Zertifikat.",
            certificate_template=template,
        ),
    )
    module = publish(
        course,
        ModulePage(
            title="Einziges Modul",
            slug="modul",
            body=[{"type": "text", "value": TEXT, "id": str(uuid4())}],
        ),
    )
    return {"course": course, "module": module}


def learners(prefix: str, count: int) -> list[User]:
    """`count` learner accounts (unusable passwords: the benchmark uses sessions)."""
    password = make_password(None)
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                email=f"{prefix}-{number}@example.org",
                first_name="Bench",
                last_name=f"Lernende {number}",
                password=password,
            )
            for number in range(count)
        )
        group = Group.objects.get_or_create(name=GROUP_NAMES[Role.LEARNER])[0]
        group.user_set.add(*users)
    return users


def enrol_all(users: list[User], course: CoursePage) -> list[Enrollment]:
    return Enrollment.objects.bulk_create(
        Enrollment(user=user, course=course, course_key=course.translation_key)
        for user in users
    )


def some_progress(enrollments: list[Enrollment], module: ModulePage) -> None:
    """Half the learners have started the module, so progress is not all zero."""
    rng = random.Random(4)  # noqa: S311 - benchmark data, not security
    ModuleProgress.objects.bulk_create(
        ModuleProgress(
            enrollment=enrollment,
            module=module,
            module_key=module.translation_key,
            status=ModuleStatus.IN_PROGRESS,
        )
        for enrollment in enrollments
        if rng.random() < 0.5
    )


def answers_body(attempt, correct: bool = True) -> str:
    """The attempt form's POST body submitting every question."""
    from urllib.parse import urlencode

    fields = [("action", "submit")]
    for entry in attempt.presented:
        wanted = {
            option["id"]
            for option in entry["data"]["options"]
            if option["value"]["is_correct"] == correct
        }
        token = next(c["token"] for c in entry["choices"] if c["id"] in wanted)
        fields.append((f"q_{entry['token']}", token))
    return urlencode(fields)
