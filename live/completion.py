"""The module completion condition "live dates attended", read from attendance.

A module with an ``AttendanceRule`` is complete once the learner attended
(present or late) at least N dates of its course, and at least H hours, as the
trainers' attendance lists record. Registered with courses.completion when the
app is ready; recording attendance asks courses to settle the module
(``courses.services.record_changed``).
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.completion import (
    ConditionState,
    ConditionType,
    Requirement,
    register_condition,
)
from courses.models import CoursePage

from .models import ATTENDED, Attendance, AttendanceRule, LiveSession


def _label(sessions: int, hours: Decimal) -> str:
    label = ngettext(
        "Attend at least %(count)d live date of the course",
        "Attend at least %(count)d live dates of the course",
        sessions,
    ) % {"count": sessions}
    if hours:
        label += _(" (at least %(hours)s hours)") % {"hours": number_format(hours, 1)}
    return label


class SessionsAttended(ConditionType):
    code = "attendance"

    def requirements(self, modules):
        pages = list(modules)
        if not pages:
            return {}
        rules = {
            rule.module.translation_key: rule
            for rule in AttendanceRule.objects.filter(
                module__translation_key__in=[m.translation_key for m in pages]
            ).select_related("module")
        }
        if not rules:
            return {}
        steplen = CoursePage.steplen
        parents = dict(
            CoursePage.objects.filter(
                path__in={m.path[:-steplen] for m in pages}
            ).values_list("path", "translation_key")
        )
        planned = {}
        for module in pages:
            rule = rules.get(module.translation_key)
            course_key = parents.get(module.path[:-steplen])
            if rule is None or course_key is None:
                continue
            planned[module.translation_key] = [
                Requirement(
                    kind=self.code,
                    key="attendance",
                    label=_label(rule.minimum_sessions, rule.minimum_hours),
                    params={
                        "course_key": str(course_key),
                        "sessions": rule.minimum_sessions,
                        "hours": str(rule.minimum_hours),
                    },
                )
            ]
        return planned

    def check(self, learner, wanted):
        states = {}
        totals: dict[str, tuple[int, int, Decimal]] = {}
        for key, requirements in wanted.items():
            for requirement in requirements:
                course_key = requirement.params["course_key"]
                if course_key not in totals:
                    totals[course_key] = attended(learner.user_id, course_key)
                count, held, hours = totals[course_key]
                met = count >= requirement.params["sessions"] and hours >= Decimal(
                    requirement.params["hours"]
                )
                detail = _("attended %(count)s of %(held)s dates, %(hours)s hours") % {
                    "count": count,
                    "held": held,
                    "hours": number_format(hours, 1),
                }
                states[(key, requirement.key)] = ConditionState(
                    requirement, met=met, detail=detail
                )
        return states


def attended(user_id: int | None, course_key) -> tuple[int, int, Decimal]:
    """(dates attended, dates of the course held so far or booked, hours attended)."""
    sessions = LiveSession.objects.filter(
        course__translation_key=course_key, is_cancelled=False
    )
    rows = Attendance.objects.filter(
        user_id=user_id, status__in=ATTENDED, session__in=sessions
    )
    seconds = rows.aggregate(
        total=Sum(F("session__ends_at") - F("session__starts_at"))
    )["total"]
    hours = Decimal(seconds.total_seconds() / 3600 if seconds else 0).quantize(
        Decimal("0.1")
    )
    return rows.count(), sessions.count(), hours


ATTENDANCE = register_condition(SessionsAttended(), order=400)
