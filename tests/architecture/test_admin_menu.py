"""The admin's top-level menu: every platform section at the place
learning.admin.MENU_ORDER gives it, no two items sharing an order."""

from collections import Counter

from django.urls import reverse
from wagtail.admin.menu import admin_menu

from learning.admin import MENU_ORDER


def top_level_items() -> list:
    reverse("wagtailadmin_home")  # loading the admin's URLs registers the viewsets
    return list(admin_menu.registered_menu_items)


def test_no_two_top_level_menu_items_share_an_order():
    shared = {
        order: count
        for order, count in Counter(item.order for item in top_level_items()).items()
        if count > 1
    }
    assert shared == {}


def test_every_platform_section_sits_where_the_list_says():
    by_order = {item.order: item.name for item in top_level_items()}
    assert {order: by_order.get(order) for order in MENU_ORDER.values()} == {
        order: name for name, order in MENU_ORDER.items()
    }
