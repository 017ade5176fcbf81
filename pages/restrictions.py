"""A page's view restrictions from the cache: two queries less on every page.

Wagtail checks, before serving any page, the privacy settings of the page and
its ancestors (two queries). They change rarely; saving or deleting a
restriction, like moving a page, bumps the content version the cache is keyed by.
"""

from wagtail.models import PageViewRestriction

from .cache import cached


class CachedViewRestrictionsMixin:
    def get_view_restrictions(self):
        """The restrictions as a queryset (the admin orders it further), already
        filled from the cache for the serving check that iterates it."""
        uncached = super().get_view_restrictions
        restrictions = cached(f"view-restrictions:{self.pk}", lambda: list(uncached()))
        queryset = PageViewRestriction.objects.filter(
            pk__in=[restriction.pk for restriction in restrictions]
        )
        queryset._result_cache = restrictions
        queryset._prefetch_done = True
        return queryset
