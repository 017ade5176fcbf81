"""ESF+ questionnaires: asked at the first funded enrolment and at completion.

Every question has "no answer" and the entry questionnaire can be skipped; the
reminder for the exit questions goes out once, within four weeks.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from courses.models import EnrollmentStatus
from reports import esf
from reports.models import NO_ANSWER, ParticipantExitIndicators, ParticipantIndicators
from tests.factories import make_course, make_course_index

pytestmark = pytest.mark.django_db

ENTRY_NO_ANSWER = dict.fromkeys(
    ["gender", "age_band", "employment_status", "isced_band"], NO_ANSWER
)
EXIT_NO_ANSWER = dict.fromkeys(
    ["job_searching", "in_education", "qualification_gained", "employed"], NO_ANSWER
)


@pytest.fixture
def index(site_root):
    return make_course_index(site_root)


@pytest.fixture
def funded(index):
    return make_course(index, "Gefördert", modules=2, esf_funded=True)


@pytest.fixture
def unfunded(index):
    return make_course(index, "Ohne Förderung", modules=2)


def _enrol(client, course):
    return client.post(reverse("courses:enrol", args=[course.pk]))


def test_first_funded_enrolment_leads_to_entry_questionnaire(client, learner, funded):
    client.force_login(learner)
    response = _enrol(client, funded)
    assert response.status_code == 302
    assert response.url.startswith(reverse("reports:my_indicators") + "?next=")
    page = client.get(response.url)
    text = page.content.decode()
    assert "2021/1057" in text and "6(1)(c)" in text
    assert '<a class="button button--secondary" href="' + funded.url in text
    # Enrolled already: the questionnaire is a next step, not a gate.
    assert course_services.get_active_enrollment(learner, funded) is not None


def test_no_answer_is_accepted_and_leads_back_to_the_course(client, learner, funded):
    client.force_login(learner)
    questionnaire = _enrol(client, funded).url
    response = client.post(questionnaire, {**ENTRY_NO_ANSWER, "next": funded.url})
    assert response.status_code == 302 and response.url == funded.url
    answers = ParticipantIndicators.objects.get(user=learner)
    assert answers.gender == answers.isced_band == NO_ANSWER


def test_skipping_leaves_the_course_open(client, learner, funded):
    client.force_login(learner)
    _enrol(client, funded)
    module = funded.get_modules().first()
    assert client.get(module.url).status_code == 200
    assert not ParticipantIndicators.objects.filter(user=learner).exists()


def test_unfunded_course_asks_nothing(client, learner, unfunded):
    client.force_login(learner)
    response = _enrol(client, unfunded)
    assert "esf" not in response.url


def test_second_funded_enrolment_asks_nothing(client, learner, funded, index):
    client.force_login(learner)
    _enrol(client, funded)  # skipped the first time
    second = make_course(index, "Zweiter Kurs", modules=1, esf_funded=True)
    response = _enrol(client, second)
    assert "esf" not in response.url


def test_entry_answers_are_editable_from_the_profile(client, learner):
    client.force_login(learner)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("reports:my_indicators") in profile
    client.post(
        reverse("reports:my_indicators"), {**ENTRY_NO_ANSWER, "gender": "female"}
    )
    assert ParticipantIndicators.objects.get(user=learner).gender == "female"


def _complete(client, course):
    response = None
    for module in course.get_modules():
        client.get(module.url)
        response = client.post(reverse("courses:complete_module", args=[module.pk]))
    return response


def test_completion_leads_to_exit_questionnaire(client, learner, funded):
    client.force_login(learner)
    _enrol(client, funded)
    response = _complete(client, funded)
    enrollment = course_services.get_active_enrollment(learner, funded)
    assert enrollment.status == EnrollmentStatus.COMPLETED
    exit_url = reverse("reports:exit_questionnaire", args=[enrollment.pk])
    assert response.url == exit_url
    page = client.get(exit_url).content.decode()
    assert "2021/1057" in page
    response = client.post(exit_url, {**EXIT_NO_ANSWER, "employed": "yes"})
    assert response.status_code == 302
    answers = ParticipantExitIndicators.objects.get(enrollment=enrollment)
    assert answers.employed == "yes" and answers.job_searching == NO_ANSWER
    assert answers.answered_at is not None


def test_unfunded_completion_asks_nothing(client, learner, unfunded):
    client.force_login(learner)
    _enrol(client, unfunded)
    response = _complete(client, unfunded)
    assert "esf" not in response.url
    assert not ParticipantExitIndicators.objects.exists()


def test_reminder_is_sent_once_after_completion(
    client, learner, funded, settings, django_capture_on_commit_callbacks
):
    settings.REPORTS_ESF_REMINDER_DAYS = 0  # due at once (the tests run tasks now)
    client.force_login(learner)
    _enrol(client, funded)
    with django_capture_on_commit_callbacks(execute=True):
        for module in funded.get_modules():
            course_services.complete_module(learner, module)
    enrollment = course_services.get_active_enrollment(learner, funded)
    exit_url = f"/reports/esf-exit/{enrollment.pk}/"  # in the learner's language
    reminders = [m for m in mail.outbox if exit_url in m.body]
    assert len(reminders) == 1 and reminders[0].to == [learner.email]
    with django_capture_on_commit_callbacks(execute=True):
        assert esf.send_exit_reminder(enrollment.pk) is False  # only once
    assert len([m for m in mail.outbox if exit_url in m.body]) == 1


def test_no_reminder_after_four_weeks_or_once_answered(learner, funded):
    enrollment = course_services.enrol(learner, funded)
    for module in funded.get_modules():
        course_services.complete_module(learner, module)
    late = timezone.now() + timedelta(weeks=4, days=1)
    assert esf.send_exit_reminder(enrollment.pk, now=late) is False
    exit_row = ParticipantExitIndicators.objects.get(enrollment=enrollment)
    exit_row.answered_at = timezone.now()
    exit_row.save()
    assert esf.send_exit_reminder(enrollment.pk) is False


def test_someone_elses_exit_questionnaire_is_not_found(
    client, learner, other_learner, funded
):
    enrollment = course_services.enrol(learner, funded)
    for module in funded.get_modules():
        course_services.complete_module(learner, module)
    client.force_login(other_learner)
    url = reverse("reports:exit_questionnaire", args=[enrollment.pk])
    assert client.post(url, EXIT_NO_ANSWER).status_code == 404
    assert (
        ParticipantExitIndicators.objects.get(enrollment=enrollment).answered_at is None
    )
