"""Which course teams a user sees and manages."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.roles import sees_everything

from .models import CourseTeam


def manageable_teams(user) -> QuerySet[CourseTeam]:
    """Administrators manage every team; a lead trainer the teams of their networks."""
    if sees_everything(user):
        return CourseTeam.objects.all()
    if not user.is_authenticated:
        return CourseTeam.objects.none()
    return CourseTeam.objects.filter(network__in=user.led_networks.values("pk"))


def visible_teams(user) -> QuerySet[CourseTeam]:
    """The teams a user manages, plus those they belong to (read only)."""
    if sees_everything(user):
        return CourseTeam.objects.all()
    if not user.is_authenticated:
        return CourseTeam.objects.none()
    return CourseTeam.objects.filter(
        Q(pk__in=manageable_teams(user).values("pk")) | Q(group__user=user)
    ).distinct()
