"""The `make run` database for the load test: migrated, seeded, with learners.

Run by tests/make_run/test_under_load.py as its own process (`python -m
tests.make_run.world`, with the servers' settings): runs `make run`'s
`migrate --no-input` and `seed_demo` (in one process, to save start-up time),
then prints what the test needs as JSON: session keys, URLs, attempts.
Group "reader" learners read, confirm and draft; "finisher" learners have read
the lessons and submit the final quiz, which completes the course.
"""

import io
import json

import django

django.setup()

from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402

from courses import services  # noqa: E402
from courses.models import CoursePage  # noqa: E402
from quizzes.services import start_or_resume_attempt  # noqa: E402
from tests.factories import UserFactory  # noqa: E402
from tests.quizzes.conftest import correct_answers  # noqa: E402

PER_GROUP = 5


def session_for(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def form(data: dict, action: str) -> dict:
    """Token-keyed answers as the attempt form posts them."""
    post = {"action": action}
    for token, value in data.items():
        if isinstance(value, dict):
            for sub, sub_value in value.items():
                post[f"q_{token}_{sub}"] = str(sub_value)
        elif isinstance(value, list):
            post[f"q_{token}"] = value
        else:
            post[f"q_{token}"] = str(value)
    return post


def main() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    course = CoursePage.objects.get(
        slug="interkulturelle-kompetenz", locale__language_code="de"
    )
    modules = [m.specific for m in course.get_modules()]
    quiz = modules[-1].get_quiz().specific
    reflections = {
        m.pk: next(b.id for b in m.body if b.block_type == "reflection")
        for m in modules
    }
    learners = []
    for group in ("reader", "finisher"):
        for _n in range(PER_GROUP):
            user = UserFactory(role="learner")
            enrollment = services.enrol(user, course)
            if group == "finisher":
                for module in modules[:-1]:
                    services.complete_module(user, module)
            attempt = start_or_resume_attempt(user, quiz)
            learners.append(
                {
                    "group": group,
                    "user_id": user.pk,
                    "enrollment_id": enrollment.pk,
                    "session": session_for(user),
                    "attempt": str(attempt.public_id),
                    "attempt_id": attempt.pk,
                    "answers": form(correct_answers(attempt), "submit"),
                }
            )
    print(
        json.dumps(
            {
                "learners": learners,
                "modules": [
                    {
                        "id": m.pk,
                        "url": m.url,
                        "key": str(m.translation_key),
                        "reflection": reflections[m.pk],
                    }
                    for m in modules
                ],
                "quiz_id": quiz.pk,
            }
        )
    )


main()
