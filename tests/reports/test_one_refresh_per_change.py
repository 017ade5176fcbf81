"""A quiz submission's consequences: each report fact refreshed once, tasks on commit.

Submitting the passing quiz of a one-module course grades it, completes the
module and the course, issues the certificate and writes xAPI statements; the
participation fact must be recomputed once for all of that, and every task
(certificate PDF, email, LRS forwarding) may only be queued after the commit.
"""

from collections import Counter
from functools import partial

import pytest
from django.core import mail
from django_tasks.base import Task

from certificates.models import Certificate
from courses.models import Enrollment, EnrollmentStatus
from courses.services import enrol
from quizzes.services import start_or_resume_attempt, submit_attempt
from reports import completion as facts_step
from reports.models import ParticipationFact
from tests.content_packages.test_lrs_forwarding import lrs  # noqa: F401 - fixture
from tests.factories import QUIZ_MODULE, make_course, make_course_index
from tests.quizzes.conftest import correct_answers, publish_quiz

pytestmark = pytest.mark.django_db

PROJECT_APPS = {
    "accounts",
    "certificates",
    "content_packages",
    "courses",
    "learning",
    "pages",
    "quizzes",
    "reports",
    "teams",
}


@pytest.fixture
def refreshed(monkeypatch) -> Counter:
    """Enrolment ids passed to the real facts refresh, counted."""
    counts: Counter = Counter()
    real = facts_step.refresh_participation

    def counting(enrollment_ids):
        counts.update(enrollment_ids)
        return real(enrollment_ids)

    monkeypatch.setattr(facts_step, "refresh_participation", counting)
    return counts


@pytest.fixture
def enqueued(monkeypatch) -> list[str]:
    """Names of the project's tasks queued, in order, through the real enqueue.

    Third-party tasks are left out: the search index (modelsearch) queues its
    updates from its own signal handlers, inside the transaction by design.
    """
    names: list[str] = []
    real = Task.enqueue

    def recording(self, *args, **kwargs):
        if self.func.__module__.partition(".")[0] in PROJECT_APPS:
            names.append(self.name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Task, "enqueue", recording)
    return names


def test_a_passing_submission_refreshes_the_fact_once_and_queues_tasks_on_commit(
    site_root,
    learner,
    lrs,  # noqa: F811 - the fixture imported above
    refreshed,
    enqueued,
    django_capture_on_commit_callbacks,
):
    course = make_course(
        make_course_index(site_root), modules=1, module_fields=QUIZ_MODULE
    )
    module = course.get_modules().get().specific
    quiz = publish_quiz(module)
    enrol(learner, course)
    attempt = start_or_resume_attempt(learner, quiz)
    refreshed.clear()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_attempt(attempt, learner, correct_answers(attempt))

    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert Certificate.objects.filter(enrollment=enrollment).exists()
    assert refreshed == Counter({enrollment.pk: 1})
    fact = ParticipationFact.objects.get(enrollment=enrollment)
    assert fact.completed and fact.passed and fact.certified
    # Nothing has left the database before the commit.
    assert enqueued == []
    assert mail.outbox == []

    for callback in callbacks:
        if isinstance(callback, partial):  # an xAPI step, run after commit:
            with django_capture_on_commit_callbacks(execute=True):
                callback()  # its forwarding is queued on its own commit
        else:
            callback()

    # The graded quiz and the completions are statements, each forwarded.
    assert Counter(enqueued)["forward_statement"] >= 2
    assert Counter(enqueued)["render_certificate_pdf_task"] == 1
    assert Counter(enqueued)["send_outgoing_email"] == 1
    assert len(mail.outbox) == 1
    assert refreshed == Counter({enrollment.pk: 1})
