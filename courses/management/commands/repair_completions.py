"""Recompute module and course completions from the stored learning records.

Completion is derived from the records (courses.completion); this completes
what they allow where it was not recorded: after a request that stored a result
but lost its completion, or after a trainer changed a module's conditions.
Recorded completions are never taken back. Safe to run at any time, repeatedly.
"""

from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage, Enrollment, EnrollmentStatus
from courses.pipeline import Repaired, repair


class Command(BaseCommand):
    help = "Complete what the stored records allow in every active enrolment."

    def add_arguments(self, parser):
        parser.add_argument(
            "--course",
            type=int,
            help="Only the enrolments of this course (page id, any language).",
        )

    def handle(self, *args, **options):
        enrollments = Enrollment.objects.filter(status=EnrollmentStatus.ACTIVE)
        if options["course"] is not None:
            course = CoursePage.objects.filter(pk=options["course"]).first()
            if course is None:
                raise CommandError(
                    f"There is no course with the id {options['course']}."
                )
            enrollments = enrollments.filter(course_key=course.translation_key)
        total, checked = Repaired(), 0
        for enrollment in enrollments.only("pk").order_by("pk").iterator():
            total += repair(enrollment)  # one transaction per enrolment
            checked += 1
        self.stdout.write(
            f"{checked} active enrolments checked: {total.modules} modules and "
            f"{total.courses} courses completed."
        )
