"""The "certificate issued" email in both languages, with HTML and text parts."""

import pytest
from django.core import mail

from tests.email_checks import assert_email_is_complete, parts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject"),
    [("de", "Ihr Zertifikat"), ("en", "Your certificate")],
)
def test_the_certificate_email_is_complete_in_the_learners_language(
    named_learner, course, django_capture_on_commit_callbacks, language, subject
):
    from certificates.models import Certificate

    from .conftest import complete_course

    named_learner.preferred_language = language
    named_learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(named_learner, course)
    certificate = Certificate.objects.get(user=named_learner)

    message = next(m for m in mail.outbox if m.subject.startswith(subject))
    assert certificate.course_title in message.subject
    text, html = parts(message)
    assert message.subject.startswith(subject)
    assert "Ayşe Özdemir-Müller" in text and "Ayşe Özdemir-Müller" in html
    assert "/verify" in text or certificate.display_code in text
    assert_email_is_complete(message, language=language, site_name="IQ Lernplattform")
