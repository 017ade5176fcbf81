"""Issuing, revoking and re-issuing certificates.

Exactly one current certificate per learner and course: the partial unique
constraint `one_current_certificate_per_course` decides races, and every issuing
function returns the certificate that won. PDFs and emails are queued as tasks,
so bulk issuing never renders inside a request.
"""

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.pipeline import collecting_changes

from .codes import format_code, generate_code
from .models import (
    Certificate,
    CertificateSource,
    CertificateTemplate,
)

logger = logging.getLogger(__name__)

CODE_ATTEMPTS = 5


# --- Small helpers --------------------------------------------------------------------


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later, clamped to the month's last day."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def verification_url(code: str) -> str:
    """The public URL printed as a QR code; always the unprefixed default language."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificates:verify", kwargs={"code": format_code(code)})
    return absolute_url(path)


def issuer_name() -> str:
    return getattr(settings, "CERTIFICATE_ISSUER_NAME", settings.WAGTAIL_SITE_NAME)


# --- What a certificate states --------------------------------------------------------


def _course_in_language(course, language: str):
    """The course page in `language` if that translation exists, else `course`."""
    from courses.models import CoursePage

    translated = (
        CoursePage.objects.filter(
            translation_key=course.translation_key, locale__language_code=language
        )
        .select_related("certificate_template")
        .first()
    )
    return translated or course


def template_for(course, user) -> CertificateTemplate | None:
    """The course's template: the learner's language version first, then any."""
    from courses.models import CoursePage

    preferred = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    candidates = [_course_in_language(course, preferred), course]
    for page in candidates:
        if page.certificate_template_id:
            return page.certificate_template
    other = (
        CoursePage.objects.filter(
            translation_key=course.translation_key,
            certificate_template__isnull=False,
        )
        .select_related("certificate_template")
        .first()
    )
    return other.certificate_template if other else None


def _quiz_score(enrollment) -> Decimal | None:
    if enrollment is None:
        return None
    return enrollment.module_progress.filter(
        best_quiz_score_percent__isnull=False
    ).aggregate(score=Avg("best_quiz_score_percent"))["score"]


DEFAULT_BODY = {
    "de": (
        "{learner_name} hat am {completion_date} den Online-Kurs „{course_title}“ "
        "erfolgreich abgeschlossen.\n\nGeschätzter Lernaufwand: {duration}."
    ),
    "en": (
        "{learner_name} successfully completed the online course "
        "“{course_title}” on {completion_date}.\n\nEstimated study time: {duration}."
    ),
}
DEFAULT_TITLE = {"de": "Teilnahmebescheinigung", "en": "Certificate of completion"}


@dataclass
class Facts:
    learner_name: str
    course_title: str
    completion_date: str
    score: str
    duration: str
    certificate_number: str
    network: str
    organisation: str

    def as_dict(self) -> dict[str, str]:
        return dict(self.__dict__)


PLACEHOLDER_PATTERN = re.compile(r"\{(\w+)\}")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace known {name}s only: no str.format, so no attribute access tricks."""
    return PLACEHOLDER_PATTERN.sub(lambda m: values.get(m[1], m[0]), text)


def _format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    if hours:
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
        "count": minutes
    }


