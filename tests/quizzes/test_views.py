"""Learner pages: no answers leak before submission, privacy, flow and query budgets."""

import re

import pytest
from django.urls import reverse

from quizzes.models import Attempt, AttemptStatus, ReviewMode
from quizzes.services import start_or_resume_attempt

from .conftest import correct_answers, ordering, single_choice, wrong_answers

pytestmark = pytest.mark.django_db

# Everything that would reveal a solution: marker strings in feedback and accepted
# answers, block and list-item ids, and correctness flags.
SECRETS = ("SECRET", "IDOPT", "IDPAIR", "IDITEM", "IDANS", "is_correct", "accepted")


def to_post(data: dict, action: str = "submit") -> dict:
    """Token-keyed answers as the attempt form posts them."""
    post: dict = {"action": action}
    for question_token, value in data.items():
        if isinstance(value, dict):
            for sub, sub_value in value.items():
                post[f"q_{question_token}_{sub}"] = str(sub_value)
        else:
            post[f"q_{question_token}"] = value
    return post


def assert_no_secrets(content: bytes) -> None:
    text = content.decode()
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked"


def _attempt_url(attempt, name="quizzes:attempt") -> str:
    return reverse(name, args=[attempt.public_id])


def test_anonymous_visitor_sees_intro_and_a_sign_in_link(client, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 200
    assert b"Sign in to take this quiz" in response.content or b"Anmelden" in (
        response.content
    )
    assert_no_secrets(response.content)


def test_learner_starts_from_the_quiz_page_and_gets_the_form(client, enrolled, quiz):
    client.force_login(enrolled)
    page = client.get(quiz.url)
    assert reverse("quizzes:start", args=[quiz.pk]).encode() in page.content

    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=enrolled)
    assert response.status_code == 302
    assert response.url == _attempt_url(attempt)

    form = client.get(response.url)
    assert form.status_code == 200
    for question in attempt.presented:
        assert f'name="q_{question["token"]}'.encode() in form.content


def test_not_enrolled_learner_is_sent_back_with_a_message(client, learner, quiz):
    client.force_login(learner)
    response = client.post(reverse("quizzes:start", args=[quiz.pk]), follow=True)
    assert not Attempt.objects.exists()
    messages = [str(m) for m in response.context["messages"]]
    assert messages


def test_no_solution_reaches_the_learner_before_submission(client, enrolled, quiz):
    client.force_login(enrolled)
    responses = [client.get(quiz.url)]
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=enrolled)
    responses.append(client.get(_attempt_url(attempt)))

    partial = correct_answers(attempt)
    # The learner's own typed text is echoed back; it must not be the marker.
    blank = next(q for q in attempt.presented if q["type"] == "fill_in_blank")
    partial[blank["token"]] = "my own guess"
    draft = client.post(
        _attempt_url(attempt, "quizzes:save_draft"), to_post(partial, "save")
    )
    assert draft.status_code == 200
    assert draft.json()["saved"] is True
    responses.append(draft)
    responses.append(client.post(_attempt_url(attempt), to_post(partial, "save")))
    responses.append(client.get(_attempt_url(attempt)))  # refilled from the draft
    responses.append(client.get(quiz.url))  # with an open attempt
    bad = client.post(
        _attempt_url(attempt),
        {"action": "submit", "q_unknown": "x", **to_post(partial)},
    )
    assert bad.status_code == 400
    responses.append(bad)

    for response in responses:
        assert_no_secrets(response.content)

    form = responses[1].content.decode()
    # Option values are per-attempt tokens, never block ids.
    values = set(re.findall(r'value="([^"]*)"', form))
    for question in attempt.presented:
        for choice in question.get("choices", []):
            assert choice["token"] in values
    # Every matching answer and ordering step is offered; their order is a
    # uniform shuffle, which may be the solution order (1 in 24 here; excluding
    # it would leak the answer): test_shuffling.py checks the distribution.
    lefts = re.findall(r">Left (\d)</label>", form)
    rights = re.findall(r">Right (\d)</option>", form)[: len(lefts)]
    assert sorted(rights) == sorted(lefts) == ["0", "1", "2", "3"]
    steps = re.findall(r">(Step \d)</label>", form)
    assert sorted(steps) == ["Step 0", "Step 1", "Step 2", "Step 3"]
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_submit_through_the_form_shows_score_and_correct_answers(
    client, enrolled, quiz
):
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    response = client.post(_attempt_url(attempt), to_post(correct_answers(attempt)))
    assert response.status_code == 302
    assert response.url == _attempt_url(attempt, "quizzes:result")

    result = client.get(response.url)
    attempt.refresh_from_db()
    assert attempt.passed
    assert b"100" in result.content
    # Review mode "show correct" reveals feedback only now.
    assert b"SECRET-FEEDBACK-q-single-0" in result.content
    assert b"SECRET-ANSWER-Anerkennung" in result.content
    # The finished attempt's form page now goes to the result.
    assert client.get(_attempt_url(attempt)).url == response.url


def test_score_only_review_shows_no_answers(client, enrolled, make_quiz):
    quiz = make_quiz(review_mode=ReviewMode.SCORE_ONLY)
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    client.post(_attempt_url(attempt), to_post(wrong_answers(attempt)))
    result = client.get(_attempt_url(attempt, "quizzes:result"))
    assert result.status_code == 200
    assert_no_secrets(result.content)
    assert b"Right 0" not in result.content


