"""The learner's ESF+ questionnaires: entry (also in the profile) and exit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses.models import Enrollment, EnrollmentStatus

from . import services
from .forms import ExitIndicatorsForm, ParticipantIndicatorsForm
from .models import ParticipantExitIndicators, ParticipantIndicators


def _next_url(request) -> str:
    """Where "answer later" and saving lead: a local URL only."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=False
    ):
        return candidate
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def my_indicators(request):
    """A learner answers (or declines) the optional ESF+ entry questions."""
    instance = ParticipantIndicators.objects.filter(user=request.user).first()
    form = ParticipantIndicatorsForm(request.POST or None, instance=instance)
    next_url = _next_url(request)
    if request.method == "POST" and form.is_valid():
        services.save_participant_indicators(request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. Your answers have been saved."))
        return redirect(next_url or "reports:my_indicators")
    return TemplateResponse(
        request,
        "reports/my_indicators.html",
        {"form": form, "next_url": next_url},
    )


@login_required
@require_http_methods(["GET", "POST"])
def exit_questionnaire(request, enrollment_id: int):
    """The immediate-result questions after completing a funded course."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("course"),
        pk=enrollment_id,
        user=request.user,
        status=EnrollmentStatus.COMPLETED,
    )
    instance = get_object_or_404(ParticipantExitIndicators, enrollment=enrollment)
    form = ExitIndicatorsForm(request.POST or None, instance=instance)
    course = enrollment.course.localized
    if request.method == "POST" and form.is_valid():
        services.save_exit_indicators(enrollment, **form.cleaned_data)
        messages.success(request, _("Thank you. Your answers have been saved."))
        return redirect(course.get_url(request))
    return TemplateResponse(
        request,
        "reports/exit_questionnaire.html",
        {"form": form, "course": course, "next_url": course.get_url(request)},
    )
