"""The enrolment confirmation: sent once the enrolment commits, in the
learner's language, with HTML and text parts and the learner's network."""

import pytest

from courses import services
from tests.email_checks import assert_email_is_complete, parts
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject", "phrase", "network"),
    [
        ("de", "Sie sind eingeschrieben:", "Sie sind jetzt im Kurs", "Ihr Netzwerk:"),
        (
            "en",
            "You are enrolled:",
            "you are now enrolled in the course",
            "Your network:",
        ),
    ],
)
def test_enrolling_sends_a_confirmation_after_the_commit(
    learner,
    course,
    mailoutbox,
    django_capture_on_commit_callbacks,
    language,
    subject,
    phrase,
    network,
):
    learner.preferred_language = language
    learner.organisation = OrganisationFactory()
    learner.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner, course)
        assert mailoutbox == []  # nothing before the commit

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    text, html = parts(message)
    assert message.subject.startswith(subject)
    assert phrase in text and phrase in html
    assert f"{network} {learner.organisation.network.name}" in text
    assert "/my-learning/" in text and "/my-learning/" in html
    assert_email_is_complete(message, language=language, site_name="IQ Lernplattform")


def test_enrolling_twice_sends_one_confirmation(
    learner, course, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner, course)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner, course)

    assert len(mailoutbox) == 1
