"""Who may see which enrolments: the one query-layer rule every report uses.

Every report, export and list starts from :func:`scoped_enrollments` (the
dashboard from :func:`scoped_facts`, the same rule on its summary table); filters
chosen in the interface only narrow this set further, so a URL parameter can
never widen it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import Network
from accounts.roles import Role, has_role
from courses.models import CoursePage, Enrollment, WorkshopGroup

from .models import ParticipationFact


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


ENROLLMENT_PATHS = {
    "network": "user__organisation__network",
    "course_key": "course_key",
    "group": "group",
}
FACT_PATHS = {"network": "network", "course_key": "course_key", "group": "group"}


def scope_q(user, paths: dict[str, str]) -> Q | None:
    """The condition a user's role allows; None means "nothing".

    ``paths`` names where network, course key and group are on the queried
    model, so enrolments and participation facts share this one rule.
    """
    if sees_everything(user):
        return Q()
    condition: Q | None = None
    if user.is_authenticated and has_role(user, Role.COORDINATOR):
        networks = user.coordinated_networks.values("pk")
        condition = Q(**{f"{paths['network']}__in": networks})
    if user.is_authenticated and has_role(user, Role.TRAINER):
        groups = WorkshopGroup.objects.filter(trainer=user).values("pk")
        trainer_q = Q(**{f"{paths['course_key']}__in": trainer_course_keys(user)}) | Q(
            **{f"{paths['group']}__in": groups}
        )
        condition = trainer_q if condition is None else condition | trainer_q
    return condition


def enrollment_scope_q(user) -> Q | None:
    return scope_q(user, ENROLLMENT_PATHS)


def scoped_enrollments(user) -> QuerySet[Enrollment]:
    """All enrolments this user may report on (possibly none)."""
    condition = enrollment_scope_q(user)
    if condition is None:
        return Enrollment.objects.none()
    return Enrollment.objects.filter(condition)


def scoped_facts(user) -> QuerySet[ParticipationFact]:
    """The participation facts of exactly the enrolments in scoped_enrollments."""
    condition = scope_q(user, FACT_PATHS)
    if condition is None:
        return ParticipationFact.objects.none()
    return ParticipationFact.objects.filter(condition)


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
