"""Saves that change what the dashboard counts refresh the participation facts.

Receivers rather than calls in every service, so edits in the Wagtail admin and
the Django admin are counted too (queryset ``update()`` would bypass them, so the
services save instances). Module progress is refreshed by
courses.services.complete_module when a module becomes complete, and here only
when a row is created complete or deleted, so viewing a lesson costs no extra
query.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from accounts.models import Organisation, User
from certificates.models import Certificate
from courses.models import (
    Enrollment,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
    WorkshopGroup,
)

from .facts import SOURCE_FIELDS, refresh_for_users, refresh_participation
from .models import ParticipationFact


@receiver(post_save, sender=Enrollment, dispatch_uid="facts_enrollment_saved")
def enrollment_saved(sender, instance: Enrollment, update_fields=None, **kwargs):
    if update_fields is not None and not SOURCE_FIELDS & set(update_fields):
        return
    refresh_participation([instance.pk])


@receiver(post_save, sender=ModuleProgress, dispatch_uid="facts_progress_saved")
def progress_created_complete(sender, instance: ModuleProgress, created, **kwargs):
    if created and instance.status == ModuleStatus.COMPLETED:
        refresh_participation([instance.enrollment_id])


@receiver(post_delete, sender=ModuleProgress, dispatch_uid="facts_progress_deleted")
def progress_deleted(sender, instance: ModuleProgress, origin=None, **kwargs):
    if not _enrolment_deleted_too(origin):
        refresh_participation([instance.enrollment_id])


@receiver(post_save, sender=Certificate, dispatch_uid="facts_certificate_saved")
def certificate_saved(sender, instance: Certificate, **kwargs):
    refresh_participation([instance.enrollment_id])


@receiver(post_delete, sender=Certificate, dispatch_uid="facts_certificate_deleted")
def certificate_deleted(sender, instance: Certificate, origin=None, **kwargs):
    if not _enrolment_deleted_too(origin):
        refresh_participation([instance.enrollment_id])


def _enrolment_deleted_too(origin) -> bool:
    """Deleting a learner or enrolment cascades here; refreshing would revive a fact."""
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return issubclass(model, (Enrollment, User))


@receiver(post_save, sender=User, dispatch_uid="facts_user_saved")
def learner_saved(sender, instance: User, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and "organisation" not in update_fields):
        return
    refresh_for_users([instance.pk])


@receiver(post_save, sender=Organisation, dispatch_uid="facts_organisation_saved")
def organisation_saved(sender, instance: Organisation, created, **kwargs):
    """Members' facts carry the organisation's network, type and region."""
    if not created:
        refresh_for_users(instance.members.values_list("pk", flat=True))


@receiver(post_delete, sender=Organisation, dispatch_uid="facts_organisation_deleted")
def organisation_deleted(sender, instance: Organisation, **kwargs):
    """Its members were unlinked (SET_NULL) before this signal: so are their facts.

    An update, never a refresh: a learner deleted in the same cascade must not
    get a fact back.
    """
    ParticipationFact.objects.filter(organisation_id=instance.pk).update(
        organisation=None, network=None, organisation_type=None, region=None
    )


@receiver(post_delete, sender=WorkshopGroup, dispatch_uid="facts_group_deleted")
def group_deleted(sender, instance: WorkshopGroup, **kwargs):
    ParticipationFact.objects.filter(group_id=instance.pk).update(group=None)


@receiver(page_published, sender=ModulePage, dispatch_uid="facts_module_published")
def module_published(sender, instance: ModulePage, **kwargs):
    """A changed completion rule changes who counts as having passed a quiz."""
    from .tasks import refresh_module_facts

    refresh_module_facts.enqueue(str(instance.translation_key))
