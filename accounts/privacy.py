"""The account's own personal data, and the platform-wide places it can end up.

Besides the account (login addresses, two-factor devices, sessions) this module
covers what no single app owns: the messages queued and sent to the person, the
task queue's rows, the audit log and Wagtail's own log. Task arguments carry
ids only; a row that still names the person (an old task, an error text) is
deleted on erasure, and every finished task row is pruned after
TASK_RESULTS_KEEP_DAYS.
"""

import json
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from .models import AuditEntry, OutgoingEmail, OutgoingEmailStatus
from .services import end_sessions

HOLDS_PERSONAL_DATA = {
    "accounts.User": "anonymised in place by accounts.gdpr.erase_account",
    "accounts.AuditEntry": (
        "kept (who looked at whom); points at the anonymised row, names in the "
        "detail are replaced; pruned after AUDIT_KEEP_DAYS"
    ),
    "accounts.OutgoingEmail": (
        "deleted on erasure; sent ones pruned after EMAIL_RECORDS_KEEP_DAYS"
    ),
    "account.EmailAddress": "deleted on erasure",
    "account.EmailConfirmation": "deleted with the address (cascade)",
    "mfa.Authenticator": "deleted on erasure",
    "sessions.Session": "the person's sessions are deleted on erasure",
    "django_tasks_database.DBTaskResult": (
        "rows naming the person deleted on erasure; finished rows pruned after "
        "TASK_RESULTS_KEEP_DAYS"
    ),
    "wagtailcore.ModelLogEntry": "entries naming the person are blanked",
    "wagtailcore.PageLogEntry": "entries naming the person are blanked",
    "wagtailusers.UserProfile": "avatar deleted on erasure",
    "wagtailforms.FormSubmission": (
        "submissions containing the person's address are deleted on erasure"
    ),
    "wagtailcore.Comment": "staff comments on pages; staff only",
    "wagtailcore.CommentReply": "staff comments on pages; staff only",
}
NO_PERSONAL_DATA = {
    "accounts.Network": "training networks",
    "accounts.Organisation": "organisations, not people",
    "auth.Permission": "permissions",
    "auth.Group": "roles and team groups",
    "contenttypes.ContentType": "model registry",
    "taggit.Tag": "content tags",
    "taggit.TaggedItem": "content tags",
    "wagtailadmin.Admin": "permission holder only",
    "wagtailadmin.EditingSession": "editors' concurrent-editing marks (staff)",
    "wagtailadmin.FormState": "editors' unsaved forms (staff)",
    "wagtailcore.Locale": "languages",
    "wagtailcore.Site": "sites",
    "wagtailcore.Page": "content pages",
    "wagtailcore.GroupPagePermission": "permissions",
    "wagtailcore.GroupSitePermission": "permissions",
    "wagtailcore.GroupCollectionPermission": "permissions",
    "wagtailcore.PageViewRestriction": "content restriction",
    "wagtailcore.CollectionViewRestriction": "content restriction",
    "wagtailcore.Collection": "content folders",
    "wagtailcore.APIToken": "API keys of the platform",
    "wagtailcore.Revision": "content revisions (editors only)",
    "wagtailcore.UploadedFile": "editors' uploads in progress",
    "wagtailcore.WorkflowPage": "workflow set-up",
    "wagtailcore.WorkflowContentType": "workflow set-up",
    "wagtailcore.WorkflowState": "content workflow (editors)",
    "wagtailcore.Workflow": "workflow set-up",
    "wagtailcore.WorkflowTask": "workflow set-up",
    "wagtailcore.Task": "workflow set-up",
    "wagtailcore.GroupApprovalTask": "workflow set-up",
    "wagtailcore.TaskState": "content workflow (editors)",
    "wagtailcore.PageSubscription": "editors' comment notifications",
    "wagtailcore.ReferenceIndex": "links between content objects",
    "wagtailredirects.Redirect": "URL redirects",
    "wagtailembeds.Embed": "embedded media",
    "wagtaildocs.Document": "course documents",
    "wagtailimages.Image": "course images",
    "wagtailimages.Rendition": "course image sizes",
    "wagtailsearch.IndexEntry": "index of content pages",
    "wagtailsearch.SQLiteFTSIndexEntry": "index of content pages",
    "simple_translation.SimpleTranslation": "translation set-up",
    "learning.WorkerHeartbeat": "task worker processes (host, pid)",
}


def export_personal_data(user) -> dict:
    organisation = user.organisation
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "organisation": organisation.name if organisation else None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "privacy_notice_accepted_at": (
            user.privacy_notice_accepted_at.isoformat()
            if user.privacy_notice_accepted_at
            else None
        ),
        "email_addresses": list(
            EmailAddress.objects.filter(user=user).values("email", "verified")
        ),
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "messages": [
            {
                "to": email.to,
                "subject": email.subject,
                "body": email.body,
                "status": email.status,
                "queued_at": email.created_at,
                "sent_at": email.sent_at,
            }
            for email in OutgoingEmail.objects.filter(
                _mail_to(_addresses(user), user)
            ).order_by("created_at")
        ],
        "audit_entries_about_you": [
            {
                "time": entry.created_at,
                "action": entry.action,
                "what": entry.what,
                "why": entry.reason,
                "by": entry.actor.get_full_name() or entry.actor.email
                if entry.actor
                else None,
            }
            for entry in AuditEntry.objects.filter(Q(subject=user) | Q(subjects=user))
            .distinct()
            .select_related("actor")
            .order_by("created_at")
        ],
    }


