"""Which content packages a user may see and choose: those of their team's collection.

Packages are collection members like Wagtail's images; their permission policy
(registered in wagtail_hooks.py) reads the ``GroupCollectionPermission`` rows a
course team's group holds, so the listing, the export, every single-package
view and the block's chooser share this one rule.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)

from .models import ContentPackage

permission_policy = CollectionOwnershipPermissionPolicy(
    ContentPackage, auth_model=ContentPackage, owner_field_name="uploaded_by"
)


def visible_packages(user) -> QuerySet[ContentPackage]:
    return permission_policy.instances_user_has_any_permission_for(
        user, ["change", "choose"]
    )