def test_show_wrong_review_marks_questions_but_hides_solutions(
    client, enrolled, make_quiz
):
    quiz = make_quiz(review_mode=ReviewMode.SHOW_WRONG)
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    client.post(_attempt_url(attempt), to_post(wrong_answers(attempt)))
    result = client.get(_attempt_url(attempt, "quizzes:result"))
    assert result.content.count(b"quiz-review__item--wrong") == 6
    assert_no_secrets(result.content)


@pytest.mark.parametrize(
    "name", ["quizzes:attempt", "quizzes:result", "quizzes:save_draft"]
)
def test_other_learner_gets_404_for_someone_elses_attempt(
    client, enrolled, other_enrolled, quiz, name
):
    attempt = start_or_resume_attempt(enrolled, quiz)
    client.force_login(other_enrolled)
    assert client.get(_attempt_url(attempt, name)).status_code in (404, 405)
    response = client.post(
        _attempt_url(attempt, name), to_post(correct_answers(attempt))
    )
    assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert attempt.draft_answers == {}


def test_anonymous_visitor_is_sent_to_sign_in_for_an_attempt(client, enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    response = client.get(_attempt_url(attempt))
    assert response.status_code == 302
    assert "login" in response.url


def test_saved_draft_is_shown_again_when_resuming(client, enrolled, make_quiz):
    quiz = make_quiz([single_choice(), ordering()])
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    data = correct_answers(attempt)
    client.post(_attempt_url(attempt), to_post(data, "save"))

    client.post(reverse("quizzes:start", args=[quiz.pk]))
    form = client.get(_attempt_url(attempt)).content.decode()

    chosen = data[attempt.presented[0]["token"]]
    assert re.search(rf'value="{chosen}" checked', form)
    assert form.count("selected>") == 4
    assert Attempt.objects.filter(user=enrolled).count() == 1


# Measured on SQLite and PostgreSQL, plus a little slack; a query per question
# would exceed them at 30 questions. The passing submission also completes the
# one-module course and issues its certificate (the test task backend runs the
# PDF task inline), which is most of SUBMIT_QUERIES, and keeps the reports'
# participation facts current (two queries per change: started, completed,
# certificate).
QUIZ_PAGE_QUERIES = 22
ATTEMPT_PAGE_QUERIES = 10
SUBMIT_QUERIES = 70
RESULT_PAGE_QUERIES = 11


@pytest.mark.parametrize("count", [3, 30])
def test_quiz_and_attempt_pages_use_a_constant_number_of_queries(
    client, enrolled, make_quiz, django_assert_max_num_queries, count
):
    quiz = make_quiz([single_choice(qid=f"q{i}") for i in range(count)])
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    client.get(quiz.url)  # warm caches (site root, locales)

    with django_assert_max_num_queries(QUIZ_PAGE_QUERIES):
        assert client.get(quiz.url).status_code == 200
    with django_assert_max_num_queries(ATTEMPT_PAGE_QUERIES):
        assert client.get(_attempt_url(attempt)).status_code == 200
    with django_assert_max_num_queries(SUBMIT_QUERIES):
        response = client.post(_attempt_url(attempt), to_post(correct_answers(attempt)))
    assert response.status_code == 302
    with django_assert_max_num_queries(RESULT_PAGE_QUERIES):
        assert client.get(_attempt_url(attempt, "quizzes:result")).status_code == 200


def test_invalid_submission_links_each_error_to_its_question(client, enrolled, quiz):
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    single = attempt.presented[0]
    post = {
        "action": "submit",
        f"q_{single['token']}": [c["token"] for c in single["choices"][:2]],
    }
    response = client.post(_attempt_url(attempt), post)
    content = response.content.decode()
    assert response.status_code == 400
    # The summary's link leads to the question's first input, marked invalid.
    assert f'href="#q_{single["token"]}-1"' in content
    first_input = re.search(rf'<input[^>]*id="q_{single["token"]}-1"[^>]*>', content)
    assert 'aria-invalid="true"' in first_input.group(0)
    assert f'aria-describedby="errors-{single["token"]}"' in content
    assert f'id="errors-{single["token"]}"' in content
    attempt.refresh_from_db()
    assert attempt.draft_answers == {}
    assert not attempt.is_submitted


def test_quiz_page_asks_a_learner_who_is_not_enrolled_to_enrol(client, learner, quiz):
    client.force_login(learner)
    response = client.get(quiz.url)
    assert response.status_code == 200
    assert response.context["enrolled"] is False
    assert reverse("quizzes:start", args=[quiz.pk]).encode() not in response.content
    assert response.context["course"].url.encode() in response.content


def test_quiz_page_lists_results_and_hides_start_while_waiting(
    client, enrolled, make_quiz
):
    quiz = make_quiz([single_choice()], wait_minutes_between_attempts=60)
    attempt = start_or_resume_attempt(enrolled, quiz)
    client.force_login(enrolled)
    client.post(_attempt_url(attempt), to_post(correct_answers(attempt)))

    response = client.get(quiz.url)

    assert response.context["attempts_used"] == 1
    assert response.context["next_attempt_at"] is not None
    assert not response.context["can_start"]
    assert reverse("quizzes:start", args=[quiz.pk]).encode() not in response.content
    assert _attempt_url(attempt, "quizzes:result").encode() in response.content
