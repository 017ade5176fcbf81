"""What a learner is led to after enrolling in or completing a course.

Higher apps (reports: the ESF+ questionnaires) register a function here; the
course views ask it where to send the learner next. A next step is only ever a
redirect the learner can leave: it never blocks the course.
"""

from __future__ import annotations

from collections.abc import Callable

from .models import Enrollment

# function(request, enrollment) -> URL to go to next, or None
NextStep = Callable[..., str | None]

_AFTER_ENROLMENT: list[NextStep] = []
_AFTER_COMPLETION: list[NextStep] = []


def register_after_enrolment(function: NextStep) -> NextStep:
    """Decorator: offer a next step right after a learner enrolled."""
    if function not in _AFTER_ENROLMENT:
        _AFTER_ENROLMENT.append(function)
    return function


def register_after_completion(function: NextStep) -> NextStep:
    """Decorator: offer a next step right after a learner completed a course."""
    if function not in _AFTER_COMPLETION:
        _AFTER_COMPLETION.append(function)
    return function


def _first(steps: list[NextStep], request, enrollment: Enrollment) -> str | None:
    for step in steps:
        url = step(request, enrollment)
        if url:
            return url
    return None


def after_enrolment(request, enrollment: Enrollment) -> str | None:
    """The first registered next step after enrolling (None: go to the course)."""
    return _first(_AFTER_ENROLMENT, request, enrollment)


def after_completion(request, enrollment: Enrollment | None) -> str | None:
    """The first registered next step once the course is complete."""
    if enrollment is None:
        return None
    return _first(_AFTER_COMPLETION, request, enrollment)
