"""Reporting: permissions, ESF+ indicators and background export jobs.

Personal-data exports are logged in accounts' AuditEntry (one audit log).

ESF+ indicators live in their own tables, apart from the identity data on the user,
so they can be reported (and erased) on their own.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NO_ANSWER = "no_answer"


class ReportAccess(models.Model):
    """Carries the reporting permissions; no table of its own."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_reports", _("Can view participation reports")),
            ("view_personal_data", _("Can view per-person participation lists")),
        ]

    def __str__(self) -> str:
        return "report access"


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    DIVERSE = "diverse", _("Diverse")
    NO_ANSWER = NO_ANSWER, _("No answer")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18_TO_29 = "18_29", _("18 to 29")
    FROM_30_TO_54 = "30_54", _("30 to 54")
    FROM_55 = "55_plus", _("55 and older")
    NO_ANSWER = NO_ANSWER, _("No answer")


class EmploymentStatus(models.TextChoices):
    EMPLOYED = "employed", _("Employed (including self-employed)")
    UNEMPLOYED = "unemployed", _("Unemployed")
    INACTIVE = "inactive", _("Not in employment and not looking for work")
    IN_EDUCATION = "in_education", _("In education or training")
    NO_ANSWER = NO_ANSWER, _("No answer")


class IscedBand(models.TextChoices):
    ISCED_0_2 = "isced_0_2", _("Up to lower secondary education (ISCED 0–2)")
    ISCED_3_4 = "isced_3_4", _("Upper secondary or post-secondary (ISCED 3–4)")
    ISCED_5_8 = "isced_5_8", _("Tertiary education (ISCED 5–8)")
    NO_ANSWER = NO_ANSWER, _("No answer")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NO_ANSWER = NO_ANSWER, _("No answer")


class ParticipantIndicators(models.Model):
    """A participant's optional ESF+ answers; every field allows "no answer"."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="esf_indicators",
    )
    gender = models.CharField(
        _("gender"), max_length=16, choices=Gender.choices, default=NO_ANSWER
    )
    age_band = models.CharField(
        _("age"), max_length=16, choices=AgeBand.choices, default=NO_ANSWER
    )
    employment_status = models.CharField(
        _("employment status"),
        max_length=16,
        choices=EmploymentStatus.choices,
        default=NO_ANSWER,
    )
    isced_band = models.CharField(
        _("highest level of education"),
        max_length=16,
        choices=IscedBand.choices,
        default=NO_ANSWER,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("ESF+ participant indicators")
        verbose_name_plural = _("ESF+ participant indicators")

    def __str__(self) -> str:
        return f"ESF+ #{self.user_id}"


class ParticipantExitIndicators(models.Model):
    """A participant's ESF+ immediate results on leaving one funded course.

    Created (all "no answer") when the enrolment completes, so the reminder
    knows whom to ask; `answered_at` is set once the participant saved the form.
    Linked to the enrolment, not to identity data, like the entry answers.
    """

    enrollment = models.OneToOneField(
        "courses.Enrollment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="esf_exit",
    )
    job_searching = models.CharField(
        _("looking for work"), max_length=16, choices=YesNo.choices, default=NO_ANSWER
    )
    in_education = models.CharField(
        _("in education or training"),
        max_length=16,
        choices=YesNo.choices,
        default=NO_ANSWER,
    )
    qualification_gained = models.CharField(
        _("gained a qualification"),
        max_length=16,
        choices=YesNo.choices,
        default=NO_ANSWER,
    )
    employed = models.CharField(
        _("employed (including self-employed)"),
        max_length=16,
        choices=YesNo.choices,
        default=NO_ANSWER,
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(
        _("reminder sent at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("ESF+ exit answers")
        verbose_name_plural = _("ESF+ exit answers")

    def __str__(self) -> str:
        return f"ESF+ exit #{self.enrollment_id}"


RESULT_FIELDS = ("job_searching", "in_education", "qualification_gained", "employed")


class OrganisationIndicators(models.Model):
    """Per organisation: the ESF+ entity categories (SME, public administration)."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="esf_indicators",
    )
    is_sme = models.CharField(
        _("small or medium-sized enterprise"),
        max_length=16,
        choices=YesNo.choices,
        default=NO_ANSWER,
    )
    is_public_administration = models.CharField(
        _("public administration"),
        max_length=16,
        choices=YesNo.choices,
        default=NO_ANSWER,
    )

    class Meta:
        verbose_name = _("ESF+ organisation indicators")
        verbose_name_plural = _("ESF+ organisation indicators")

    def __str__(self) -> str:
        return str(self.organisation)


