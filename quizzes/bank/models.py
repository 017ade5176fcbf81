"""Bank categories and questions; one question holds one value of a registered type.

A question keeps the type registry's own block (``QuestionStreamBlock`` with a
single child), so the quiz, grading and review code read a bank question exactly
like one written in the quiz. Each save is a revision; attempts snapshot the
value and the revision they were shown, so later edits never change them.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import CollectionMember, RevisionMixin
from wagtail.search import index

from ..blocks import QuestionStreamBlock


class QuestionCategory(CollectionMember, index.Indexed, models.Model):
    """A named pool of bank questions; quizzes draw at random from one."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("collection"), FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name"]
        permissions = [("choose_questioncategory", _("Can choose question category"))]

    def __str__(self) -> str:
        return self.name


class BankQuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "quizzes.BankQuestion", related_name="tagged_items", on_delete=models.CASCADE
    )


class BankQuestion(CollectionMember, RevisionMixin, index.Indexed, ClusterableModel):
    """One reusable question of any registered type, versioned by revisions.

    Its collection is always its category's: the team that owns the category
    owns its questions.
    """

    title = models.CharField(
        _("title"), max_length=255, help_text=_("For finding the question again.")
    )
    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    body = StreamField(
        QuestionStreamBlock(min_num=1, max_num=1),
        verbose_name=_("question"),
        help_text=_("Exactly one question of any type."),
    )
    tags = ClusterTaggableManager(
        through=BankQuestionTag, blank=True, verbose_name=_("tags")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="+")

    panels = [
        FieldPanel("category"),
        FieldPanel("title"),
        FieldPanel("tags"),
        FieldPanel("body"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("category_id"),
    ]

    class Meta:
        verbose_name = _("bank question")
        verbose_name_plural = _("bank questions")
        ordering = ["title"]
        permissions = [("choose_bankquestion", _("Can choose bank question"))]

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def question(self):
        """The one stream child (type and value); None if the body is empty."""
        return self.body[0] if len(self.body) else None

    def clean(self) -> None:
        super().clean()
        if self.category_id:
            self.collection_id = self.category.collection_id
        if len(self.body) != 1:
            raise ValidationError({"body": _("Add exactly one question.")})
        child = self.body[0]
        try:
            child.block.clean(child.value)
        except ValidationError as error:
            messages = getattr(error, "non_block_errors", None) or error.messages
            raise ValidationError(
                {"body": "; ".join(str(m) for m in messages)}
            ) from error

    def save(self, *args, **kwargs):
        if self.category_id:
            self.collection_id = self.category.collection_id
        super().save(*args, **kwargs)
