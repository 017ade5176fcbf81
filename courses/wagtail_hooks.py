"""Course administration: workshop groups, enrolments and trainer enrolment.

The views live in admin_views.py, the forms in forms.py, the listing's filters in
filters.py; here they are put together under the "Learners" menu group.
"""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.scoping import scope_viewset
from learning.admin import MENU_ORDER

from .admin_views import ENROL_PERMISSION, TrainerEnrolmentView, WorkshopGroupCreateView
from .filters import WorkshopGroupFilterSet
from .forms import WorkshopGroupForm
from .models import WorkshopGroup
from .scoping import visible_workshop_groups


# A trainer opens only their own groups and those of their team's courses (with
# their enrolment codes), in the listing, the export and every single view.
@scope_viewset(visible_workshop_groups)
class WorkshopGroupViewSet(ModelViewSet):
    model = WorkshopGroup
    name = "workshop_groups"
    icon = "group"
    menu_label = _("Workshop groups")
    add_view_class = WorkshopGroupCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "course", "trainer", "start_date", "enrolment_code"]
    filterset_class = WorkshopGroupFilterSet
    list_export = [
        "name",
        "course",
        "trainer",
        "start_date",
        "end_date",
        "enrolment_code",
    ]
    search_fields = ["name", "enrolment_code"]

    panels = [
        FieldPanel("name"),
        FieldPanel("course", widget=forms.Select),
        FieldPanel("trainer"),
        FieldPanel("organisations"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Dates"),
        ),
        FieldPanel("sessions"),
    ]
    edit_handler = ObjectList(panels, base_form_class=WorkshopGroupForm)


class TrainerEnrolmentViewSet(ViewSet):
    name = "courses_enrol_learners"
    icon = "user"
    menu_label = _("Enrol learners")

    @property
    def menu_item_class(self):
        def is_shown(_self, request):
            return request.user.has_perm(ENROL_PERMISSION)

        return type("TrainerEnrolmentMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_urlpatterns(self):
        return [path("", TrainerEnrolmentView.as_view(), name="enrol")]


class CoursesAdminGroup(ViewSetGroup):
    items = (WorkshopGroupViewSet, TrainerEnrolmentViewSet)
    menu_icon = "folder-open-1"
    menu_label = _("Learners")
    menu_name = "learners"
    menu_order = MENU_ORDER["learners"]


@hooks.register("register_admin_viewset")
def register_courses_admin():
    return CoursesAdminGroup()