def private_export_root() -> Path:
    """Export files live outside MEDIA_ROOT, so they never have a public URL."""
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    base = Path(configured) if configured else Path(f"{settings.MEDIA_ROOT}-private")
    return base / "reports"


class PrivateExportStorage(FileSystemStorage):
    """Storage for background exports; served only by a permission-checking view."""

    @property
    def base_location(self) -> str:
        return str(private_export_root())

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Export files are served by a permission-checking view.")

    def deconstruct(self):
        return ("reports.models.PrivateExportStorage", (), {})


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"


class ExportJobQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())


class ExportJob(models.Model):
    """A large export built in the background, kept for its requester for a while."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    report = models.CharField(_("report"), max_length=32)
    export_format = models.CharField(
        _("format"), max_length=8, choices=ExportFormat.choices
    )
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        help_text=_("The file is written in the language the requester used."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ExportStatus.choices,
        default=ExportStatus.PENDING,
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    done_rows = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(
        _("file"),
        storage=PrivateExportStorage(),
        upload_to="%Y/%m",
        blank=True,
        max_length=200,
    )
    error = models.TextField(_("error"), blank=True)
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("Why the file was withdrawn, shown to the requester."),
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"))

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.report} ({self.export_format}) #{self.pk}"

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status == ExportStatus.READY else 0
        return min(100, round(100 * self.done_rows / self.total_rows))


class ParticipationFact(models.Model):
    """One row per enrolment with every dashboard dimension and outcome in it.

    Kept current by reports.facts whenever an enrolment, its quiz progress, its
    certificate or the learner's organisation changes, so the dashboard reads one
    narrow table instead of joining users, organisations, progress and
    certificates for every request (100,000 learners in well under a second).
    ``manage.py rebuild_participation_facts`` recomputes it from scratch.
    Dimension keys carry no database constraint: after an organisation or group
    is deleted, the facts still naming it tell which rows to clear.
    """

    enrollment = models.OneToOneField(
        "courses.Enrollment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="participation_fact",
    )
    network = models.ForeignKey(
        "accounts.Network",
        verbose_name=_("network"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # NULL, not "", for a learner without an organisation: grouped as its own row.
    region = models.CharField(_("region"), max_length=2, null=True)  # noqa: DJ001
    organisation_type = models.CharField(  # noqa: DJ001
        _("organisation type"), max_length=32, null=True
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    course_key = models.UUIDField(_("course identity"), db_index=True)
    language = models.CharField(_("language"), max_length=16)
    group = models.ForeignKey(
        "courses.WorkshopGroup",
        verbose_name=_("workshop group"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), db_index=True)
    enrolled_month = models.DateField(_("month of enrolment"))
    started = models.BooleanField(_("started"), default=False)
    completed = models.BooleanField(_("completed"), default=False)
    completed_month = models.DateField(_("month of completion"), null=True)
    days_to_complete = models.FloatField(_("days to complete"), null=True)
    passed = models.BooleanField(_("passed a quiz"), default=False)
    certified = models.BooleanField(_("holds a certificate"), default=False)

    class Meta:
        verbose_name = _("participation fact")
        verbose_name_plural = _("participation facts")
        default_permissions = ()

    def __str__(self) -> str:
        return f"participation of enrolment {self.enrollment_id}"