def erase_personal_data(user) -> None:
    """Remove login data and every stray copy of the person's name or address."""
    addresses = _addresses(user)
    needles = personal_strings(user, addresses)
    OutgoingEmail.objects.filter(_mail_to(addresses, user)).delete()
    _delete_task_rows_mentioning(needles)
    _scrub_logs(needles)
    _delete_form_submissions(addresses)
    _delete_avatar(user)
    EmailAddress.objects.filter(user=user).delete()
    try:
        from allauth.mfa.models import Authenticator
    except ImportError:  # MFA not installed
        pass
    else:
        Authenticator.objects.filter(user=user).delete()
    end_sessions(user)


def apply_retention(now=None) -> dict[str, int]:
    """Prune finished task rows, sent messages and old audit entries."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    tasks_cutoff = now - timedelta(days=settings.TASK_RESULTS_KEEP_DAYS)
    tasks, _ = (
        DBTaskResult.objects.finished().filter(finished_at__lte=tasks_cutoff).delete()
    )
    mail_cutoff = now - timedelta(days=settings.EMAIL_RECORDS_KEEP_DAYS)
    emails, _ = (
        OutgoingEmail.objects.exclude(status=OutgoingEmailStatus.QUEUED)
        .filter(created_at__lte=mail_cutoff)
        .delete()
    )
    audit_cutoff = now - timedelta(days=settings.AUDIT_KEEP_DAYS)
    audit, _ = AuditEntry.objects.filter(created_at__lte=audit_cutoff).delete()
    return {"task_results": tasks, "emails": emails, "audit_entries": audit}


def _addresses(user) -> set[str]:
    addresses = {user.email.lower()} if user.email else set()
    addresses |= {
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list(
            "email", flat=True
        )
    }
    return addresses


def _mail_to(addresses: set[str], user) -> Q:
    query = Q(recipient=user)
    for address in addresses:
        query |= Q(to__icontains=address)
    return query


def personal_strings(user, addresses: set[str] | None = None) -> list[str]:
    """The strings that identify the person: addresses and full name."""
    needles = set(addresses if addresses is not None else _addresses(user))
    full_name = user.get_full_name().strip()
    if full_name:
        needles.add(full_name)
    return [needle for needle in needles if len(needle) >= 3]


def _text_match(fields: list[str], needles: list[str]) -> tuple[dict, Q]:
    """Rows whose text (JSON as stored, too) contains any of the strings."""
    annotations = {f"_text_{field}": Cast(field, TextField()) for field in fields}
    query = Q(pk__in=[])
    for needle in needles:
        # JSON may be stored with non-ASCII characters escaped.
        for form in {needle, json.dumps(needle)[1:-1]}:
            for field in fields:
                query |= Q(**{f"_text_{field}__icontains": form})
    return annotations, query


def _delete_task_rows_mentioning(needles: list[str]) -> None:
    from django_tasks_db.models import DBTaskResult

    if not needles:
        return
    annotations, query = _text_match(
        ["args_kwargs", "return_value", "traceback"], needles
    )
    DBTaskResult.objects.annotate(**annotations).filter(query).delete()


def _scrub_logs(needles: list[str]) -> None:
    from wagtail.models import ModelLogEntry, PageLogEntry

    if not needles:
        return
    for model in (ModelLogEntry, PageLogEntry):
        annotations, query = _text_match(["label", "data"], needles)
        ids = list(
            model.objects.annotate(**annotations)
            .filter(query)
            .values_list("pk", flat=True)
        )
        model.objects.filter(pk__in=ids).update(label="–", data={})
    annotations, query = _text_match(["detail"], needles)
    ids = list(
        AuditEntry.objects.annotate(**annotations)
        .filter(query)
        .values_list("pk", flat=True)
    )
    for entry in AuditEntry.objects.filter(pk__in=ids):
        detail = json.loads(_replace_all(json.dumps(entry.detail), needles))
        AuditEntry.objects.filter(pk=entry.pk).update(detail=detail)


def _replace_all(text: str, needles: list[str]) -> str:
    for needle in needles:
        for form in {needle, json.dumps(needle)[1:-1]}:
            text = text.replace(form, "–")
    return text


def _delete_form_submissions(addresses: set[str]) -> None:
    from wagtail.contrib.forms.models import FormSubmission

    if not addresses:
        return
    annotations, query = _text_match(["form_data"], sorted(addresses))
    FormSubmission.objects.annotate(**annotations).filter(query).delete()


def _delete_avatar(user) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=False)
        UserProfile.objects.filter(pk=profile.pk).update(avatar="")
