"""One "Participation reports" admin menu; its items need reports.view_reports."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from learning.admin import MENU_ORDER

from . import admin_urls
from .models import OrganisationIndicators
from .views import VIEW_REPORTS, may_view_people


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REPORTS)


class PeopleMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REPORTS) and may_view_people(request.user)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class OrganisationIndicatorsViewSet(ModelViewSet):
    """Administrators record per organisation whether it is an SME or public body."""

    model = OrganisationIndicators
    icon = "site"
    menu_label = _("ESF+ organisation data")
    add_to_admin_menu = False
    form_fields = ["organisation", "is_sme", "is_public_administration"]
    list_display = ["organisation", "is_sme", "is_public_administration"]
    list_filter = ["is_sme", "is_public_administration"]
    search_fields = ["organisation__name"]


organisation_indicators_viewset = OrganisationIndicatorsViewSet("esf_organisations")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return organisation_indicators_viewset


@hooks.register("register_admin_urls")
def register_urls():
    return [path("reports/", include(admin_urls, namespace="reports_admin"))]


def _menu() -> Menu:
    return Menu(
        items=[
            ReportMenuItem(
                _("Participation"),
                reverse("reports_admin:dashboard"),
                icon_name="table",
                order=100,
            ),
            ReportMenuItem(
                _("Quiz item analysis"),
                reverse("reports_admin:quizzes"),
                icon_name="help",
                order=200,
            ),
            ReportMenuItem(
                _("ESF+ indicators"),
                reverse("reports_admin:esf"),
                icon_name="list-ul",
                order=300,
            ),
            PeopleMenuItem(
                _("Participants"),
                reverse("reports_admin:people"),
                icon_name="group",
                order=400,
            ),
            ReportMenuItem(
                _("My exports"),
                reverse("reports_admin:jobs"),
                icon_name="download",
                order=500,
            ),
            PermissionMenuItem(
                _("ESF+ organisation data"),
                reverse(organisation_indicators_viewset.get_url_name("index")),
                icon_name="site",
                order=600,
                permission="reports.change_organisationindicators",
            ),
        ]
    )


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    # Not "reports": that is the name (and the element id) of Wagtail's own menu.
    return SubmenuMenuItem(
        _("Participation reports"),
        _menu(),
        icon_name="table",
        name="iq-participation-reports",
        order=MENU_ORDER["iq-participation-reports"],
    )
