"""Courses, their modules, and what learners do with them.

Identity across languages: a course and its translations share a Wagtail
``translation_key``. Enrolments and progress are keyed on that UUID
(``Enrollment.course_key``, ``ModuleProgress.module_key``), so a learner who
switches between German and English keeps one enrolment and one progress record.
The foreign keys point at the page the learner actually used, for convenience.
"""

from .pages import (
    Audience,
    CourseCompletionRule,
    CourseIndexPage,
    CoursePage,
    ModulePage,
    PackageRequirement,
)
from .records import (
    Enrollment,
    EnrollmentQuerySet,
    EnrollmentSource,
    EnrollmentStatus,
    ModuleProgress,
    ModuleStatus,
    ReflectionEntry,
    WorkshopGroup,
)

__all__ = [
    "Audience",
    "CourseCompletionRule",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "EnrollmentQuerySet",
    "EnrollmentSource",
    "EnrollmentStatus",
    "ModulePage",
    "ModuleProgress",
    "ModuleStatus",
    "PackageRequirement",
    "ReflectionEntry",
    "WorkshopGroup",
]
