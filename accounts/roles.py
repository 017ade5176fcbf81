"""The platform's roles, kept as Django groups with their permissions.

Learners need no permission at all; trainers author content in the Wagtail
admin, but only inside the courses of their course teams (the team's own group
holds the page and collection permissions, see teams/services.py); lead
trainers of a network may also create courses and manage the teams of their
network; coordinators see reports for their networks; administrators may do
everything. The role groups are re-synced after every migrate.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "learner", _("Learner")
    TRAINER = "trainer", _("Trainer")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")
    DATA_PROTECTION = "data_protection", _("Data protection officer")


GROUP_NAMES = {
    Role.LEARNER: "Learners",
    Role.TRAINER: "Trainers",
    Role.COORDINATOR: "Coordinators",
    Role.ADMINISTRATOR: "Administrators",
    Role.DATA_PROTECTION: "Data protection",
}
STAFF_ROLES = {
    Role.TRAINER,
    Role.COORDINATOR,
    Role.ADMINISTRATOR,
    Role.DATA_PROTECTION,
}

# (app_label, codename) pairs; pages and collections are granted separately.
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    Role.LEARNER: [],
    Role.TRAINER: [
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("simple_translation", "submit_translation"),
    ],
    Role.COORDINATOR: [
        ("wagtailadmin", "access_admin"),
        ("reports", "view_reports"),
    ],
    # Reads the whole audit log of access to personal data, and nothing else.
    Role.DATA_PROTECTION: [
        ("wagtailadmin", "access_admin"),
        ("accounts", "view_auditentry"),
    ],
}
# What a course team may do on its course pages (every language's copy) and in
# its collection. Wagtail's "delete" is part of change: a member deletes single
# pages, not a whole course with its modules (that needs bulk_delete_page).
TEAM_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
# app_label -> codenames granted on the team's collection; apps whose models
# live in collections (content packages, certificate templates) add theirs.
TEAM_COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
# Extra permissions later apps grant to a role; they extend this mapping.
EXTRA_ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {}
# courses: trainers run workshop groups and enrol learners into courses.
EXTRA_ROLE_PERMISSIONS.setdefault(Role.TRAINER, []).extend(
    [
        ("courses", "add_workshopgroup"),
        ("courses", "change_workshopgroup"),
        ("courses", "delete_workshopgroup"),
        ("courses", "view_workshopgroup"),
        ("courses", "add_enrollment"),
        ("courses", "view_enrollment"),
    ]
)


def _permissions(pairs: list[tuple[str, str]]) -> list[Permission]:
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def sync_role_groups() -> dict[str, Group]:
    """Create or update the role groups; idempotent."""
    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
    )

    groups = {}
    for role, name in GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[role] = group
        if role == Role.ADMINISTRATOR:
            group.permissions.set(Permission.objects.all())
        else:
            pairs = ROLE_PERMISSIONS[role] + EXTRA_ROLE_PERMISSIONS.get(role, [])
            group.permissions.set(_permissions(pairs))

    # Trainers hold no page or collection permission of their own: a trainer
    # edits only through the groups of their course teams. Rows an older
    # version granted on the root are removed here.
    trainers = groups[Role.TRAINER]
    GroupPagePermission.objects.filter(group=trainers).delete()
    GroupCollectionPermission.objects.filter(group=trainers).delete()

    administrators = groups[Role.ADMINISTRATOR]
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is not None:
        for codename in TEAM_PAGE_PERMISSIONS + ["bulk_delete_page"]:
            for permission in _permissions([("wagtailcore", codename)]):
                GroupPagePermission.objects.get_or_create(
                    group=administrators, page=root_page, permission=permission
                )
    if root_collection is not None:
        for app_label, codenames in TEAM_COLLECTION_PERMISSIONS.items():
            for permission in _permissions([(app_label, c) for c in codenames]):
                GroupCollectionPermission.objects.get_or_create(
                    group=administrators,
                    collection=root_collection,
                    permission=permission,
                )
    return groups


def sync_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """post_migrate handler: runs once, after the last app has migrated."""
    from django.apps import apps

    app_configs = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is not app_configs[-1]:
        return
    for config in app_configs:
        create_permissions(config, verbosity=0, using=using)
    sync_role_groups()


def assign_role(user, role: str) -> None:
    """Put a user in a role's group; staff roles may enter the admin."""
    groups = {r: Group.objects.get_or_create(name=n)[0] for r, n in GROUP_NAMES.items()}
    user.groups.add(groups[role])
    if role in STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if role == Role.ADMINISTRATOR and user.is_superuser:
        return True
    return user.groups.filter(name=GROUP_NAMES[role]).exists()


def sees_everything(user) -> bool:
    """Administrators (and superusers) are the only ones without a scope."""
    return bool(
        user.is_authenticated
        and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))
    )


def is_lead_trainer(user) -> bool:
    """A trainer named lead trainer of at least one network (Network.lead_trainers)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.led_networks.exists()
        and has_role(user, Role.TRAINER)
    )


def may_create_courses(user) -> bool:
    """Administrators and lead trainers start new courses (and their teams)."""
    return sees_everything(user) or is_lead_trainer(user)
