import threading
from datetime import timedelta
from functools import partial

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext

from certificates import services
from certificates.codes import ALPHABET, CODE_LENGTH, format_code, normalise_code
from certificates.models import Certificate, CertificateSource, CertificateTemplate
from courses import services as course_services
from courses.models import Enrollment, EnrollmentStatus, WorkshopGroup
from tests.certificates.conftest import complete_course
from tests.factories import UserFactory


def test_completing_the_course_issues_one_certificate_with_its_facts(issued, course):
    assert issued.source == CertificateSource.COMPLETION
    assert issued.course_key == course.translation_key
    assert issued.snapshot["learner_name"] == "Ayşe Özdemir-Müller"
    assert issued.snapshot["course_title"] == "Anerkennung ausländischer Abschlüsse"
    assert issued.snapshot["organisation"] == "Jobcenter Köln"
    assert issued.template_revision_id == course.certificate_template.latest_revision_id
    assert issued.snapshot["paragraphs"][0].startswith("Ayşe Özdemir-Müller hat am")
    assert issued.display_code in issued.snapshot["paragraphs"][1]
    assert issued.pdf and issued.pdf_rendered_at is not None


def test_a_second_completion_event_changes_nothing(issued, named_learner, course):
    enrollment = Enrollment.objects.get(user=named_learner)
    again = services.issue_for_completion(enrollment)
    for module in course.get_modules():
        course_services.complete_module(named_learner, module)

    assert again.pk == issued.pk
    assert Certificate.objects.filter(user=named_learner).count() == 1


def test_an_active_enrolment_gets_no_certificate(named_learner, course):
    enrollment = course_services.enrol(named_learner, course)
    assert services.issue_for_completion(enrollment) is None
    assert not Certificate.objects.exists()


