"""Attendance as a module's completion condition: N dates and H hours."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import completion
from courses import services as course_services
from courses.models import Enrollment, ModuleStatus
from live import services
from live.models import AttendanceRule

from .conftest import make_session

pytestmark = pytest.mark.django_db


def past_session(course, days_ago: int, hours: int):
    start = timezone.now() - timedelta(days=days_ago)
    return make_session(course, starts_at=start, ends_at=start + timedelta(hours=hours))


@pytest.fixture
def module(course):
    module = course.get_modules().get().specific
    module.completion_viewed = False
    module.save_revision().publish()
    return module


def module_status(user, module) -> str:
    enrollment = Enrollment.objects.get(user=user)
    row = enrollment.module_progress.filter(module_key=module.translation_key).first()
    return row.status if row else ""


def test_two_of_three_dates_complete_the_module_and_the_course(
    course, module, learner, trainer
):
    AttendanceRule.objects.create(module=module, minimum_sessions=2)
    course_services.enrol(learner, course)
    first, second, _third = (past_session(course, d, 3) for d in (3, 2, 1))

    services.record_attendance(first, learner, "present", by=trainer)
    assert module_status(learner, module) != ModuleStatus.COMPLETED
    services.record_attendance(second, learner, "late", by=trainer)

    assert module_status(learner, module) == ModuleStatus.COMPLETED
    assert Enrollment.objects.get(user=learner).completed_at is not None


def test_excused_and_absent_do_not_count(course, module, learner, trainer):
    AttendanceRule.objects.create(module=module, minimum_sessions=1)
    course_services.enrol(learner, course)
    for days, status in ((2, "excused"), (1, "absent")):
        services.record_attendance(past_session(course, days, 3), learner, status)

    assert module_status(learner, module) != ModuleStatus.COMPLETED
    (state,) = completion.module_conditions(Enrollment.objects.get(), module)
    assert not state.met
    assert state.detail == "0 von 2 Terminen besucht, 0,0 Stunden"


def test_hours_count_as_well_as_dates(course, module, learner):
    AttendanceRule.objects.create(module=module, minimum_sessions=1, minimum_hours=6)
    course_services.enrol(learner, course)

    services.record_attendance(past_session(course, 3, 4), learner, "present")
    assert module_status(learner, module) != ModuleStatus.COMPLETED
    services.record_attendance(past_session(course, 2, 2), learner, "present")

    assert module_status(learner, module) == ModuleStatus.COMPLETED
