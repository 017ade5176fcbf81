from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from .cache import bump_content_version

        # Cached navigation is keyed by a content version; these events change it.
        for signal in (page_published, page_unpublished, page_slug_changed):
            signal.connect(bump_content_version, dispatch_uid=f"bump-{signal!r}")
        post_page_move.connect(bump_content_version, dispatch_uid="bump-move")
        post_delete.connect(
            bump_content_version, sender=Page, dispatch_uid="bump-delete"
        )
