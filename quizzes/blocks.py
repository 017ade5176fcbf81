"""The quiz's question stream: one child block per registered question type.

The StreamField child's block id is a question's identity and the ListBlock item ids
identify options, pairs and items, so attempts can refer to them across revisions.
Each type's block (with its cross-field ``clean()``) lives in its module under
``quizzes.question_types``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import question_types


class QuestionStreamBlock(blocks.StreamBlock):
    def __init__(self, local_blocks=None, **kwargs):
        if local_blocks is None:
            local_blocks = [(t.name, t.block()) for t in question_types.all_types()]
        super().__init__(local_blocks, **kwargs)

    class Meta:
        label = _("Questions")
