"""Course index, course and module pages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from learning.origins import allow_content_frames
from pages.restrictions import CachedViewRestrictionsMixin

from ..blocks import LessonStreamBlock
from ..completion_settings import (  # noqa: F401  (PackageRequirement: callers)
    ModuleCompletionSettings,
    PackageRequirement,
    completion_panel,
)
from ..permissions import ChoosableOnlyPageForm, CourseCreationMixin

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Audience(models.TextChoices):
    EMPLOYERS = "employers", _("Employers")
    AGENCY_STAFF = "agency_staff", _("Jobcenter and employment agency staff")
    ALL = "all", _("Everyone")


class CourseCompletionRule(models.TextChoices):
    ALL_REQUIRED_MODULES = "all_required_modules", _("All required modules completed")


class CourseIndexPage(CourseCreationMixin, CachedViewRestrictionsMixin, Page):
    """The list of courses in one language."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course index page")

    def get_courses(self) -> list["CoursePage"]:
        """Live courses in this index's language, then the untranslated ones.

        A course without a translation into this language is listed in the
        default language (German), so learners of every language see every course.
        """
        indexes = CourseIndexPage.objects.filter(
            translation_key=self.translation_key
        ).values_list("path", "depth", "locale_id", "locale__language_code")
        siblings = Q(pk__in=[])
        fallback_locales = set()
        for path, depth, locale_id, language in indexes:
            siblings |= Q(path__startswith=path, depth=depth + 1)
            if language == settings.LANGUAGE_CODE:
                fallback_locales.add(locale_id)
        candidates = (
            CoursePage.objects.filter(siblings)
            .live()
            .public()
            .select_related("cover_image")
            .order_by("path")
        )
        own, fallback = [], {}
        for course in candidates:
            if course.locale_id == self.locale_id:
                own.append(course)
            elif course.locale_id in fallback_locales:
                fallback.setdefault(course.translation_key, course)
        translated = {course.translation_key for course in own}
        return own + [c for k, c in fallback.items() if k not in translated]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = self.get_courses()
        return context


class CoursePage(CachedViewRestrictionsMixin, Page):
    """A course; its language is its Wagtail locale, its modules are child pages."""

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in course lists.")
    )
    audience = models.CharField(
        _("audience"), max_length=32, choices=Audience.choices, default=Audience.ALL
    )
    estimated_duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), default=60
    )
    learning_objectives = RichTextField(
        _("learning objectives"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("A list of what learners can do after the course."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Decorative: shown without alternative text."),
    )
    completion_rule = models.CharField(
        _("completion rule"),
        max_length=32,
        choices=CourseCompletionRule.choices,
        default=CourseCompletionRule.ALL_REQUIRED_MODULES,
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Learners who complete the course receive this certificate."),
    )
    esf_funded = models.BooleanField(
        _("ESF+-funded"),
        default=False,
        help_text=_(
            "Learners are asked the voluntary ESF+ questions when they enrol in "
            "and complete this course."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("audience"), FieldPanel("estimated_duration_minutes")]
                ),
                FieldPanel("completion_rule"),
                FieldPanel("certificate_template"),
                FieldPanel("esf_funded"),
            ],
            heading=_("Course details"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    base_form_class = ChoosableOnlyPageForm

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_modules(self):
        """Live modules in tree order, without their (large) bodies."""
        return (
            ModulePage.objects.child_of(self)
            .live()
            .order_by("path")
            .defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        from ..services import progress_for

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = progress_for(request.user, self, conditions=True)
        return context


class ModulePage(CachedViewRestrictionsMixin, ModuleCompletionSettings, Page):
    """One unit of a course: lesson blocks, optionally followed by a quiz child page."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson content"))
    is_required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("Optional modules do not count towards completing the course."),
    )
    estimated_duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), default=15
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        completion_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["quizzes.QuizPage"]
    base_form_class = ChoosableOnlyPageForm

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_quiz(self):
        """The module's first live quiz child page, if it has one."""
        return (
            self.get_children()
            .live()
            .filter(content_type__app_label="quizzes", content_type__model="quizpage")
            .order_by("path")
            .first()
        )

    def serve(self, request, *args, **kwargs):
        """Decide access once, act on it, and hand it to ``get_context``.

        A GET writes nothing: the lesson script posts the visit (``module_seen``),
        and the server measures the time between such posts on its own clock.
        """
        from ..access import Verdict, module_access

        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        access = module_access(request.user, self)
        if access.verdict == Verdict.SIGN_IN:
            return redirect_to_login(request.get_full_path())
        if access.verdict == Verdict.ENROL_FIRST:
            messages.info(request, _("Please enrol in the course to open its modules."))
            return redirect(access.course.get_url(request))
        # No write here: the visit and time on page come by POST (module_seen).
        response = super().serve(request, *args, access=access, **kwargs)
        return self._frame_packages(response)

    def serve_preview(self, request, mode_name):
        return self._frame_packages(super().serve_preview(request, mode_name))

    def _frame_packages(self, response):
        """A lesson with packages may frame the content origin (CSP frame-src)."""
        if any(item["type"] == "content_package" for item in self.body.raw_data):
            allow_content_frames(response)
        return response

    def get_context(self, request, *args, access=None, **kwargs):
        """``access`` comes from ``serve`` (``courses.access.ModuleAccess``)."""
        from ..access import module_access
        from ..services import (
            course_of,
            module_completion,
            progress_for,
            reflections_for,
        )

        # Wagtail renders the password form through here without ``serve``.
        access = access or module_access(request.user, self)
        course = access.course or course_of(self)
        context = super().get_context(request, *args, **kwargs)
        progress = progress_for(request.user, course, access.enrollment)
        conditions, verdict = module_completion(self, progress)
        state = progress.state_of(self)
        previous, following = progress.neighbours(self)
        context.update(
            {
                "progress": progress,
                "module_state": state,
                # Met but not recorded: shown complete, the visit post settles it.
                "settle_due": bool(
                    progress.is_enrolled and verdict.complete and not state.is_completed
                ),
                # What completes it; optional activities are in the lesson itself.
                "conditions": [state for state in conditions if state.required],
                "verdict": verdict,
                "previous_module": previous,
                "next_module": following,
                "quiz": self.get_quiz(),
                "reflections": reflections_for(request.user, self),
                "case_study_choices": {
                    key.removeprefix("case-"): value
                    for key, value in request.GET.items()
                    if key.startswith("case-")
                },
            }
        )
        return context
