"""Filters of the issued-certificates listing; their choices come from the
certificates the user may see, so no filter names another team's course,
another network or its organisations."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from accounts.models import Network, Organisation
from courses.models import CoursePage
from courses.scoping import course_choices

from .models import Certificate, CertificateStatus
from .scoping import visible_certificates


class LabelledDateRangeWidget(DateRangePickerWidget):
    """Wagtail's date range, with a visible label on each date, not a placeholder
    alone (WCAG 3.3.2); Wagtail's own widget labels neither input."""

    template_name = "certificates/widgets/date_range_input.html"
    labels = (_("Issued from"), _("Issued until"))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(
            context["widget"]["subwidgets"], self.labels, strict=True
        ):
            subwidget["label"] = label
        return context


def _visible(request):
    return visible_certificates(request.user) if request else Certificate.objects.none()


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ChoiceFilter(
        label=_("Course"), field_name="course_key", choices=[]
    )
    network = django_filters.ModelChoiceFilter(
        label=_("Network"),
        queryset=lambda request: Network.objects.filter(
            pk__in=_visible(request).values("network")
        ),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=lambda request: Organisation.objects.filter(
            pk__in=_visible(request).values("organisation")
        ),
    )
    issued_at = django_filters.DateFromToRangeFilter(
        label=_("Issued"), widget=LabelledDateRangeWidget
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CertificateStatus.choices, method="filter_status"
    )

    class Meta:
        model = Certificate
        fields = ["course", "network", "organisation", "issued_at", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pages = CoursePage.objects.filter(
            translation_key__in=_visible(self.request).values("course_key")
        )
        self.filters["course"].extra["choices"] = course_choices(pages)

    def filter_status(self, queryset, name, value):
        now = timezone.now()
        if value == CertificateStatus.VALID:
            return queryset.filter(revoked_at__isnull=True).filter(
                Q(expires_at__isnull=True) | Q(expires_at__gt=now)
            )
        if value == CertificateStatus.EXPIRED:
            return queryset.expired(now)
        if value == CertificateStatus.REVOKED:
            return queryset.revoked()
        return queryset
