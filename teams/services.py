"""Course teams: create them, change their members, keep their permissions in sync.

Everything a team may do is expressed in Wagtail's own permission rows on the
team's group: ``GroupPagePermission`` on each language version of the course
page and ``GroupCollectionPermission`` on the team's collection. These
functions are the only writers; views, hooks, the demo and the post-migrate
sync call them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    ReferenceIndex,
)

from accounts.models import Network, User
from accounts.roles import (
    TEAM_COLLECTION_PERMISSIONS,
    TEAM_PAGE_PERMISSIONS,
    Role,
    has_role,
)
from courses.models import CoursePage

from .models import CourseTeam


def _label(course: CoursePage) -> str:
    """Group and collection name: readable, and unique through the course key."""
    return f"Team {course.title[:100]} ({course.translation_key})"


def _permissions(app_label: str, codenames: Iterable[str]) -> list[Permission]:
    return list(
        Permission.objects.filter(
            content_type__app_label=app_label, codename__in=list(codenames)
        )
    )


def course_pages(team: CourseTeam):
    """Every language version of the team's course."""
    return CoursePage.objects.filter(translation_key=team.course_key)


def _check_members(members: Iterable[User]) -> list[User]:
    members = list(members)
    not_trainers = [
        m for m in members if not (m.is_active and has_role(m, Role.TRAINER))
    ]
    if not_trainers:
        raise ValidationError(
            _("Only active trainers can be team members: %(names)s")
            % {"names": ", ".join(str(m) for m in not_trainers)}
        )
    return members


def sync_team(team: CourseTeam) -> None:
    """Grant the team's group exactly its course pages and collection; idempotent."""
    pages = list(course_pages(team))
    page_permissions = _permissions("wagtailcore", TEAM_PAGE_PERMISSIONS)
    for page in pages:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=team.group, page=page, permission=permission
            )
    GroupPagePermission.objects.filter(group=team.group).exclude(
        page__in=[page.pk for page in pages]
    ).delete()
    for app_label, codenames in TEAM_COLLECTION_PERMISSIONS.items():
        for permission in _permissions(app_label, codenames):
            GroupCollectionPermission.objects.get_or_create(
                group=team.group, collection=team.collection, permission=permission
            )
    if pages and (
        team.course_id is None or team.course_id not in {p.pk for p in pages}
    ):
        team.course = _original(pages)
        team.save(update_fields=["course"])


def _original(pages: list[CoursePage]) -> CoursePage:
    """The default-language version if there is one, else the oldest."""
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(settings.LANGUAGE_CODE) or min(pages, key=lambda p: p.pk)


def create_team(
    course: CoursePage,
    *,
    members: Iterable[User] = (),
    network: Network | None = None,
    by: User | None = None,
) -> CourseTeam:
    """The course's team, made with its group and collection if it has none yet.

    Safe to call twice (or concurrently) for the same course: the unique course
    key settles it, and the existing team gets the members.
    """
    members = _check_members(members)
    team = CourseTeam.objects.filter(course_key=course.translation_key).first()
    if team is None:
        try:
            with transaction.atomic():
                label = _label(course)
                team = CourseTeam.objects.create(
                    course_key=course.translation_key,
                    course=course,
                    network=network,
                    group=Group.objects.create(name=label),
                    collection=Collection.get_first_root_node().add_child(name=label),
                    created_by=by,
                )
        except IntegrityError:
            team = CourseTeam.objects.get(course_key=course.translation_key)
    sync_team(team)
    if members:
        team.group.user_set.add(*members)
    return team


def start_team_for_new_course(course: CoursePage, creator: User) -> CourseTeam:
    """A course just created in the admin: its creator (a trainer) is the first member.

    A lead trainer's team belongs to the first network they lead, so that
    network's lead trainers manage it.
    """
    network = creator.led_networks.order_by("name").first()
    is_trainer = has_role(creator, Role.TRAINER)
    return create_team(
        course, members=[creator] if is_trainer else [], network=network, by=creator
    )


@transaction.atomic
def update_team(
    team: CourseTeam, *, members: Iterable[User], network: Network | None
) -> CourseTeam:
    """Set the members (and network); access follows at the next request."""
    team.group.user_set.set(_check_members(members))
    if team.network_id != (network.pk if network else None):
        team.network = network
        team.save(update_fields=["network"])
    sync_team(team)
    return team


def add_member(team: CourseTeam, user: User) -> None:
    team.group.user_set.add(*_check_members([user]))


def remove_member(team: CourseTeam, user: User) -> None:
    team.group.user_set.remove(user)


def team_of(course: CoursePage) -> CourseTeam | None:
    return CourseTeam.objects.filter(course_key=course.translation_key).first()


def grant_new_translation(sender, source_obj=None, target_obj=None, **kwargs) -> None:
    """copy_for_translation_done receiver: a new language version joins the team.

    Wagtail's translation views give no other place to hook in; the receiver
    only calls sync_team.
    """
    page = getattr(target_obj, "specific", target_obj)
    if isinstance(page, CoursePage):
        team = CourseTeam.objects.filter(course_key=page.translation_key).first()
        if team is not None:
            sync_team(team)


# --- Teams for courses that have none (upgrade, post-migrate) ------------------------


def adopt_course_content(team: CourseTeam) -> int:
    """Move what only this course uses from the root collection into the team's.

    Images, documents, packages and templates uploaded before teams existed sit
    in the root collection, where trainers no longer have rights; those that the
    pages of exactly this course refer to (Wagtail's reference index) become the
    team's. Returns how many objects moved.
    """
    from django.contrib.contenttypes.models import ContentType

    root = Collection.get_first_root_node()
    page_ids = [
        str(pk)
        for course in course_pages(team)
        for pk in course.get_descendants(inclusive=True).values_list("pk", flat=True)
    ]
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=page_ids,
    ).values_list("to_content_type", "to_object_id")
    moved = 0
    for content_type_id, object_id in set(references):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not hasattr(model, "collection_id"):
            continue
        used_elsewhere = (
            ReferenceIndex.objects.filter(
                to_content_type=content_type_id, to_object_id=object_id
            )
            .exclude(object_id__in=page_ids)
            .exists()
        )
        if not used_elsewhere:
            moved += model._default_manager.filter(
                Q(pk=object_id), collection=root
            ).update(collection=team.collection)
    return moved


def ensure_course_teams() -> list[CourseTeam]:
    """Every course gets a team, made of its owner; returns the new ones.

    Runs after every migrate, so an upgraded installation keeps its trainers
    able to edit the courses they made; existing teams are re-synced.
    """
    if Collection.get_first_root_node() is None:
        return []
    created = []
    with_team = CourseTeam.objects.values("course_key")
    keys = (
        CoursePage.objects.exclude(translation_key__in=with_team)
        .order_by()
        .values_list("translation_key", flat=True)
        .distinct()
    )
    for key in list(keys):
        pages = list(CoursePage.objects.filter(translation_key=key))
        course = _original(pages)
        owner = course.owner
        members = [owner] if owner and has_role(owner, Role.TRAINER) else []
        team = create_team(course, members=members)
        adopt_course_content(team)
        created.append(team)
    for team in CourseTeam.objects.exclude(pk__in=[t.pk for t in created]):
        sync_team(team)
    return created


def sync_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """post_migrate handler: runs once, after the last app (and the role sync)."""
    from django.apps import apps

    app_configs = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is not app_configs[-1]:
        return
    ensure_course_teams()
