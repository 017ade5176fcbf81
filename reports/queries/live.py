"""Live trainings in the reports: trainings held, participants and participant
hours by course and format, with the same small-cell protection as the rest.

Counts only attendance the trainers recorded (present or late) of sessions not
cancelled; a series of dates counts as one training. The rows a staff member
sees follow the enrolments' rule (courses.scoping.staff_scope_q): a coordinator
their networks' learners, a trainer their courses and groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import CharField, Count, F, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce, NullIf

from courses.scoping import staff_scope_q
from live.models import ATTENDED, Attendance

from .base import Cell, count_cell, derived_cell

ATTENDANCE_PATHS = {
    "network": ("user__organisation__network",),
    "course_key": "session__course__translation_key",
    "group": "session__group",
}


def visible_attendance(user) -> QuerySet[Attendance]:
    condition = staff_scope_q(user, ATTENDANCE_PATHS)
    if condition is None:
        return Attendance.objects.none()
    return Attendance.objects.filter(condition).filter(
        status__in=ATTENDED, session__is_cancelled=False
    )


@dataclass(frozen=True)
class LiveRow:
    course: str
    format: str
    trainings: Cell
    participants: Cell
    participant_hours: Cell


def live_participation(user) -> list[LiveRow]:
    """One row per course and format the user may see."""
    rows = (
        visible_attendance(user)
        .values("session__course__title", "session__format")
        .annotate(
            trainings=Count(
                Coalesce(
                    NullIf(F("session__series"), Value("")),
                    Cast(F("session__uid"), CharField()),
                ),
                distinct=True,
            ),
            participants=Count("user", distinct=True),
            duration=Sum(F("session__ends_at") - F("session__starts_at")),
        )
        .order_by("session__course__title", "session__format")
    )
    result = []
    for row in rows:
        participants = count_cell(row["participants"])
        hours = Decimal(row["duration"].total_seconds() / 3600).quantize(Decimal("0.1"))
        result.append(
            LiveRow(
                course=row["session__course__title"],
                format=row["session__format"],
                trainings=Cell(row["trainings"]),
                participants=participants,
                participant_hours=derived_cell(float(hours), participants),
            )
        )
    return result
