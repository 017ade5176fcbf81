"""``wagtail.users`` with its user admin audited (accounts/users_admin.py).

Only the app config lives here: Django imports it before the apps are ready.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.users_admin.AuditedUserViewSet"
