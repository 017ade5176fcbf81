"""Admin pieces the apps share: the read-only policy and the menu's order.

No app is imported here; the apps import these in their wagtail_hooks.py.
"""

from wagtail.permission_policies import ModelPermissionPolicy

# The platform's top-level admin menu (item name: order), in one place so orders
# never collide.
# Wagtail's own items: Pages 100, Images 300, Documents 400, Snippets 500,
# Reports (Wagtail's) 9000, Settings 10000.
MENU_ORDER = {
    "course_teams": 210,
    "learners": 220,
    "quiz_attempts": 230,
    "content_packages": 240,
    "certificates": 250,
    "live_trainings": 255,
    "organisations": 260,
    "iq-participation-reports": 450,
}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records of what happened (certificates, quiz attempts, the audit log):
    viewable and inspectable by those with the model's view permission, never
    added, edited or deleted in the admin. Certificates change only through
    their own revoke and re-issue views."""

    def user_has_permission(self, user, action: str) -> bool:
        if action not in ("view", "inspect"):
            return False
        return super().user_has_permission(user, "view")

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)
