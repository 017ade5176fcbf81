"""H5P and SCORM packages, learners' runtime data, and xAPI statements."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import CollectionMember
from wagtail.search import index

from . import conf


class PackageKind(models.TextChoices):
    H5P = "h5p", _("H5P")
    SCORM12 = "scorm12", _("SCORM 1.2")
    SCORM2004 = "scorm2004", _("SCORM 2004")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ContentPackage(CollectionMember, index.Indexed, models.Model):
    """An uploaded, validated and extracted package.

    `token` names its private folder and appears in file URLs, so one package's
    URL reveals nothing about another; `activity_id` is its public xAPI identity.
    Like images and documents it lives in a collection: a course team's, whose
    members may choose it (see content_packages/scoping.py).
    """

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=PackageKind.choices)
    token = models.CharField(
        _("storage token"),
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
    )
    activity_uuid = models.UUIDField(
        _("activity id"), unique=True, default=uuid.uuid4, editable=False
    )
    original_filename = models.CharField(_("original file name"), max_length=255)
    identifier = models.CharField(_("manifest identifier"), max_length=255, blank=True)
    schema_version = models.CharField(_("schema version"), max_length=64, blank=True)
    launch_path = models.CharField(_("launch file"), max_length=1024)
    scos = models.JSONField(_("SCOs"), default=list, blank=True)
    h5p_metadata = models.JSONField(_("H5P metadata"), default=dict, blank=True)
    has_sequencing = models.BooleanField(
        _("declares sequencing"),
        default=False,
        help_text=_(
            "SCORM 2004 sequencing rules are not applied: each SCO is played and "
            "tracked on its own."
        ),
    )
    file_count = models.PositiveIntegerField(_("files"), default=0)
    total_size = models.PositiveBigIntegerField(_("size unpacked (bytes)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    search_fields = CollectionMember.search_fields + [
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        verbose_name = _("content package")
        verbose_name_plural = _("content packages")
        ordering = ["title"]
        permissions = [("choose_contentpackage", _("Can choose content package"))]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display()})"

    @property
    def is_scorm(self) -> bool:
        return self.kind in {PackageKind.SCORM12, PackageKind.SCORM2004}

    @property
    def storage_path(self):
        return conf.storage_root() / self.token

    @property
    def activity_id(self) -> str:
        return f"{conf.site_url()}/xapi/activities/package/{self.activity_uuid}"

    def sco_activity_id(self, index: int) -> str:
        return f"{self.activity_id}/sco/{index}"


class LearnerIdentity(models.Model):
    """A stable opaque id for a learner in xAPI statements (never the email)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="xapi_identity",
    )
    account_name = models.UUIDField(
        _("xAPI account name"), unique=True, default=uuid.uuid4
    )

    class Meta:
        verbose_name = _("xAPI learner identity")
        verbose_name_plural = _("xAPI learner identities")

    def __str__(self) -> str:
        return str(self.account_name)


class H5PUserData(models.Model):
    """H5P's contentUserData (resume state), one row per learner, package and key."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE
    )
    package = models.ForeignKey(
        ContentPackage, verbose_name=_("package"), on_delete=models.CASCADE
    )
    data_type = models.CharField(_("data type"), max_length=64, default="state")
    sub_content_id = models.CharField(_("sub-content id"), max_length=64, default="0")
    data = models.TextField(_("data"), blank=True)
    attempt = models.PositiveIntegerField(_("attempt"), default=1)
    attempt_started_at = models.DateTimeField(
        _("attempt started at"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("H5P user data")
        verbose_name_plural = _("H5P user data")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "data_type", "sub_content_id"],
                name="unique_h5p_user_data",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.package} – {self.data_type}"


class ScormAttempt(models.Model):
    """One learner's attempt at one SCO: the cmi data of the last commit.

    Once `finished_at` is set (the SCO ended with a finished status, or was left
    so), no commit changes it again: the learner reviews it or starts the next.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment",
        verbose_name=_("enrolment"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    package = models.ForeignKey(
        ContentPackage, verbose_name=_("package"), on_delete=models.CASCADE
    )
    sco_index = models.PositiveIntegerField(_("SCO"))
    number = models.PositiveIntegerField(_("attempt"), default=1)
    cmi = models.JSONField(_("cmi data"), default=dict, blank=True)
    completion_status = models.CharField(
        _("completion status"), max_length=32, blank=True
    )
    success_status = models.CharField(_("success status"), max_length=32, blank=True)
    score_scaled = models.FloatField(_("scaled score"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=1000, blank=True)
    suspend_data = models.TextField(_("suspend data"), blank=True)
    is_satisfied = models.BooleanField(_("completed"), default=False)
    finished_at = models.DateTimeField(
        _("finished at"),
        null=True,
        blank=True,
        help_text=_("A finished attempt is kept as it is; a new attempt starts anew."),
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("SCORM attempt")
        verbose_name_plural = _("SCORM attempts")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "sco_index", "number"],
                name="unique_scorm_attempt",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.package} – SCO {self.sco_index} #{self.number}"


class StatementSource(models.TextChoices):
    H5P = "h5p", _("H5P")
    SCORM = "scorm", _("SCORM")
    QUIZ = "quiz", _("Quiz")
    MODULE = "module", _("Module")


class StatementQuerySet(models.QuerySet):
    def pending_forwarding(self):
        return self.filter(forwarded_at__isnull=True)


class Statement(models.Model):
    """An xAPI 1.0.3 statement as stored by the platform (its own LRS of record).

    The full statement is kept in `data`; a few fields are copied out to query
    progress. Forwarding to an external LRS only ever adds to `forwarded_at` and
    `forward_attempts`, so a failure never loses the statement.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="xapi_statements",
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    package = models.ForeignKey(
        ContentPackage,
        verbose_name=_("package"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    source = models.CharField(
        _("source"), max_length=16, choices=StatementSource.choices
    )
    verb_id = models.CharField(_("verb"), max_length=255, db_index=True)
    object_id = models.CharField(_("activity"), max_length=1024, db_index=True)
    score_scaled = models.FloatField(_("scaled score"), null=True, blank=True)
    success = models.BooleanField(_("success"), null=True, blank=True)
    completion = models.BooleanField(_("completion"), null=True, blank=True)
    timestamp = models.DateTimeField(_("timestamp"))
    stored_at = models.DateTimeField(_("stored"), auto_now_add=True)
    data = models.JSONField(_("statement"))
    forwarded_at = models.DateTimeField(_("forwarded to LRS at"), null=True, blank=True)
    forward_attempts = models.PositiveIntegerField(_("forwarding attempts"), default=0)
    last_forward_error = models.TextField(_("last forwarding error"), blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["-timestamp"]
        indexes = [models.Index(fields=["user", "package", "verb_id"])]

    def __str__(self) -> str:
        return f"{self.verb_id.rsplit('/', 1)[-1]} {self.object_id}"
