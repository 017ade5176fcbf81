"""Which courses, workshop groups and enrolments a staff member may see.

The team rule: a trainer authors the courses whose pages one of their groups
may change in Wagtail (a ``GroupPagePermission`` on the course page, which is
what a course team's group holds; see teams/services.py). So the page editor,
the listings and the reports follow one fact, and adding someone to a team
opens all of it at once.

A trainer also sees what belongs to the workshop groups they run; a coordinator
sees the learners of their networks; administrators see everything. Every
listing, export and choice in the admin starts from these functions.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission

from accounts.models import User
from accounts.roles import GROUP_NAMES, Role, has_role, sees_everything

from .models import CoursePage, Enrollment, WorkshopGroup


def authored_courses(user) -> QuerySet[CoursePage]:
    """Every language version of the courses a user's groups may edit."""
    if not user.is_authenticated:
        return CoursePage.objects.none()
    granted_pages = GroupPagePermission.objects.filter(
        group__user=user,
        permission__content_type__app_label="wagtailcore",
        permission__codename="change_page",
    ).values("page")
    keys = CoursePage.objects.filter(pk__in=granted_pages).values("translation_key")
    return CoursePage.objects.filter(translation_key__in=keys)


def authored_course_keys(user) -> QuerySet:
    return authored_courses(user).values("translation_key")


def own_group_course_keys(user) -> QuerySet:
    return WorkshopGroup.objects.filter(trainer=user).values("course__translation_key")


def staffed_courses(user) -> QuerySet[CoursePage]:
    """Courses a staff member acts on: all for administrators; for a trainer the
    authored ones and those of the groups they run (to enrol and certify)."""
    if sees_everything(user):
        return CoursePage.objects.all()
    if not user.is_authenticated:
        return CoursePage.objects.none()
    return CoursePage.objects.filter(
        Q(translation_key__in=authored_course_keys(user))
        | Q(translation_key__in=own_group_course_keys(user))
    )


def group_courses(user) -> QuerySet[CoursePage]:
    """Courses a user may set up workshop groups for: the authored ones."""
    if sees_everything(user):
        return CoursePage.objects.all()
    return authored_courses(user)


def visible_workshop_groups(user) -> QuerySet[WorkshopGroup]:
    """Groups a trainer runs or whose course their team authors; all for admins."""
    groups = WorkshopGroup.objects.all()
    if sees_everything(user):
        return groups
    if not user.is_authenticated:
        return groups.none()
    return groups.filter(
        Q(trainer=user) | Q(course__translation_key__in=authored_course_keys(user))
    )


def assignable_trainers(user) -> QuerySet[User]:
    """Who may be named a group's trainer: any trainer for administrators, else
    the user and the other members of their course teams."""
    trainers = User.objects.filter(
        is_active=True, groups__name=GROUP_NAMES[Role.TRAINER]
    )
    if sees_everything(user):
        return trainers
    if not user.is_authenticated:
        return trainers.none()
    colleagues = User.objects.filter(
        groups__page_permissions__page__in=authored_courses(user)
    )
    return trainers.filter(Q(pk=user.pk) | Q(pk__in=colleagues.values("pk")))


# --- Learners in scope: enrolments (and what reports build on them) ------------------

ENROLLMENT_PATHS = {
    "network": ("user__organisation__network",),
    "course_key": "course_key",
    "group": "group",
}


def staff_scope_q(user, paths: dict) -> Q | None:
    """The condition a staff member's roles allow on learner records; None: nothing.

    ``paths`` names where the network(s), the course key and the workshop group
    are on the queried model, so enrolments, certificates and the reports'
    summary rows share this one rule.
    """
    if sees_everything(user):
        return Q()
    if not user.is_authenticated:
        return None
    condition: Q | None = None
    if has_role(user, Role.COORDINATOR):
        networks = user.coordinated_networks.values("pk")
        condition = Q(pk__in=[])
        for path in paths["network"]:
            condition |= Q(**{f"{path}__in": networks})
    if has_role(user, Role.TRAINER):
        groups = WorkshopGroup.objects.filter(trainer=user).values("pk")
        trainer_q = Q(**{f"{paths['course_key']}__in": authored_course_keys(user)}) | Q(
            **{f"{paths['group']}__in": groups}
        )
        condition = trainer_q if condition is None else condition | trainer_q
    return condition


def visible_enrollments(user) -> QuerySet[Enrollment]:
    """All enrolments this user may see or report on (possibly none)."""
    condition = staff_scope_q(user, ENROLLMENT_PATHS)
    if condition is None:
        return Enrollment.objects.none()
    return Enrollment.objects.filter(condition)


def course_choices(pages: QuerySet[CoursePage]) -> list[tuple[str, str]]:
    """(translation key, title) per course among ``pages``, titled in the UI language.

    All languages of a course share its key, so each course is offered once.
    """
    from django.conf import settings
    from django.utils.translation import get_language

    rows = pages.order_by("path").values_list(
        "translation_key", "title", "locale__language_code"
    )
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    titles: dict[str, str] = {}
    for key, title, code in rows:
        if str(key) not in titles or code == language:
            titles[str(key)] = title
    return sorted(titles.items(), key=lambda item: item[1].casefold())
