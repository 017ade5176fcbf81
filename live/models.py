"""Live trainings: dated sessions of a course, their bookings and attendance.

A session belongs to a course (all its languages) and optionally to one of its
workshop groups; dates sharing a ``series`` count as one training. Times are
stored aware (UTC) and shown in Europe/Berlin.
"""

from __future__ import annotations

import secrets
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, WorkshopGroup


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class LiveSessionQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now(), is_cancelled=False)

    def of_course(self, course: CoursePage):
        """The sessions of every language version of ``course``."""
        return self.filter(course__translation_key=course.translation_key)


class LiveSession(models.Model):
    """One date of a live training (a workshop day, a 90-minute online session)."""

    uid = models.UUIDField(_("calendar identity"), default=uuid4, unique=True)
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="live_sessions",
    )
    group = models.ForeignKey(
        WorkshopGroup,
        verbose_name=_("workshop group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_sessions",
        help_text=_("Only members of this group may book. Empty: every learner."),
    )
    title = models.CharField(_("title"), max_length=200)
    format = models.CharField(
        _("format"),
        max_length=16,
        choices=SessionFormat.choices,
        default=SessionFormat.IN_PERSON,
    )
    series = models.SlugField(
        _("series"),
        max_length=64,
        blank=True,
        help_text=_(
            "Dates with the same series name count as one training "
            "(e.g. a three-day train-the-trainer series)."
        ),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to participants with a confirmed booking."),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="live_sessions_led",
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=20)
    booking_opens_at = models.DateTimeField(_("booking opens"), null=True, blank=True)
    booking_closes_at = models.DateTimeField(_("booking closes"), null=True, blank=True)
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("After this, learners cannot cancel themselves. Empty: start."),
    )
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        help_text=_("Raised on every change participants are told about (iCalendar)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = LiveSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="live_session_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        return f"{self.title} ({start:%d.%m.%Y %H:%M})"

    @property
    def hours(self) -> float:
        return round((self.ends_at - self.starts_at).total_seconds() / 3600, 2)

    @property
    def last_cancellation(self):
        return self.cancellation_deadline or self.starts_at

    def is_open_for_booking(self, now=None) -> bool:
        now = now or timezone.now()
        if self.is_cancelled or now >= self.starts_at:
            return False
        if self.booking_opens_at and now < self.booking_opens_at:
            return False
        return not (self.booking_closes_at and now >= self.booking_closes_at)


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Booking(models.Model):
    """A learner's seat (or place on the waiting list); one row per session and
    person, reused when they book again after cancelling."""

    session = models.ForeignKey(
        LiveSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="live_bookings",
    )
    status = models.CharField(_("status"), max_length=16, choices=BookingStatus.choices)
    position = models.PositiveIntegerField(
        _("waiting list number"), null=True, blank=True
    )
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        help_text=_("Raised when this booking is cancelled or made again (iCalendar)."),
    )
    reminded_sequence = models.PositiveIntegerField(
        _("reminded for revision"), null=True, blank=True, editable=False
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["session", "status", "position", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="live_booking_once_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.session} ({self.get_status_display()})"

    @property
    def ics_sequence(self) -> int:
        """Session changes and this booking's own changes both raise it."""
        return self.session.sequence + self.revision


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class Attendance(models.Model):
    """Who was there on one date, as the trainer recorded it (or a self check-in)."""

    session = models.ForeignKey(
        LiveSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="live_attendances",
    )
    status = models.CharField(
        _("attendance"), max_length=16, choices=AttendanceStatus.choices
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="live_attendance_once_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.session}: {self.get_status_display()}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A learner's secret calendar URL; revoking replaces the token."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="live_calendar_feed",
    )
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_feed_token
    )
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user}"


class AttendanceRule(models.Model):
    """A module completed by taking part live: at least N dates of its course
    attended (present or late) and, optionally, at least H hours."""

    module = models.OneToOneField(
        "courses.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="attendance_rule",
    )
    minimum_sessions = models.PositiveIntegerField(_("dates to attend"), default=1)
    minimum_hours = models.DecimalField(
        _("hours to attend"), max_digits=5, decimal_places=1, default=0
    )

    class Meta:
        verbose_name = _("attendance condition")
        verbose_name_plural = _("attendance conditions")

    def __str__(self) -> str:
        return f"{self.module}"
