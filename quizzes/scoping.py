"""Which quiz attempts a staff member may see: those of the enrolments in scope.

An attempt is visible with the enrolment it belongs to (courses/scoping.py):
a trainer sees attempts in the courses of their teams and of their groups, a
coordinator those of their networks' learners, administrators all.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.roles import sees_everything
from courses.models import CoursePage
from courses.scoping import visible_enrollments

from .models import Attempt


def visible_attempts(user) -> QuerySet[Attempt]:
    attempts = Attempt.objects.all()
    if sees_everything(user):
        return attempts
    enrollments = visible_enrollments(user)
    courses = CoursePage.objects.filter(
        translation_key__in=enrollments.values("course_key")
    ).values_list("path", "translation_key")
    # A quiz lies below its course page in the tree (course > module > quiz).
    condition = Q(pk__in=[])
    for path, key in courses:
        learners = enrollments.filter(course_key=key).values("user")
        condition |= Q(quiz__path__startswith=path, user__in=learners)
    return attempts.filter(condition)
