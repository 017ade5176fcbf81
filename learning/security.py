"""Object-level access for staff: whose records a trainer or coordinator may open.

Django's model permissions say *what kind* of record a role may see; these
functions say *which* records: a trainer those of the courses they own or run a
group for, a coordinator those of people in their networks, an administrator
everything. Views use them for every id that comes from a request, so a guessed
id outside the scope is a 404 (see tests/security/test_permission_matrix.py).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from accounts.roles import Role, has_role


def _sees_everything(user) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))
    )


def visible_certificates(user) -> QuerySet:
    """Certificates a staff member may open: own courses, own networks, or all."""
    from certificates.models import Certificate
    from reports.scoping import trainer_course_keys

    certificates = Certificate.objects.all()
    if _sees_everything(user):
        return certificates
    if not user.is_authenticated:
        return certificates.none()
    condition = Q(user=user)
    if has_role(user, Role.TRAINER):
        condition |= Q(course_key__in=trainer_course_keys(user)) | Q(
            group__trainer=user
        )
    if has_role(user, Role.COORDINATOR):
        networks = user.coordinated_networks.values("pk")
        condition |= Q(network__in=networks) | Q(
            user__organisation__network__in=networks
        )
    return certificates.filter(condition)


def visible_workshop_groups(user) -> QuerySet:
    """Workshop groups a trainer runs or whose course they own; all for admins."""
    from courses.models import WorkshopGroup

    groups = WorkshopGroup.objects.all()
    if _sees_everything(user):
        return groups
    if not user.is_authenticated:
        return groups.none()
    return groups.filter(Q(trainer=user) | Q(course__owner=user))


def scoped_view(view_class: type, visible: Callable) -> type:
    """A Wagtail generic view that answers 404 for objects outside `visible(user)`.

    Wagtail's edit, delete, inspect, history and usage views look the object up
    by primary key on the model; this narrows that lookup (and the listing) to
    the requesting user's scope.
    """

    class Scoped(view_class):
        def get_object(self, *args, **kwargs) -> Model:
            instance = super().get_object(*args, **kwargs)
            if not visible(self.request.user).filter(pk=instance.pk).exists():
                raise Http404
            return instance

    Scoped.__name__ = f"Scoped{view_class.__name__}"
    Scoped.__qualname__ = Scoped.__name__
    return Scoped


def scope_viewset(viewset_class: type, visible: Callable) -> type:
    """Wrap a ModelViewSet's single-object views with `scoped_view`; returns it."""
    for attribute in (
        "edit_view_class",
        "delete_view_class",
        "inspect_view_class",
        "history_view_class",
        "usage_view_class",
    ):
        view_class = getattr(viewset_class, attribute, None)
        if view_class is not None:
            setattr(viewset_class, attribute, scoped_view(view_class, visible))
    return viewset_class
