"""Wagtail's own user admin, audited like every other staff view of a person.

The listing names everyone on its page and the edit form shows one person's
account; both write an access entry (see accounts/audit.py). Installed by
``accounts.wagtail_users.UsersAppConfig``, which replaces ``wagtail.users``.
"""

from wagtail.users.views import users

from .audit import audited_index_view
from .services import record_access


class AuditedEditView(users.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(
            request.user,
            what="users.edit",
            subject=self.object,
            detail={"object": self.object.pk},
        )
        return response


class AuditedUserViewSet(users.UserViewSet):
    index_view_class = audited_index_view(users.IndexView, "users", field="")
    edit_view_class = AuditedEditView
