"""Publishing a module may change its conditions: recompute, after the commit."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ModulePage


@receiver(page_published, sender=ModulePage, dispatch_uid="courses_module_published")
def module_published(sender, instance: ModulePage, **kwargs) -> None:
    from .tasks import repair_after_publish

    key = str(instance.translation_key)
    transaction.on_commit(lambda: repair_after_publish.enqueue(key))
