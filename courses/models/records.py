"""What learners do with courses: enrolments, progress, notes, workshop groups."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import CoursePage, ModulePage


class EnrollmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EnrollmentSource(models.TextChoices):
    SELF = "self", _("Self-enrolled")
    TRAINER = "trainer", _("Enrolled by a trainer")
    GROUP_CODE = "group_code", _("Workshop group code")


class EnrollmentQuerySet(models.QuerySet):
    def current(self):
        """Active or completed: the learner still has the course."""
        return self.exclude(status=EnrollmentStatus.WITHDRAWN)


class Enrollment(models.Model):
    """A learner taking a course, in whichever of its languages.

    Unique per (user, course_key); withdrawing keeps the row and its progress.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    course_key = models.UUIDField(
        _("course identity"),
        db_index=True,
        help_text=_("The translation key shared by all languages of the course."),
    )
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrollments",
        help_text=_("The course page (language version) the learner enrolled on."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.ACTIVE,
    )
    source = models.CharField(
        _("source"),
        max_length=16,
        choices=EnrollmentSource.choices,
        default=EnrollmentSource.SELF,
    )
    group = models.ForeignKey(
        "courses.WorkshopGroup",
        verbose_name=_("workshop group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="unique_enrollment_per_course"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"

    @property
    def is_current(self) -> bool:
        return self.status != EnrollmentStatus.WITHDRAWN


class ModuleStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class ModuleProgress(models.Model):
    """A learner's progress in one module, shared by all languages of the module."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="module_progress",
    )
    module_key = models.UUIDField(_("module identity"))
    module = models.ForeignKey(
        ModulePage,
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The module page (language version) last used."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ModuleStatus.choices,
        default=ModuleStatus.NOT_STARTED,
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen at"), null=True, blank=True)
    seconds_on_task = models.PositiveIntegerField(
        _("time on task (seconds, estimate)"), default=0
    )
    best_quiz_score_percent = models.DecimalField(
        _("best quiz score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    viewed_to_end_at = models.DateTimeField(
        _("confirmed as read at"),
        null=True,
        blank=True,
        help_text=_("When the learner confirmed with “Done” that they read it all."),
    )

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "module_key"],
                name="unique_progress_per_module",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} – {self.module_key}: {self.status}"


class ReflectionEntry(models.Model):
    """A learner's private answer to a reflection block; only they can read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="reflection_entries",
    )
    module_key = models.UUIDField(_("module identity"))
    block_id = models.CharField(_("block id"), max_length=64)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key", "block_id"],
                name="unique_reflection_per_block",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.block_id}"


class WorkshopGroup(models.Model):
    """A trainer-led group (blended learning) that learners join with a code."""

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="workshop_groups",
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        related_name="workshop_groups",
    )
    organisations = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="workshop_groups",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    sessions = models.TextField(
        _("sessions"),
        blank=True,
        help_text=_("Dates and places of the face-to-face sessions, one per line."),
    )
    enrolment_code = models.CharField(
        _("enrolment code"),
        max_length=16,
        unique=True,
        help_text=_("Learners type this code to join the group and its course."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop group")
        verbose_name_plural = _("workshop groups")
        ordering = ["-start_date", "name"]

    def __str__(self) -> str:
        return self.name
