"""Learner actions on courses: enrolling, finishing modules, private reflections."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import next_steps, services
from .forms import EnrolmentCodeForm, ReflectionForm
from .models import CourseIndexPage, CoursePage, ModulePage


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live().public(), pk=course_id)


def _live_module(module_id: int) -> ModulePage:
    return get_object_or_404(ModulePage.objects.live().public(), pk=module_id)


def course_index(request: HttpRequest) -> HttpResponse:
    """The main navigation's "Courses": the course list in the active language.

    A fixed URL, so the navigation costs no query on every page; the list in
    the default language (German) stands in where no translation exists.
    """
    indexes = CourseIndexPage.objects.live().public().order_by("path")
    index = (
        indexes.filter(locale__language_code=get_language()).first()
        or indexes.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if index is None:
        raise Http404
    return redirect(index.get_url(request))


@require_POST
@login_required
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    enrollment = services.enrol(request.user, course)
    messages.success(
        request, _("You are enrolled in “%(course)s”.") % {"course": course.title}
    )
    if next_url := next_steps.after_enrolment(request, enrollment):
        return redirect(next_url)
    progress = services.progress_for(request.user, course)
    target = progress.next_module or course
    return redirect(target.get_url(request))


@require_POST
@login_required
def unenrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    services.unenrol(request.user, course)
    messages.success(
        request,
        _("You have left “%(course)s”. Your progress is kept if you enrol again.")
        % {"course": course.title},
    )
    return redirect(course.get_url(request))


@login_required
def enrol_with_code(request: HttpRequest) -> HttpResponse:
    form = EnrolmentCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrollment = services.enrol_with_code(
                request.user, form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            course = enrollment.course.localized
            messages.success(
                request,
                _("You have joined “%(group)s” and are enrolled in “%(course)s”.")
                % {"group": enrollment.group.name, "course": course.title},
            )
            if next_url := next_steps.after_enrolment(request, enrollment):
                return redirect(next_url)
            return redirect(course.get_url(request))
    return TemplateResponse(request, "courses/enrol_with_code.html", {"form": form})


@require_POST
@login_required
def complete_module(request: HttpRequest, module_id: int) -> HttpResponse:
    """The "Done, continue" button at the end of a module."""
    module = _live_module(module_id)
    course = services.course_of(module)
    if services.get_active_enrollment(request.user, course) is None:
        messages.info(request, _("Please enrol in the course to open its modules."))
        return redirect(course.get_url(request))
    try:
        services.complete_module(request.user, module)
    except services.CompletionRefused as refusal:
        # A forged or premature “Done”: the server decides, nothing is recorded.
        messages.error(request, " ".join(refusal.messages))
        return redirect(module.get_url(request) + "#module-end-heading")
    progress = services.progress_for(request.user, course)
    if progress.is_completed:
        messages.success(
            request,
            _("Congratulations, you have completed “%(course)s”.")
            % {"course": course.title},
        )
        enrollment = services.get_active_enrollment(request.user, course)
        if next_url := next_steps.after_completion(request, enrollment):
            return redirect(next_url)
        return redirect(course.get_url(request))
    messages.success(request, _("“%(module)s” is complete.") % {"module": module.title})
    _previous, following = progress.neighbours(module)
    target = following or progress.next_module or course
    return redirect(target.get_url(request))


@require_POST
@login_required
def save_reflection(request: HttpRequest, module_id: int, block_id: str):
    module = _live_module(module_id)
    course = services.course_of(module)
    if services.get_active_enrollment(request.user, course) is None:
        raise Http404
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        return _reflection_answer(
            request, module, block_id, " ".join(form.errors.get("text", [])), False
        )
    try:
        entry = services.save_reflection(
            request.user, module, block_id, form.cleaned_data["text"]
        )
    except ValidationError as error:
        if error.code == "no_block":
            raise Http404 from error
        return _reflection_answer(
            request, module, block_id, " ".join(error.messages), False
        )
    if entry is None:
        text = _("Your note has been deleted.")
    else:
        text = _("Your note has been saved. Only you see it.")
    return _reflection_answer(request, module, block_id, text, True)


def _reflection_answer(request, module, block_id: str, text: str, ok: bool):
    """The outcome next to the note: JSON for the page's script (which writes it
    into the note's live region), else a message shown beside the form."""
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return JsonResponse({"ok": ok, "message": text}, status=200 if ok else 400)
    level = messages.SUCCESS if ok else messages.ERROR
    messages.add_message(request, level, text, extra_tags=f"inline block-{block_id}")
    return redirect(module.get_url(request) + f"#block-{block_id}")


@require_POST
@login_required
def module_seen(request: HttpRequest, module_id: int) -> HttpResponse:
    """The lesson page's visit post (a beacon; a button without JavaScript).

    The lesson GET writes nothing; this records the visit and the time since the
    last one, measured on the server's clock (nothing the browser says counts).
    """
    module = _live_module(module_id)
    course = services.course_of(module)
    enrollment = services.get_active_enrollment(request.user, course)
    if enrollment is None:
        return HttpResponseForbidden(
            _("Please enrol in the course to open its modules.")
        )
    services.record_visit(
        request.user, module, enrollment, settle=bool(request.POST.get("settle"))
    )
    if request.POST.get("next") == "page":
        messages.success(request, _("Your reading time is being recorded."))
        return redirect(module.get_url(request) + "#module-end-heading")
    return HttpResponse(status=204)
