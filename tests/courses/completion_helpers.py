"""Helpers of the completion tests: a learner's condition states, a module's status."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from courses import completion, services
from courses.models import ModuleProgress
from tests.factories import make_course


@pytest.fixture(autouse=True)
def german():
    """Messages are checked in German, whatever an earlier test left active."""
    with translation.override("de"):
        yield


def reflection_ids(module) -> list[str]:
    return [b.id for b in module.body if b.block_type == "reflection"]


def states(learner, module) -> dict[str, bool]:
    enrollment = services.get_active_enrollment(learner, services.course_of(module))
    return {
        s.kind: s.met
        for s in completion.module_conditions(enrollment, module)
        if s.required
    }


def status(learner, module) -> str:
    return ModuleProgress.objects.get(
        enrollment__user=learner, module_key=module.translation_key
    ).status


def one_module_course(course_index, **fields):
    course = make_course(course_index, modules=1, module_fields=fields)
    return course, course.get_modules().get().specific


def spend(learner, module, minutes: int) -> None:
    """As if the learner had opened the module `minutes` ago and read since."""
    ModuleProgress.objects.filter(
        enrollment__user=learner, module_key=module.translation_key
    ).update(last_seen_at=timezone.now() - timedelta(minutes=minutes))
