"""Views of the course admin beyond the generic ones: creating a workshop group
(with its enrolment code) and a trainer enrolling learners."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import CreateView, WagtailAdminTemplateMixin

from accounts.models import User

from . import services
from .forms import TrainerEnrolmentForm

ENROL_PERMISSION = "courses.add_enrollment"


class WorkshopGroupCreateView(CreateView):
    def get_initial(self):
        return {**super().get_initial(), "trainer": self.request.user.pk}

    def save_instance(self):
        self.form.instance.enrolment_code = services.generate_enrolment_code()
        return super().save_instance()


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
