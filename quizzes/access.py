"""What the signed-in learner may do at a quiz, decided once per request.

``QuizPage.serve`` asks ``quiz_standing`` and hands the answer to
``get_context`` (as Wagtail's ``FormMixin`` hands its form), so the page model
imports no view and nothing travels on the request object.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime

from courses.models import CoursePage
from courses.services import course_of, get_active_enrollment

from .models import Attempt, AttemptStatus, QuizPage
from .services import attempts_in_any_language, next_attempt_allowed_at


@dataclass(frozen=True)
class QuizStanding:
    """Attempts used and left, earlier results and whether a start is possible."""

    attempts: list[Attempt] = field(default_factory=list)
    open_attempt: Attempt | None = None
    can_start: bool = False
    attempts_used: int = 0
    attempts_left: int | None = None
    next_attempt_at: datetime | None = None
    course: CoursePage | None = None
    enrolled: bool = False

    def as_context(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def quiz_course(quiz: QuizPage) -> CoursePage | None:
    try:
        return course_of(quiz)
    except CoursePage.DoesNotExist:
        return None


def quiz_standing(user, quiz: QuizPage) -> QuizStanding:
    if user is None or not user.is_authenticated:
        return QuizStanding()
    attempts = list(
        attempts_in_any_language(user, quiz).only(
            "public_id",
            "number",
            "status",
            "started_at",
            "submitted_at",
            "score_percent",
            "passed",
            "quiz_id",
            "user_id",
        )
    )
    submitted = [a for a in attempts if a.status == AttemptStatus.SUBMITTED]
    open_attempt = next(
        (a for a in attempts if a.status == AttemptStatus.IN_PROGRESS), None
    )
    attempts_left = (
        max(0, quiz.max_attempts - len(submitted)) if quiz.max_attempts else None
    )
    next_attempt_at = next_attempt_allowed_at(quiz, submitted)
    course = quiz_course(quiz)
    enrolled = course is not None and get_active_enrollment(user, course) is not None
    return QuizStanding(
        attempts=submitted,
        open_attempt=open_attempt,
        attempts_used=len(submitted),
        attempts_left=attempts_left,
        next_attempt_at=next_attempt_at,
        course=course,
        enrolled=enrolled,
        can_start=enrolled
        and (
            open_attempt is not None or (attempts_left != 0 and next_attempt_at is None)
        ),
    )
