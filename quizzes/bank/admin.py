"""The bank's snippet viewsets: categories and questions, scoped to the team."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.scoping import ChoosableOnlyFormMixin, scope_viewset

from .models import BankQuestion, QuestionCategory
from .scoping import visible_categories, visible_questions


class BankForm(ChoosableOnlyFormMixin, WagtailAdminModelForm):
    """Collection and category: only the editor's team's."""


@scope_viewset(visible_categories)
class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Question categories")
    list_display = ["name", "collection"]
    search_fields = ["name"]
    edit_handler = ObjectList(QuestionCategory.panels, base_form_class=BankForm)


@scope_viewset(visible_questions)
class BankQuestionViewSet(SnippetViewSet):
    model = BankQuestion
    icon = "help"
    menu_label = _("Bank questions")
    list_display = ["title", "category"]
    list_filter = ["category"]
    search_fields = ["title"]
    edit_handler = ObjectList(BankQuestion.panels, base_form_class=BankForm)


class QuestionBankGroup(ViewSetGroup):
    menu_label = _("Question bank")
    menu_icon = "help"
    items = (BankQuestionViewSet, QuestionCategoryViewSet)
