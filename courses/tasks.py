"""Background work of the courses app."""

from django_tasks import task

from .models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
)
from .pipeline import repair


@task()
def repair_after_publish(module_key: str) -> int:
    """A module was published, perhaps with other conditions: complete what the
    records of its learners now allow (recorded completions stay as they are).

    Checks those who have not completed the module or, when it is optional now,
    every active enrolment of its course. Returns how many were checked.
    """
    module = ModulePage.objects.live().filter(translation_key=module_key).first()
    if module is None:
        return 0
    enrollments = Enrollment.objects.filter(status=EnrollmentStatus.ACTIVE)
    if module.is_required:
        open_here = ModuleProgress.objects.filter(module_key=module_key).exclude(
            status=ModuleStatus.COMPLETED
        )
        enrollments = enrollments.filter(pk__in=open_here.values("enrollment_id"))
    else:
        course = CoursePage.objects.ancestor_of(module).first()
        enrollments = enrollments.filter(course_key=course.translation_key)
    checked = 0
    for enrollment in enrollments.only("pk").order_by("pk").iterator():
        repair(enrollment)
        checked += 1
    return checked
