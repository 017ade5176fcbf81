"""Course administration: workshop groups, enrolments and trainer enrolment."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import User
from accounts.scoping import scope_viewset

from . import services
from .forms import TrainerEnrolmentForm
from .models import CoursePage, WorkshopGroup
from .scoping import assignable_trainers, group_courses, visible_workshop_groups

ENROL_PERMISSION = "courses.add_enrollment"


class WorkshopGroupCreateView(CreateView):
    def get_initial(self):
        return {**super().get_initial(), "trainer": self.request.user.pk}

    def save_instance(self):
        self.form.instance.enrolment_code = services.generate_enrolment_code()
        return super().save_instance()


class WorkshopGroupForm(WagtailAdminModelForm):
    """Course and trainer choices: the user's team courses and colleagues only.

    A group's current course and trainer stay valid when someone else edits it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        current = self.instance if self.instance.pk else None
        courses = Q(pk__in=group_courses(user).values("pk"))
        trainers = Q(pk__in=assignable_trainers(user).values("pk"))
        if current is not None:
            courses |= Q(pk=current.course_id)
            trainers |= Q(pk=current.trainer_id)
        self.fields["course"].queryset = CoursePage.objects.filter(courses).order_by(
            "title"
        )
        self.fields["trainer"].queryset = User.objects.filter(trainers).order_by(
            "last_name", "first_name"
        )


class WorkshopGroupFilterSet(WagtailFilterSet):
    """Filter choices from the groups the user sees, never every user or course."""

    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=lambda request: CoursePage.objects.filter(
            pk__in=visible_workshop_groups(request.user).values("course")
        ).order_by("title"),
    )
    trainer = django_filters.ModelChoiceFilter(
        label=_("Trainer"),
        queryset=lambda request: User.objects.filter(
            pk__in=visible_workshop_groups(request.user).values("trainer")
        ).order_by("last_name", "first_name"),
    )

    class Meta:
        model = WorkshopGroup
        fields = ["course", "trainer", "start_date"]


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


class TrainerEnrolmentView(WagtailAdminTemplateMixin, FormView):
    """A trainer enrols a list of email addresses and/or a whole organisation."""

    form_class = TrainerEnrolmentForm
    template_name = "courses/admin/enrol_learners.html"
    page_title = _("Enrol learners")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ENROL_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        course = form.cleaned_data["course"]
        emails = form.cleaned_data["emails"]
        users = list(User.objects.filter(email__in=emails, is_active=True))
        found = {user.email.lower() for user in users}
        count = services.enrol_users(users, course, by=self.request.user)
        organisation = form.cleaned_data["organisation"]
        if organisation is not None:
            count += services.enrol_organisation(
                organisation, course, by=self.request.user
            )
        messages.success(
            self.request,
            _("%(count)d people newly enrolled in “%(course)s”.")
            % {"count": count, "course": course.title},
        )
        unknown = [email for email in emails if email not in found]
        if unknown:
            messages.warning(
                self.request,
                _("No account exists for: %(emails)s") % {"emails": ", ".join(unknown)},
            )
        return redirect("courses_enrol_learners:enrol")


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
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_courses_admin():
    return CoursesAdminGroup()