def build_snapshot(
    *, user, course, enrollment, template, code: str, issued_at, language: str
) -> dict:
    """Everything the certificate states, frozen at issue time."""
    completed_at = (enrollment.completed_at if enrollment else None) or issued_at
    local_course = _course_in_language(course, language)
    organisation = getattr(user, "organisation", None)
    network = organisation.network if organisation else None
    score = _quiz_score(enrollment)
    with translation.override(language):
        facts = Facts(
            learner_name=user.get_full_name().strip() or user.email,
            course_title=local_course.title,
            completion_date=date_format(
                timezone.localtime(completed_at).date(), "DATE_FORMAT"
            ),
            score=(f"{score:.0f} %" if score is not None else "–"),
            duration=_format_duration(local_course.estimated_duration_minutes),
            certificate_number=format_code(code),
            network=network.name if network else "",
            organisation=organisation.name if organisation else "",
        )
        title = template.title if template else DEFAULT_TITLE.get(language, "")
        body = template.body if template else DEFAULT_BODY.get(language, "")
        paragraphs = [
            fill_placeholders(paragraph.strip(), facts.as_dict())
            for paragraph in body.replace("\r\n", "\n").split("\n\n")
            if paragraph.strip()
        ]
        return {
            **facts.as_dict(),
            "completed_on": timezone.localtime(completed_at).date().isoformat(),
            "score_percent": str(score) if score is not None else None,
            "duration_minutes": local_course.estimated_duration_minutes,
            "course_summary": local_course.summary,
            "course_key": str(course.translation_key),
            "title": title,
            "paragraphs": paragraphs,
            "signatory_name": template.signatory_name if template else "",
            "signatory_role": template.signatory_role if template else "",
            "issuer": issuer_name(),
            "language": language,
            # The open badge states the course in the course's own language.
            "achievement": {
                "language": course.locale.language_code,
                "name": course.title,
                "description": course.summary or course.title,
            },
        }


# --- Issuing --------------------------------------------------------------------------


def _current(user, course_key, *, lock: bool = False):
    queryset = Certificate.objects.current().filter(user=user, course_key=course_key)
    if lock:
        queryset = queryset.select_for_update()
    return queryset.first()


def _create(
    *,
    user,
    course,
    enrollment,
    source: str,
    by=None,
    group=None,
    now=None,
) -> Certificate:
    """Issue a new certificate unless a current valid one exists; returns the winner."""
    now = now or timezone.now()
    course_key = course.translation_key
    with transaction.atomic():
        existing = _current(user, course_key, lock=True)
        if existing is not None and (
            existing.expires_at is None or existing.expires_at > now
        ):
            return existing
        template = template_for(course, user)
        revision = None
        if template is not None:
            revision = template.latest_revision or template.save_revision()
            language = template.language
        else:
            language = getattr(user, "preferred_language", "") or (
                settings.LANGUAGE_CODE
            )
        organisation = getattr(user, "organisation", None)
        for _attempt in range(CODE_ATTEMPTS):
            code = generate_code()
            if not Certificate.objects.filter(code=code).exists():
                break
        certificate = Certificate(
            code=code,
            user=user,
            course_key=course_key,
            course=course,
            enrollment=enrollment,
            group=group or (enrollment.group if enrollment else None),
            organisation=organisation,
            network=organisation.network if organisation else None,
            template=template,
            template_revision=revision,
            language=language,
            source=source,
            issued_by=by,
            issued_at=now,
            expires_at=(
                add_months(now, template.validity_months)
                if template and template.validity_months
                else None
            ),
            snapshot=build_snapshot(
                user=user,
                course=course,
                enrollment=enrollment,
                template=template,
                code=code,
                issued_at=now,
                language=language,
            ),
        )
        try:
            with transaction.atomic():
                if existing is not None:
                    # Expired: it stays expired, but no longer counts as current.
                    Certificate.objects.filter(pk=existing.pk).update(superseded_at=now)
                certificate.save()
                if existing is not None:
                    Certificate.objects.filter(pk=existing.pk).update(
                        replaced_by=certificate
                    )
        except IntegrityError:
            # Someone else issued it at the same moment: theirs is the one.
            winner = _current(user, course_key)
            if winner is None:
                raise
            return winner
        _after_issue(certificate)
    return certificate


def _after_issue(certificate: Certificate) -> None:
    """The PDF and the email leave the database: queued once the issue commits."""
    from .tasks import render_certificate_pdf_task

    pk = certificate.pk
    transaction.on_commit(lambda: render_certificate_pdf_task.enqueue(pk))
    notify_learner(certificate)


def issue_for_completion(enrollment) -> Certificate | None:
    """Called by the completion pipeline when an enrolment becomes completed
    (certificates.completion); idempotent."""
    from courses.models import EnrollmentStatus

    if enrollment.status != EnrollmentStatus.COMPLETED or enrollment.user_id is None:
        return None
    return _create(
        user=enrollment.user,
        course=enrollment.course,
        enrollment=enrollment,
        source=CertificateSource.COMPLETION,
        now=enrollment.completed_at,
    )


