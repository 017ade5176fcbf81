"""Learner views: start an attempt, answer it, save drafts, see the result.

Attempts are looked up together with their owner, so somebody else's attempt is a
404 and its existence does not leak.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .models import Attempt, QuizPage
from .presentation import (
    answer_gaps,
    errors_by_question,
    form_questions,
    parse_form,
    review_questions,
)
from .services import (
    AttemptNotAllowed,
    InvalidAnswers,
    save_draft,
    start_or_resume_attempt,
    submit_attempt,
)


@login_required
@require_POST
def start_attempt(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    try:
        attempt = start_or_resume_attempt(request.user, quiz)
    except AttemptNotAllowed as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(quiz.get_url(request))
    return redirect("quizzes:attempt", public_id=attempt.public_id)


def _own_attempt(request: HttpRequest, public_id) -> Attempt:
    return get_object_or_404(
        Attempt.objects.select_related("quiz"), public_id=public_id, user=request.user
    )


def _render_form(request, attempt, data, error=None, gaps=None) -> HttpResponse:
    per_question, general = errors_by_question(error) if error else ({}, [])
    questions = form_questions(attempt, data, per_question)
    return render(
        request,
        "quizzes/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "page": attempt.quiz,
            "questions": questions,
            "has_errors": error is not None,
            "general_errors": general,
            "question_errors": [q for q in questions if q["errors"]],
            "gaps": gaps or [],
        },
        status=400 if error else 200,
    )


def _submit(request, attempt, data) -> HttpResponse:
    """Submit, unless questions are open and the learner has not yet confirmed.

    The first "Submit answers" with gaps saves the draft and shows the form again
    with a summary of the open questions and "Submit anyway": nothing is graded
    and no attempt is used until the learner confirms (works without JavaScript).
    """
    if request.POST.get("action") != "submit_anyway":
        gaps = answer_gaps(attempt.presented, data)
        if gaps:
            attempt = save_draft(attempt, request.user, data)
            return _render_form(request, attempt, data, gaps=gaps)
    attempt = submit_attempt(attempt, request.user, data)
    return redirect("quizzes:result", public_id=attempt.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def attempt_view(request: HttpRequest, public_id) -> HttpResponse:
    """The answer form; POST saves a draft or submits."""
    attempt = _own_attempt(request, public_id)
    if attempt.is_submitted:
        return redirect("quizzes:result", public_id=attempt.public_id)
    if request.method == "GET":
        return _render_form(request, attempt, attempt.draft_answers)

    data = parse_form(attempt.presented, request.POST)
    try:
        if request.POST.get("action") in ("submit", "submit_anyway"):
            return _submit(request, attempt, data)
        save_draft(attempt, request.user, data)
    except InvalidAnswers as error:
        return _render_form(request, attempt, data, error)
    except AttemptNotAllowed:
        return redirect("quizzes:result", public_id=attempt.public_id)
    messages.success(request, _("Your answers have been saved."))
    return redirect("quizzes:attempt", public_id=attempt.public_id)


@login_required
@require_POST
def save_draft_view(request: HttpRequest, public_id) -> JsonResponse:
    """Autosave endpoint for static/js/quizzes.js; answers only with a status."""
    attempt = _own_attempt(request, public_id)
    try:
        attempt = save_draft(
            attempt, request.user, parse_form(attempt.presented, request.POST)
        )
    except InvalidAnswers as error:
        return JsonResponse({"saved": False, "errors": error.messages}, status=400)
    except AttemptNotAllowed as error:
        return JsonResponse({"saved": False, "errors": error.messages}, status=409)
    saved_at = formats.time_format(timezone.localtime(attempt.draft_saved_at))
    return JsonResponse(
        {
            "saved": True,
            "message": _("Draft saved at %(time)s.") % {"time": saved_at},
        }
    )


@login_required
def result_view(request: HttpRequest, public_id) -> HttpResponse:
    attempt = _own_attempt(request, public_id)
    if not attempt.is_submitted:
        return redirect("quizzes:attempt", public_id=attempt.public_id)
    answers = list(attempt.answers.all())
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "page": attempt.quiz,
            "review": review_questions(attempt, answers),
            "review_mode": attempt.quiz.review_mode,
        },
    )
