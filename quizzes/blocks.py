"""Question blocks for quizzes.

The StreamField child's block id is a question's identity and the ListBlock item ids
identify options, pairs and items, so attempts can refer to them across revisions.
Cross-field checks live in each block's ``clean()`` so an invalid quiz cannot be
published.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

PROMPT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def _non_block_error(message) -> StructBlockValidationError:
    return StructBlockValidationError(
        non_block_errors=ErrorList([ValidationError(message)])
    )


class QuestionBlock(blocks.StructBlock):
    """Fields every question type shares: prompt, points and general feedback."""

    prompt = blocks.RichTextBlock(
        label=_("Question"), features=PROMPT_FEATURES, help_text=_("The question.")
    )
    points = blocks.DecimalBlock(
        label=_("Points"),
        default=Decimal("1"),
        min_value=0,
        max_digits=6,
        decimal_places=2,
    )
    general_feedback = blocks.TextBlock(
        label=_("General feedback"),
        required=False,
        help_text=_("Shown after submission, if the quiz shows correct answers."),
    )

    class Meta:
        icon = "help"


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer option"), max_length=500)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        help_text=_("Shown after submission when this option was chosen."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")


class SingleChoiceQuestionBlock(QuestionBlock):
    """One correct option; all or nothing."""

    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("Options"), min_num=2)

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        correct = sum(1 for option in value["options"] if option["is_correct"])
        if correct == 0:
            raise _non_block_error(_("Mark one option as correct."))
        if correct > 1:
            raise _non_block_error(
                _(
                    "A single-choice question has exactly one correct option; "
                    "use a multiple-choice question for several."
                )
            )
        return value

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        template = "quizzes/blocks/question.html"


class MultipleChoiceQuestionBlock(QuestionBlock):
    """Any number of correct options (at least one); partial credit."""

    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("Options"), min_num=2)

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if not any(option["is_correct"] for option in value["options"]):
            raise _non_block_error(_("Mark at least one option as correct."))
        return value

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")
        template = "quizzes/blocks/question.html"


class TrueFalseQuestionBlock(QuestionBlock):
    """A statement the learner judges as true or false."""

    prompt = blocks.RichTextBlock(
        label=_("Introduction"),
        features=PROMPT_FEATURES,
        required=False,
        help_text=_("Optional text shown above the statement."),
    )
    statement = blocks.RichTextBlock(label=_("Statement"), features=PROMPT_FEATURES)
    correct = blocks.BooleanBlock(
        label=_("The statement is true"),
        required=False,
        help_text=_("Tick if “true” is the correct answer; leave empty for “false”."),
    )
    feedback_true = blocks.TextBlock(label=_("Feedback for “true”"), required=False)
    feedback_false = blocks.TextBlock(label=_("Feedback for “false”"), required=False)

    class Meta:
        icon = "tick"
        label = _("True or false")
        template = "quizzes/blocks/question.html"


class MatchingPairBlock(blocks.StructBlock):
    left = blocks.CharBlock(label=_("Item"), max_length=300)
    right = blocks.CharBlock(label=_("Matching answer"), max_length=300)

    class Meta:
        icon = "link"
        label = _("Pair")


class MatchingQuestionBlock(QuestionBlock):
    """Learners match each left item to one of the shuffled right-hand answers."""

    pairs = blocks.ListBlock(MatchingPairBlock(), label=_("Pairs"))

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if len(value["pairs"]) < 2:
            raise _non_block_error(_("A matching question needs at least two pairs."))
        lefts = [pair["left"].strip().casefold() for pair in value["pairs"]]
        if len(set(lefts)) != len(lefts):
            raise _non_block_error(_("Each item on the left must be different."))
        return value

    class Meta:
        icon = "link"
        label = _("Matching")
        template = "quizzes/blocks/question.html"


class OrderingQuestionBlock(QuestionBlock):
    """Items entered in the correct order; learners see them shuffled."""

    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items in the correct order"),
    )

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if len(value["items"]) < 2:
            raise _non_block_error(_("An ordering question needs at least two items."))
        return value

    class Meta:
        icon = "list-ol"
        label = _("Ordering")
        template = "quizzes/blocks/question.html"


class FillInBlankQuestionBlock(QuestionBlock):
    """A short text answer compared with the accepted variants."""

    prompt = blocks.RichTextBlock(
        label=_("Question"),
        features=PROMPT_FEATURES,
        help_text=_("Mark the gap with ___ (three underscores)."),
    )
    accepted_answers = blocks.ListBlock(
        blocks.CharBlock(label=_("Accepted answer"), max_length=200, required=False),
        label=_("Accepted answers"),
        help_text=_("Every spelling that counts as correct."),
    )
    case_sensitive = blocks.BooleanBlock(label=_("Case-sensitive"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if not any((answer or "").strip() for answer in value["accepted_answers"]):
            raise _non_block_error(_("Enter at least one accepted answer."))
        return value

    class Meta:
        icon = "edit"
        label = _("Fill in the blank")
        template = "quizzes/blocks/question.html"


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    matching = MatchingQuestionBlock()
    ordering = OrderingQuestionBlock()
    fill_in_blank = FillInBlankQuestionBlock()

    class Meta:
        label = _("Questions")


QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "matching",
    "ordering",
    "fill_in_blank",
)
