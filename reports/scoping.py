"""Who may see which enrolments: the one query-layer rule every report uses.

Every report, export and list starts from :func:`scoped_enrollments`; filters
chosen in the interface only narrow this set further, so a URL parameter can
never widen it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import Network
from accounts.roles import Role, has_role
from courses.models import CoursePage, Enrollment, WorkshopGroup


def sees_everything(user) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))
    )


def trainer_course_keys(user) -> QuerySet:
    """Translation keys of the courses a trainer owns or runs a group for."""
    owned = CoursePage.objects.filter(owner=user).values("translation_key")
    grouped = WorkshopGroup.objects.filter(trainer=user).values(
        "course__translation_key"
    )
    return CoursePage.objects.filter(
        Q(translation_key__in=owned) | Q(translation_key__in=grouped)
    ).values("translation_key")


def enrollment_scope_q(user) -> Q | None:
    """The condition on Enrollment a user's role allows; None means "nothing"."""
    if sees_everything(user):
        return Q()
    condition: Q | None = None
    if user.is_authenticated and has_role(user, Role.COORDINATOR):
        networks = user.coordinated_networks.values("pk")
        condition = Q(user__organisation__network__in=networks)
    if user.is_authenticated and has_role(user, Role.TRAINER):
        trainer_q = Q(course_key__in=trainer_course_keys(user)) | Q(group__trainer=user)
        condition = trainer_q if condition is None else condition | trainer_q
    return condition


def scoped_enrollments(user) -> QuerySet[Enrollment]:
    """All enrolments this user may report on (possibly none)."""
    condition = enrollment_scope_q(user)
    if condition is None:
        return Enrollment.objects.none()
    return Enrollment.objects.filter(condition)


def visible_networks(user) -> QuerySet[Network]:
    """Networks offered in the filter: a coordinator sees only their own."""
    if sees_everything(user) or has_role(user, Role.TRAINER):
        return Network.objects.all()
    return user.coordinated_networks.all()


def visible_course_keys(user) -> QuerySet | None:
    """Course keys offered in filters; None means every course."""
    if sees_everything(user) or has_role(user, Role.COORDINATOR):
        return None
    return trainer_course_keys(user)


def visible_groups(user) -> QuerySet[WorkshopGroup]:
    if sees_everything(user) or has_role(user, Role.COORDINATOR):
        return WorkshopGroup.objects.all()
    return WorkshopGroup.objects.filter(
        Q(trainer=user) | Q(course__translation_key__in=trainer_course_keys(user))
    )
