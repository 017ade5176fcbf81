"""Which sessions (and so bookings and attendance lists) a staff member sees.

The course team rule of courses/scoping.py: a trainer sees the sessions of the
courses their team authors or whose workshop groups they run, and the sessions
they are named trainer of; administrators see all; nobody else any.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.roles import Role, has_role, sees_everything
from courses.scoping import staffed_courses

from .models import LiveSession


def visible_sessions(user) -> QuerySet[LiveSession]:
    sessions = LiveSession.objects.all()
    if sees_everything(user):
        return sessions
    if not user.is_authenticated or not has_role(user, Role.TRAINER):
        return sessions.none()
    keys = staffed_courses(user).values("translation_key")
    return sessions.filter(
        Q(course__translation_key__in=keys) | Q(trainers=user)
    ).distinct()
