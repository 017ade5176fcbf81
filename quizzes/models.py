"""Quiz pages and the attempts learners make at them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.permissions import ChoosableOnlyPageForm
from pages.restrictions import CachedViewRestrictionsMixin

from .bank.blocks import BankStreamBlock
from .bank.models import BankQuestion, BankQuestionTag, QuestionCategory
from .blocks import QuestionStreamBlock

__all__ = ["BankQuestion", "BankQuestionTag", "QuestionCategory"]


class ReviewMode(models.TextChoices):
    SCORE_ONLY = "score_only", _("Score only")
    SHOW_WRONG = "show_wrong", _("Show which answers were wrong")
    SHOW_CORRECT = "show_correct", _("Show correct answers and feedback")


class QuizPageForm(ChoosableOnlyPageForm):
    """Lets editors save unfinished quizzes as drafts; publishing validates fully.

    Bank questions and categories chosen must be the editor's team's.
    """

    def _post_clean(self):
        self.instance.defer_question_checks = self.is_deferred_validation
        try:
            super()._post_clean()
        finally:
            self.instance.defer_question_checks = False


class QuizPage(CachedViewRestrictionsMixin, Page):
    """A graded quiz at the end of a module; grading happens only on the server.

    There is deliberately no time limit (WCAG 2.2.1: learners must not be rushed).
    """

    intro = RichTextField(_("introduction"), blank=True)
    questions = StreamField(
        QuestionStreamBlock(),
        verbose_name=_("questions"),
        blank=True,
        help_text=_("The question pool. Each question needs a correct answer."),
    )
    bank_questions = StreamField(
        BankStreamBlock(),
        verbose_name=_("questions from the bank"),
        blank=True,
        help_text=_(
            "Fixed questions of your team's bank, or random questions from a "
            "category: each learner gets their own."
        ),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of the points needed to pass, 0 to 100."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    wait_minutes_between_attempts = models.PositiveIntegerField(
        _("waiting time between attempts (minutes)"),
        default=0,
        help_text=_("0 means learners may try again straight away."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle answer options"), default=True)
    draw_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Draw this many random questions from the pool for each attempt. "
            "Leave empty to ask all questions."
        ),
    )
    review_mode = models.CharField(
        _("after submission show"),
        max_length=20,
        choices=ReviewMode.choices,
        default=ReviewMode.SHOW_CORRECT,
    )
    general_feedback = RichTextField(
        _("general feedback"),
        blank=True,
        help_text=_("Shown to every learner after submission."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        # Pass mark, attempts and review sit on the main tab so a trainer sees them
        # while writing the quiz instead of hunting on the settings tab (issue 19).
        MultiFieldPanel(
            [
                FieldPanel("pass_mark_percent"),
                FieldPanel("max_attempts"),
                FieldPanel("review_mode"),
            ],
            heading=_("Quiz settings"),
        ),
        FieldPanel("questions"),
        FieldPanel("bank_questions"),
        FieldPanel("general_feedback"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("wait_minutes_between_attempts"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("draw_count"),
            ],
            heading=_("More quiz settings"),
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    template = "quizzes/quiz_page.html"
    base_form_class = QuizPageForm
    defer_question_checks = False

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def clean(self):
        """Reject quizzes learners could not pass or that could not be graded."""
        super().clean()
        errors: dict[str, list] = {}
        question_errors = []
        questions = [] if self.defer_question_checks else self.questions or []
        for position, child in enumerate(questions, start=1):
            try:
                child.block.clean(child.value)
            except ValidationError as error:
                messages = getattr(error, "non_block_errors", None)
                detail = (
                    "; ".join(str(m) for m in messages)
                    if messages
                    else "; ".join(error.messages)
                )
                question_errors.append(
                    _("Question %(number)s: %(error)s")
                    % {"number": position, "error": detail}
                )
        if question_errors:
            errors["questions"] = question_errors
        if not self.defer_question_checks:
            self._check_bank(errors)
        pool = len(self.questions or [])
        if (
            self.draw_count
            and self.draw_count > pool
            and not self.defer_question_checks
        ):
            errors["draw_count"] = [
                _("Cannot draw %(count)s questions from a pool of %(pool)s.")
                % {"count": self.draw_count, "pool": pool}
            ]
        if errors:
            raise ValidationError(errors)

    def _check_bank(self, errors: dict) -> None:
        """At least one question in all; no draw asking for more than there is."""
        from .bank.services import short_draws

        bank = len(self.bank_questions or [])
        if not len(self.questions or []) and not bank:
            errors.setdefault("questions", []).append(
                _("Add at least one question, here or from the bank.")
            )
        short = [
            _(
                "The category “%(category)s” has %(available)s questions; "
                "%(count)s cannot be drawn."
            )
            % {"category": name, "available": available, "count": wanted}
            for name, wanted, available in short_draws(self)
        ]
        if short:
            errors["bank_questions"] = short

    @property
    def questions_per_attempt(self) -> int:
        from .bank.services import bank_question_count

        pool = len(self.questions)
        own = min(self.draw_count, pool) if self.draw_count else pool
        return own + bank_question_count(self)

    def serve(self, request, *args, **kwargs):
        """Work out the learner's standing once and hand it to ``get_context``."""
        from .access import quiz_standing

        standing = quiz_standing(getattr(request, "user", None), self)
        return super().serve(request, *args, standing=standing, **kwargs)

    def get_context(self, request, *args, standing=None, **kwargs):
        """``standing`` comes from ``serve`` (``quizzes.access.QuizStanding``)."""
        from .access import quiz_standing

        standing = standing or quiz_standing(getattr(request, "user", None), self)
        context = super().get_context(request, *args, **kwargs)
        context.update(standing.as_context())
        return context


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class AttemptQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=AttemptStatus.SUBMITTED)

    def in_progress(self):
        return self.filter(status=AttemptStatus.IN_PROGRESS)


class Attempt(models.Model):
    """One learner's go at a quiz, with the exact questions they were shown.

    ``presented`` snapshots the drawn questions at ``page_revision`` together with
    per-attempt opaque tokens, so grading never depends on later edits and the form
    never exposes block ids.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    quiz = models.ForeignKey(
        QuizPage,
        verbose_name=_("quiz"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AttemptStatus.choices,
        default=AttemptStatus.IN_PROGRESS,
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    score_points = models.DecimalField(
        _("points"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    max_points = models.DecimalField(
        _("maximum points"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    score_percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    page_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("quiz revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    presented = models.JSONField(
        _("questions as presented"), default=list, encoder=DjangoJSONEncoder
    )
    draft_answers = models.JSONField(_("draft answers"), default=dict, blank=True)
    draft_saved_at = models.DateTimeField(_("draft saved at"), null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="unique_attempt_number"
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "status"], name="attempt_quiz_status_idx"),
            models.Index(fields=["user", "quiz"], name="attempt_user_quiz_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.quiz_id} #{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.status == AttemptStatus.SUBMITTED


class AttemptAnswer(models.Model):
    """The graded answer to one question of a submitted attempt."""

    attempt = models.ForeignKey(
        Attempt,
        verbose_name=_("attempt"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question_id = models.CharField(_("question id"), max_length=64)
    response = models.JSONField(_("response"), null=True, blank=True)
    points_awarded = models.DecimalField(
        _("points awarded"), max_digits=8, decimal_places=2
    )
    max_points = models.DecimalField(
        _("maximum points"), max_digits=8, decimal_places=2
    )
    is_correct = models.BooleanField(_("correct"))
    feedback = models.JSONField(_("feedback shown"), default=list, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="unique_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}: {self.question_id}"