def issue_by_trainer(user, course, *, by) -> Certificate:
    """A trainer confirms participation by hand (e.g. after a face-to-face workshop)."""
    from courses.models import Enrollment

    enrollment = Enrollment.objects.filter(
        user=user, course_key=course.translation_key
    ).first()
    return _create(
        user=user,
        course=course,
        enrollment=enrollment,
        source=CertificateSource.TRAINER,
        by=by,
    )


def issue_bulk_for_group(group, *, by, completed_only: bool = True) -> list:
    """Issue for every member of a workshop group; PDFs are rendered by tasks."""
    from courses.models import EnrollmentStatus

    enrollments = group.enrollments.current().select_related(
        "user__organisation__network", "course"
    )
    if completed_only:
        enrollments = enrollments.filter(status=EnrollmentStatus.COMPLETED)
    certificates = []
    with transaction.atomic(), collecting_changes():
        for enrollment in enrollments:
            certificates.append(
                _create(
                    user=enrollment.user,
                    course=group.course,
                    enrollment=enrollment,
                    source=CertificateSource.GROUP,
                    by=by,
                    group=group,
                )
            )
    return certificates


def revoke(certificate: Certificate, *, reason: str, by=None) -> Certificate:
    """Withdraw a certificate; its record and code stay so verifiers see 'revoked'."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Please give a reason for the revocation."), code="reason_required"
        )
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revocation_reason = reason[:2000]
            locked.revoked_by = by if by is not None and by.is_authenticated else None
            locked.save(update_fields=["revoked_at", "revocation_reason", "revoked_by"])
    return locked


def reissue(certificate: Certificate, *, by=None, reason: str = "") -> Certificate:
    """Replace a certificate with a new one stating today's data (e.g. a corrected
    name); the old one is revoked and points at its replacement."""
    if certificate.user is None or certificate.course is None:
        raise ValidationError(
            _("This certificate cannot be re-issued: its learner or course is gone."),
            code="orphaned",
        )
    now = timezone.now()
    with transaction.atomic(), collecting_changes():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.revoked_at is None:
            old.revoked_at = now
            old.revocation_reason = reason.strip() or _(
                "Replaced by a new certificate."
            )
            old.revoked_by = by if by is not None and by.is_authenticated else None
        old.superseded_at = old.superseded_at or now
        old.save(
            update_fields=[
                "revoked_at",
                "revocation_reason",
                "revoked_by",
                "superseded_at",
            ]
        )
        new = _create(
            user=old.user,
            course=old.course,
            enrollment=old.enrollment,
            source=CertificateSource.REISSUE,
            by=by,
            group=old.group,
        )
        Certificate.objects.filter(pk=old.pk).update(replaced_by=new)
    return new


# --- PDF and notifications ------------------------------------------------------------


def render_pdf(certificate: Certificate) -> Certificate:
    """Render and store the PDF (called by the task; safe to call again)."""
    from .pdf import render_certificate_pdf
    from .pdf_files import store_pdf

    return store_pdf(certificate, render_certificate_pdf(certificate))


def ensure_pdf(certificate: Certificate) -> Certificate:
    """A single certificate whose task has not run yet is rendered on demand."""
    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        render_pdf(certificate)
    return certificate


def notify_learner(certificate: Certificate) -> None:
    """Email with a link to 'My certificates'; sent by a task after the commit."""
    from accounts import emails
    from accounts.services import send_email_later

    user = certificate.user
    if user is None or not user.is_active or not user.email:
        return
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "certificate": certificate,
            "my_certificates_url": absolute_url(reverse("certificates:mine")),
            "verification_url": verification_url(certificate.code),
        }
        subject = _("Your certificate: %(course)s") % {
            "course": certificate.course_title
        }
        body = render_to_string("certificates/email/issued.txt", context)
        message = emails.build(subject, body, user.email, user=user)
    transaction.on_commit(lambda: send_email_later(message, recipient=user))
