"""Who may read a module: decided once per request and handed to the page.

``ModulePage.serve`` asks ``module_access``, acts on the answer (sign in first,
enrol first, or record the visit) and passes it on to ``get_context``, the way
Wagtail's ``FormMixin`` hands its form from ``serve`` to ``get_context``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .models import CoursePage, Enrollment, ModulePage
from .services import course_of, get_active_enrollment


class Verdict(StrEnum):
    ENROLLED = "enrolled"  # reads it; the visit counts as progress
    PREVIEW = "preview"  # staff reading without enrolling: no progress
    SIGN_IN = "sign_in"
    ENROL_FIRST = "enrol_first"


@dataclass(frozen=True)
class ModuleAccess:
    verdict: Verdict
    course: CoursePage | None = None
    enrollment: Enrollment | None = None

    @property
    def allowed(self) -> bool:
        return self.verdict in (Verdict.ENROLLED, Verdict.PREVIEW)


def can_preview(user) -> bool:
    """Trainers, coordinators and administrators may read modules without enrolling."""
    return user.is_authenticated and user.is_staff


def module_access(user, module: ModulePage) -> ModuleAccess:
    """Whether ``user`` may read ``module`` now, with their active enrolment."""
    if not user.is_authenticated:
        return ModuleAccess(Verdict.SIGN_IN)
    course = course_of(module)
    enrollment = get_active_enrollment(user, course)
    if enrollment is not None:
        return ModuleAccess(Verdict.ENROLLED, course, enrollment)
    if can_preview(user):
        return ModuleAccess(Verdict.PREVIEW, course)
    return ModuleAccess(Verdict.ENROL_FIRST, course)