def test_the_database_refuses_a_second_current_certificate(issued):
    from django.db import IntegrityError, transaction

    duplicate = Certificate(
        code="0" * 16,
        user=issued.user,
        course_key=issued.course_key,
        language="de",
        source=CertificateSource.TRAINER,
        issued_at=timezone.now(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


@pytest.mark.django_db(transaction=True)
def test_concurrent_completion_events_issue_exactly_one_certificate(
    site_root, certificate_template
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite serialises all writers, so there is no real concurrency to test; "
            "this runs on PostgreSQL."
        )
    from django.db import connections

    from tests.factories import make_course, make_course_index

    index = make_course_index(site_root)
    course = make_course(index, modules=1)
    user = UserFactory(role="learner")
    enrollment = course_services.enrol(user, course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=EnrollmentStatus.COMPLETED, completed_at=timezone.now()
    )
    barrier = threading.Barrier(4)
    results, errors = [], []

    def complete():
        try:
            barrier.wait()
            fresh = Enrollment.objects.select_related("course", "user").get(
                pk=enrollment.pk
            )
            results.append(services.issue_for_completion(fresh).pk)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=complete) for _i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Certificate.objects.filter(user=user).count() == 1
    assert set(results) == {Certificate.objects.get(user=user).pk}


def test_codes_are_random_typable_and_have_80_bits():
    codes = {services.generate_code() for _i in range(2000)}
    assert len(codes) == 2000
    assert all(len(code) == CODE_LENGTH for code in codes)
    assert all(set(code) <= set(ALPHABET) for code in codes)
    assert len(ALPHABET) ** CODE_LENGTH == 2**80
    code = sorted(codes)[0]
    typed = format_code(code).lower().replace("0", "o").replace("1", "l")
    assert normalise_code(typed) == code
    assert normalise_code(" " + format_code(code) + " ") == code
    assert normalise_code("7KQ4-M2ZP-XR9D") is None
    assert normalise_code("UUUU-UUUU-UUUU-UUUU") is None


def test_editing_course_and_template_later_leaves_the_certificate_unchanged(
    issued, course, certificate_template
):
    before = dict(issued.snapshot)
    pdf_before = issued.pdf.open("rb").read()
    issued.pdf.close()

    course.title = "Ein ganz anderer Titel"
    course.save_revision().publish()
    certificate_template.title = "Neue Vorlage"
    certificate_template.body = "Alles neu: {course_title}"
    certificate_template.save()
    certificate_template.save_revision()

    issued.refresh_from_db()
    assert issued.snapshot == before
    assert issued.pdf.open("rb").read() == pdf_before
    issued.pdf.close()
    old_template = issued.template_revision.as_object()
    assert old_template.title == "Teilnahmebescheinigung"


def test_certificate_survives_the_account_being_erased(issued, named_learner):
    from accounts.gdpr import erase_account

    erase_account(named_learner)
    issued.refresh_from_db()
    # The README's choice: the certificate stays verifiable, without the person.
    assert issued.snapshot["learner_name"] == ""
    assert "Özdemir" not in str(issued.snapshot)
    assert issued.code and issued.snapshot["course_title"]

    named_learner.delete()
    issued.refresh_from_db()
    assert issued.user is None
    assert issued.code and issued.snapshot["course_title"]


def test_an_expired_certificate_is_replaced_on_recompletion(
    named_learner, course, certificate_template
):
    certificate_template.validity_months = 24
    certificate_template.save()
    certificate_template.save_revision()
    enrollment = complete_course(named_learner, course)
    first = Certificate.objects.get(user=named_learner)
    assert first.expires_at.year == first.issued_at.year + 2

    assert services.issue_for_completion(enrollment).pk == first.pk
    Certificate.objects.filter(pk=first.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    enrollment.completed_at = timezone.now()
    second = services.issue_for_completion(enrollment)

    first.refresh_from_db()
    assert second.pk != first.pk and second.code != first.code
    assert first.superseded_at is not None and first.replaced_by_id == second.pk
    assert first.status == "expired"
    assert Certificate.objects.current().filter(user=named_learner).get() == second


def test_revoke_needs_a_reason_and_keeps_the_record(issued, trainer):
    with pytest.raises(ValidationError):
        services.revoke(issued, reason="  ", by=trainer)
    issued.refresh_from_db()
    assert issued.revoked_at is None

    services.revoke(issued, reason="Teilnahme nicht nachgewiesen", by=trainer)
    issued.refresh_from_db()
    assert issued.status == "revoked"
    assert issued.revocation_reason == "Teilnahme nicht nachgewiesen"
    assert issued.code and issued.snapshot


def test_reissue_states_the_corrected_name_and_revokes_the_old_one(
    issued, named_learner, trainer
):
    named_learner.last_name = "Özdemir"
    named_learner.save()

    new = services.reissue(issued, by=trainer, reason="Name geändert")

    issued.refresh_from_db()
    assert issued.status == "revoked" and issued.replaced_by_id == new.pk
    assert new.snapshot["learner_name"] == "Ayşe Özdemir"
    assert new.source == CertificateSource.REISSUE
    assert Certificate.objects.current().get(user=named_learner) == new


def test_trainer_issues_by_hand_without_completion(learner, course, trainer):
    certificate = services.issue_by_trainer(learner, course, by=trainer)
    assert certificate.source == CertificateSource.TRAINER
    assert certificate.issued_by == trainer
    assert services.issue_by_trainer(learner, course, by=trainer) == certificate


def test_bulk_issue_for_a_group_covers_completed_members_only(
    course, trainer, django_capture_on_commit_callbacks
):
    group = WorkshopGroup.objects.create(
        name="Köln Herbst", course=course, trainer=trainer, enrolment_code="ABCD2345"
    )
    done, busy = UserFactory(role="learner"), UserFactory(role="learner")
    for user in (done, busy):
        course_services.enrol(user, course, group=group)
    Enrollment.objects.filter(user=done).update(
        status=EnrollmentStatus.COMPLETED, completed_at=timezone.now()
    )

    with django_capture_on_commit_callbacks(execute=True):
        issued = services.issue_bulk_for_group(group, by=trainer)
        again = services.issue_bulk_for_group(group, by=trainer)

    assert [c.user for c in issued] == [done]
    assert again == issued
    issued[0].refresh_from_db()
    assert issued[0].group == group and issued[0].pdf


def certificate_mails() -> list:
    """The certificate emails sent (subject "Ihr Zertifikat: ..." in German)."""
    with translation.override("de"):
        prefix = gettext("Your certificate: %(course)s").split("%")[0]
    return [m for m in mail.outbox if m.subject.startswith(prefix)]


def test_learner_gets_an_email_with_a_link_on_issue(
    named_learner, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(named_learner, course)

    certificate = Certificate.objects.get(user=named_learner)
    (message,) = certificate_mails()  # beside the enrolment confirmation
    assert message.to == [named_learner.email]
    assert "Anerkennung ausländischer Abschlüsse" in message.subject
    assert "https://lernen.example.org/certificates/" in message.body
    assert certificate.display_code in message.body
    assert not message.attachments


@pytest.mark.django_db  # a template's collection defaults to the root collection
def test_template_with_unknown_placeholder_is_rejected():
    template = CertificateTemplate(title="X", body="Hallo {learner_name.__class__}")
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "body" in error.value.message_dict
    template.body = "Hallo {learner_name}, {course_title}"
    template.full_clean()


def test_issuing_without_a_template_uses_the_default_wording(
    site_root, learner, trainer, django_capture_on_commit_callbacks
):
    from tests.factories import make_course, make_course_index

    course = make_course(make_course_index(site_root), modules=1)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_by_trainer(learner, course, by=trainer)
    assert certificate.template is None
    assert certificate.snapshot["title"] == "Teilnahmebescheinigung"
    certificate.refresh_from_db()
    assert certificate.pdf


def test_the_pdf_task_is_queued_only_when_the_completion_commits(
    named_learner, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        complete_course(named_learner, course)
        certificate = Certificate.objects.get(user=named_learner)
        # Inside the completing transaction nothing has left the database yet.
        assert not certificate.pdf and certificate.pdf_rendered_at is None
        assert len(mail.outbox) == 0
    # The PDF task and the email task, beside the enrolment confirmation (and
    # the xAPI statements of the completions, pipeline steps that run after
    # commit: functools.partial).
    assert len([c for c in queued if not isinstance(c, partial)]) == 3
    for callback in queued:
        callback()
    certificate.refresh_from_db()
    assert certificate.pdf and certificate.pdf_rendered_at is not None
    assert len(certificate_mails()) == 1
