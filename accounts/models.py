"""Users, their organisations and the regional IQ networks those belong to."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import GROUP_NAMES, Role


class Region(models.TextChoices):
    """German federal states: the regional unit the IQ networks report by."""

    BW = "BW", _("Baden-Württemberg")
    BY = "BY", _("Bavaria")
    BE = "BE", _("Berlin")
    BB = "BB", _("Brandenburg")
    HB = "HB", _("Bremen")
    HH = "HH", _("Hamburg")
    HE = "HE", _("Hesse")
    MV = "MV", _("Mecklenburg-Western Pomerania")
    NI = "NI", _("Lower Saxony")
    NW = "NW", _("North Rhine-Westphalia")
    RP = "RP", _("Rhineland-Palatinate")
    SL = "SL", _("Saarland")
    SN = "SN", _("Saxony")
    ST = "ST", _("Saxony-Anhalt")
    SH = "SH", _("Schleswig-Holstein")
    TH = "TH", _("Thuringia")


class OrganisationType(models.TextChoices):
    EMPLOYER = "employer", _("Employer")
    JOBCENTER = "jobcenter", _("Jobcenter")
    EMPLOYMENT_AGENCY = "employment_agency", _("Federal Employment Agency")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER_PUBLIC = "other_public", _("Other public body")
    OTHER = "other", _("Other")


class Network(models.Model):
    """A regional IQ network (e.g. "IQ NRW"); coordinators report per network."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    region = models.CharField(_("region"), max_length=2, choices=Region.choices)
    lead_trainers = models.ManyToManyField(
        "accounts.User",
        verbose_name=_("lead trainers"),
        blank=True,
        related_name="led_networks",
        limit_choices_to={"groups__name": GROUP_NAMES[Role.TRAINER], "is_active": True},
        help_text=_(
            "Trainers who may create courses and manage the course teams of this "
            "network."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    organisation_type = models.CharField(
        _("type"), max_length=32, choices=OrganisationType.choices
    )
    region = models.CharField(_("region"), max_length=2, choices=Region.choices)
    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "network"], name="unique_organisation_per_network"
            )
        ]

    def __str__(self) -> str:
        return self.name


class EmailUserManager(UserManager):
    """Django's manager, with email in place of a username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform; signs in with their email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[("de", _("German")), ("en", _("English"))],
        default="de",
    )
    coordinated_networks = models.ManyToManyField(
        Network,
        verbose_name=_("coordinated networks"),
        blank=True,
        related_name="coordinators",
        help_text=_("Coordinators see reports for these networks only."),
    )

    privacy_notice_accepted_at = models.DateTimeField(
        _("privacy notice accepted at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the person confirmed the privacy notice at registration."),
    )
    erased_at = models.DateTimeField(
        _("erased at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the personal data of this account was erased."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class AuditAction(models.TextChoices):
    PERSONAL_DATA_VIEWED = "personal_data_viewed", _("Personal data viewed")
    PERSONAL_DATA_EXPORTED = "personal_data_exported", _("Personal data exported")
    ACCOUNT_ERASED = "account_erased", _("Account erased")
    ACCOUNTS_ANONYMISED = "accounts_anonymised", _("Inactive accounts anonymised")
    TWO_FACTOR_RESET = "two_factor_reset", _("Two-factor authentication reset")
    ACCESSIBILITY_FEEDBACK = (
        "accessibility_feedback",
        _("Accessibility feedback received"),
    )


class AuditEntryQuerySet(models.QuerySet):
    def about(self, user):
        return self.filter(subject=user)


class AuditEntry(models.Model):
    """Who accessed or changed personal data, when, and with which filter."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries_made",
    )
    action = models.CharField(_("action"), max_length=32, choices=AuditAction.choices)
    subject = models.ForeignKey(
        User,
        verbose_name=_("about"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries_about",
    )
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    what = models.CharField(
        _("what"),
        max_length=64,
        blank=True,
        help_text=_("Which view or export showed the data."),
    )
    reason = models.CharField(_("why"), max_length=200, blank=True)
    subjects = models.ManyToManyField(
        User,
        verbose_name=_("people shown"),
        blank=True,
        related_name="audit_entries_listing",
        help_text=_("Everyone named in a list that was viewed."),
    )

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        """Append-only: an entry once written is never changed through the model."""
        if not self._state.adding:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)


class OutgoingEmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingEmail(models.Model):
    """A rendered message waiting for (or sent by) the task worker.

    The task queue only carries this row's id, so no address or text ends up in
    the task table; the row belongs to its recipient (export, erasure) and is
    deleted after EMAIL_RECORDS_KEEP_DAYS.
    """

    recipient = models.ForeignKey(
        User,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to = models.JSONField(_("to"), default=list)
    from_email = models.CharField(_("from"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    body = models.TextField(_("body"), blank=True)
    alternatives = models.JSONField(_("alternatives"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=OutgoingEmailStatus.choices,
        default=OutgoingEmailStatus.QUEUED,
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_status_display()}"
