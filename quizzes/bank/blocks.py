"""The quiz's "Questions from the bank" stream: fixed bank questions and random draws.

Choosers are the bank's snippet choosers, scoped to the editor's course team
(``quizzes.wagtail_hooks``); the quiz form refuses a chosen category or
question outside that scope (``ChoosableOnlyFormMixin``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class BankQuestionBlock(blocks.StructBlock):
    question = SnippetChooserBlock("quizzes.BankQuestion", label=_("Bank question"))

    class Meta:
        icon = "help"
        label = _("Bank question")


class BankDrawBlock(blocks.StructBlock):
    """Each learner gets their own random questions from the category."""

    category = SnippetChooserBlock("quizzes.QuestionCategory", label=_("Category"))
    count = blocks.IntegerBlock(
        label=_("Number of questions"),
        min_value=1,
        default=1,
        help_text=_("Each attempt draws this many questions at random."),
    )

    class Meta:
        icon = "pick"
        label = _("Random questions from a category")


class BankStreamBlock(blocks.StreamBlock):
    bank_question = BankQuestionBlock()
    bank_draw = BankDrawBlock()

    class Meta:
        label = _("Questions from the bank")
