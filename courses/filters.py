"""Filters of the workshop-group listing."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from accounts.models import User

from .models import CoursePage, WorkshopGroup
from .scoping import visible_workshop_groups


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
