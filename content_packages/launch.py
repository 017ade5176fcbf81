"""Launch tokens: how a package on the content origin knows whom it plays for.

The content origin never sees the platform's session. The lesson page's frame
opens a platform URL that checks the session and the placement, then sends the
browser to the content origin with a signed, short-lived token bound to the
user, the module, the block, the package and the enrolment (or a staff
preview), and to nothing else. Every request on the content origin checks the
token and the placement again, so a learner who leaves the course or a module
that is unpublished stops the content at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from . import conf, services
from .services import Placement

SALT = "content_packages.launch"


class LaunchExpired(PermissionDenied):
    """A token that was valid but is too old: the learner reloads the lesson."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "This content session has expired. Reload the lesson page to "
                "continue; your progress so far is saved."
            )
        )


@dataclass(frozen=True)
class Launch:
    """A verified token: the user it plays for and the placement, re-checked."""

    token: str
    user: object
    placement: Placement

    @property
    def is_tracked(self) -> bool:
        return self.placement.enrollment is not None


def _enrollment_pk(placement: Placement) -> int | None:
    return placement.enrollment.pk if placement.enrollment is not None else None


def issue(user, placement: Placement) -> str:
    """A token for `user` playing `placement` (from `services.get_placement`)."""
    claims = [
        user.pk,
        placement.module.pk,
        placement.block_id,
        placement.package.pk,
        _enrollment_pk(placement),
    ]
    return signing.dumps(claims, salt=SALT)


def resolve(token: str) -> Launch:
    """The launch a token stands for, checked against the database now.

    Http404 for a forged, tampered or no longer valid token (nothing is
    revealed); LaunchExpired for one that is merely too old.
    """
    try:
        claims = signing.loads(token, salt=SALT, max_age=conf.launch_max_age())
    except signing.SignatureExpired as exc:
        raise LaunchExpired from exc
    except signing.BadSignature as exc:
        raise Http404 from exc
    if not (isinstance(claims, list) and len(claims) == 5):
        raise Http404
    user_pk, module_pk, block_id, package_pk, enrollment_pk = claims
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first()
    if user is None or not isinstance(module_pk, int) or not isinstance(block_id, str):
        raise Http404
    placement = services.get_placement(user, module_pk, block_id)
    if placement.package.pk != package_pk or _enrollment_pk(placement) != enrollment_pk:
        raise Http404
    return Launch(token=token, user=user, placement=placement)
