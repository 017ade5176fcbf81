"""Courses, their modules, and what learners do with them.

Identity across languages: a course and its translations share a Wagtail
``translation_key``. Enrolments and progress are keyed on that UUID
(``Enrollment.course_key``, ``ModuleProgress.module_key``), so a learner who
switches between German and English keeps one enrolment and one progress record.
The foreign keys point at the page the learner actually used, for convenience.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from learning.origins import allow_content_frames
from pages.restrictions import CachedViewRestrictionsMixin

from .blocks import LessonStreamBlock
from .completion_settings import (  # noqa: F401  (PackageRequirement: callers)
    ModuleCompletionSettings,
    PackageRequirement,
    completion_panel,
)
from .permissions import ChoosableOnlyPageForm, CourseCreationMixin

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
        from .services import progress_for

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
        from .views import module_access_response

        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        response = module_access_response(self, request)
        if response is not None:
            return response
        return self._frame_packages(super().serve(request, *args, **kwargs))

    def serve_preview(self, request, mode_name):
        return self._frame_packages(super().serve_preview(request, mode_name))

    def _frame_packages(self, response):
        """A lesson with packages may frame the content origin (CSP frame-src)."""
        if any(item["type"] == "content_package" for item in self.body.raw_data):
            allow_content_frames(response)
        return response

    def get_context(self, request, *args, **kwargs):
        from .services import (
            course_of,
            module_completion,
            progress_for,
            reflections_for,
        )

        context = super().get_context(request, *args, **kwargs)
        progress = progress_for(
            request.user,
            course_of(self),
            getattr(request, "module_enrollment", None),
        )
        progress, conditions, verdict = module_completion(request.user, self, progress)
        previous, following = progress.neighbours(self)
        context.update(
            {
                "progress": progress,
                "module_state": progress.state_of(self),
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


class EnrollmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EnrollmentSource(models.TextChoices):
    SELF = "self", _("Self-enrolled")
    TRAINER = "trainer", _("Enrolled by a trainer")
    GROUP_CODE = "group_code", _("Workshop group code")


class EnrollmentQuerySet(models.QuerySet):
    def current(self):
        """Active or completed: the learner still has the course."""
        return self.exclude(status=EnrollmentStatus.WITHDRAWN)


class Enrollment(models.Model):
    """A learner taking a course, in whichever of its languages.

    Unique per (user, course_key); withdrawing keeps the row and its progress.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    course_key = models.UUIDField(
        _("course identity"),
        db_index=True,
        help_text=_("The translation key shared by all languages of the course."),
    )
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrollments",
        help_text=_("The course page (language version) the learner enrolled on."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.ACTIVE,
    )
    source = models.CharField(
        _("source"),
        max_length=16,
        choices=EnrollmentSource.choices,
        default=EnrollmentSource.SELF,
    )
    group = models.ForeignKey(
        "courses.WorkshopGroup",
        verbose_name=_("workshop group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="unique_enrollment_per_course"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"

    @property
    def is_current(self) -> bool:
        return self.status != EnrollmentStatus.WITHDRAWN


class ModuleStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class ModuleProgress(models.Model):
    """A learner's progress in one module, shared by all languages of the module."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="module_progress",
    )
    module_key = models.UUIDField(_("module identity"))
    module = models.ForeignKey(
        ModulePage,
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The module page (language version) last used."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ModuleStatus.choices,
        default=ModuleStatus.NOT_STARTED,
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen at"), null=True, blank=True)
    seconds_on_task = models.PositiveIntegerField(
        _("time on task (seconds, estimate)"), default=0
    )
    best_quiz_score_percent = models.DecimalField(
        _("best quiz score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    viewed_to_end_at = models.DateTimeField(
        _("confirmed as read at"),
        null=True,
        blank=True,
        help_text=_("When the learner confirmed with “Done” that they read it all."),
    )

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "module_key"],
                name="unique_progress_per_module",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} – {self.module_key}: {self.status}"


class ReflectionEntry(models.Model):
    """A learner's private answer to a reflection block; only they can read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="reflection_entries",
    )
    module_key = models.UUIDField(_("module identity"))
    block_id = models.CharField(_("block id"), max_length=64)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key", "block_id"],
                name="unique_reflection_per_block",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.block_id}"


class WorkshopGroup(models.Model):
    """A trainer-led group (blended learning) that learners join with a code."""

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="workshop_groups",
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        related_name="workshop_groups",
    )
    organisations = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="workshop_groups",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    sessions = models.TextField(
        _("sessions"),
        blank=True,
        help_text=_("Dates and places of the face-to-face sessions, one per line."),
    )
    enrolment_code = models.CharField(
        _("enrolment code"),
        max_length=16,
        unique=True,
        help_text=_("Learners type this code to join the group and its course."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop group")
        verbose_name_plural = _("workshop groups")
        ordering = ["-start_date", "name"]

    def __str__(self) -> str:
        return self.name
