"""Certificate templates and the certificates issued from them.

A certificate states facts that a third party may check years later, so it keeps
a snapshot of everything it states (name, course title, date, score, template
revision) and never changes when the course, the template or the account does.
Revocation and replacement keep the record and its code.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import CollectionMember, RevisionMixin
from wagtail.search import index

from learning.storage import private_media_root

from .codes import format_code

PLACEHOLDERS = {
    "learner_name": _("Name of the learner"),
    "course_title": _("Title of the course"),
    "completion_date": _("Date the course was completed"),
    "score": _("Average quiz score, e.g. 92 %"),
    "duration": _("Estimated duration of the course"),
    "certificate_number": _("Verification code of the certificate"),
    "network": _("IQ network of the learner's organisation"),
    "organisation": _("Organisation of the learner"),
}


class PrivateCertificateStorage(FileSystemStorage):
    """File storage for certificate PDFs; files have no public URL.

    The location is read from the settings at every access so tests and
    deployments can move it without re-importing the models.
    """

    @property
    def base_location(self) -> str:
        return str(private_media_root() / "certificates")

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Certificate files are served by a permission-checking view.")

    def deconstruct(self):
        return ("certificates.models.PrivateCertificateStorage", (), {})


class CertificateTemplate(CollectionMember, RevisionMixin, index.Indexed, models.Model):
    """The design and wording of a certificate, chosen per course by trainers.

    It lives in a collection (a course team's) like images: the team's members
    choose it for their courses (see certificates/scoping.py).
    """

    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("Heading printed on the certificate, e.g. 'Certificate'."),
    )
    body = models.TextField(
        _("body text"),
        help_text=_(
            "Text of the certificate. Blank lines separate paragraphs. Placeholders: "
            "{learner_name}, {course_title}, {completion_date}, {score}, {duration}, "
            "{certificate_number}, {network}, {organisation}."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    background_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Decorative; keep it light so the text stays readable."),
    )
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(_("signatory name"), max_length=200, blank=True)
    signatory_role = models.CharField(_("signatory role"), max_length=200, blank=True)
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for certificates that do not expire; set for refresher "
            "training."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("collection"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("validity_months")]),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("background_image"),
                FieldPanel("signature_image"),
                FieldRowPanel(
                    [FieldPanel("signatory_name"), FieldPanel("signatory_role")]
                ),
            ],
            heading=_("Design and signature"),
        ),
    ]
    search_fields = CollectionMember.search_fields + [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("language"),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["title"]
        permissions = [
            ("choose_certificatetemplate", _("Can choose certificate template"))
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_language_display()})"

    def clean(self) -> None:
        super().clean()
        from .rendering import unknown_placeholders

        unknown = unknown_placeholders(self.body or "")
        if unknown:
            raise ValidationError(
                {
                    "body": _("Unknown placeholder(s): %(names)s. Allowed: %(allowed)s")
                    % {
                        "names": ", ".join(sorted(unknown)),
                        "allowed": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                    }
                }
            )


class CertificateSource(models.TextChoices):
    COMPLETION = "completion", _("Course completed")
    TRAINER = "trainer", _("Issued by a trainer")
    GROUP = "group", _("Issued for a workshop group")
    REISSUE = "reissue", _("Re-issued")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class CertificateQuerySet(models.QuerySet):
    def current(self):
        """Neither revoked nor replaced: the one a learner holds for a course."""
        return self.filter(revoked_at__isnull=True, superseded_at__isnull=True)

    def valid(self, now=None):
        now = now or timezone.now()
        return self.current().filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))

    def expired(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__lte=now)

    def revoked(self):
        return self.filter(revoked_at__isnull=False)


class Certificate(models.Model):
    """One issued certificate; what it states lives in `snapshot` and never changes."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(
        _("verification code"),
        max_length=16,
        unique=True,
        editable=False,
        help_text=_("80 random bits in Crockford base32, shown in groups of four."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    course_key = models.UUIDField(_("course identity"), db_index=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    group = models.ForeignKey(
        "courses.WorkshopGroup",
        verbose_name=_("workshop group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    network = models.ForeignKey(
        "accounts.Network",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    template_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("template revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    snapshot = models.JSONField(_("stated facts"), default=dict, editable=False)
    language = models.CharField(_("language"), max_length=8)
    source = models.CharField(
        _("source"), max_length=16, choices=CertificateSource.choices
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), db_index=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    superseded_at = models.DateTimeField(
        _("replaced at"),
        null=True,
        blank=True,
        help_text=_("Set when a newer certificate for the same course replaced it."),
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(
        _("PDF"),
        storage=PrivateCertificateStorage(),
        upload_to="%Y/%m",
        blank=True,
        max_length=200,
    )
    pdf_rendered_at = models.DateTimeField(_("PDF rendered at"), null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            # Exactly one current certificate per learner and course, even when the
            # completion event arrives twice or concurrently.
            models.UniqueConstraint(
                fields=["user", "course_key"],
                condition=Q(revoked_at__isnull=True, superseded_at__isnull=True),
                name="one_current_certificate_per_course",
            )
        ]
        permissions = [
            ("revoke_certificate", _("Can revoke and re-issue certificates")),
            ("issue_certificate", _("Can issue certificates by hand")),
        ]

    def __str__(self) -> str:
        return f"{self.display_code} – {self.learner_name} – {self.course_title}"

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    @property
    def learner_name(self) -> str:
        return self.snapshot.get("learner_name", "")

    @property
    def course_title(self) -> str:
        return self.snapshot.get("course_title", "")

    def status_at(self, now=None) -> str:
        now = now or timezone.now()
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        if self.expires_at is not None and self.expires_at <= now:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    @property
    def status(self) -> str:
        return self.status_at()

    def get_status_display(self) -> str:
        return CertificateStatus(self.status).label


class GroupArchiveStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class GroupCertificateArchive(models.Model):
    """A ZIP of a workshop group's certificates, built in the background."""

    group = models.ForeignKey(
        "courses.WorkshopGroup",
        verbose_name=_("workshop group"),
        on_delete=models.CASCADE,
        related_name="certificate_archives",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=GroupArchiveStatus.choices,
        default=GroupArchiveStatus.PENDING,
    )
    file = models.FileField(
        _("file"),
        storage=PrivateCertificateStorage(),
        upload_to="archives/%Y/%m",
        blank=True,
        max_length=200,
    )
    certificate_count = models.PositiveIntegerField(_("certificates"), default=0)

    class Meta:
        verbose_name = _("certificate archive")
        verbose_name_plural = _("certificate archives")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.group} – {self.requested_at:%Y-%m-%d %H:%M}"
