"""Who may see which enrolments: the one query-layer rule every report uses.

Every report, export and list starts from :func:`scoped_enrollments` (the
dashboard from :func:`scoped_facts`, the same rule on its summary table); filters
chosen in the interface only narrow this set further, so a URL parameter can
never widen it. The rule itself is the courses app's (``staff_scope_q``): a
trainer reports on the courses of their teams and the groups they run, a
coordinator on their networks. The filter choices are drawn from the same
scope, so no choice names another network's organisation or another team's
course or group.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import Network, Organisation
from accounts.roles import sees_everything
from courses.models import CoursePage, Enrollment, WorkshopGroup
from courses.scoping import ENROLLMENT_PATHS, staff_scope_q, visible_enrollments

from .models import ParticipationFact

FACT_PATHS = {"network": ("network",), "course_key": "course_key", "group": "group"}


def enrollment_scope_q(user) -> Q | None:
    return staff_scope_q(user, ENROLLMENT_PATHS)


def scoped_enrollments(user) -> QuerySet[Enrollment]:
    """All enrolments this user may report on (possibly none)."""
    return visible_enrollments(user)


def scoped_facts(user) -> QuerySet[ParticipationFact]:
    """The participation facts of exactly the enrolments in scoped_enrollments."""
    condition = staff_scope_q(user, FACT_PATHS)
    if condition is None:
        return ParticipationFact.objects.none()
    return ParticipationFact.objects.filter(condition)


def visible_networks(user) -> QuerySet[Network]:
    """Networks offered in the filter: a coordinator's own, else those in scope."""
    if sees_everything(user):
        return Network.objects.all()
    return Network.objects.filter(
        Q(pk__in=user.coordinated_networks.values("pk"))
        | Q(pk__in=scoped_facts(user).values("network"))
    )


def visible_organisations(user) -> QuerySet[Organisation]:
    """Organisations offered in the filter: of the user's networks or in scope."""
    if sees_everything(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Q(network__in=user.coordinated_networks.values("pk"))
        | Q(pk__in=scoped_facts(user).values("organisation"))
    )


def visible_course_keys(user) -> QuerySet | None:
    """Course keys offered in filters and quiz lists; None means every course."""
    if sees_everything(user):
        return None
    return CoursePage.objects.filter(
        translation_key__in=scoped_facts(user).values("course_key")
    ).values("translation_key")


def visible_groups(user) -> QuerySet[WorkshopGroup]:
    """Workshop groups offered in the filter: those with enrolments in scope, and
    for a trainer also their own groups and those of their team's courses."""
    from courses.scoping import visible_workshop_groups

    if sees_everything(user):
        return WorkshopGroup.objects.all()
    return WorkshopGroup.objects.filter(
        Q(pk__in=scoped_facts(user).values("group"))
        | Q(pk__in=visible_workshop_groups(user).values("pk"))
    )
