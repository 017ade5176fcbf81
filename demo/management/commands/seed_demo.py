from django.core.management.base import BaseCommand
from django.db import transaction

from demo.accessibility import create_accessibility_pages
from demo.accounts import create_demo_accounts
from demo.courses import create_demo_courses
from demo.live import create_demo_live_sessions
from demo.pages import create_site_pages
from demo.teams import create_demo_teams


class Command(BaseCommand):
    help = "Creates the demo site, accounts and courses. Safe to run repeatedly."

    def handle(self, *args, **options):
        with transaction.atomic():
            create_accessibility_pages(create_site_pages())
            accounts = create_demo_accounts()
            create_demo_courses()
            create_demo_teams()
            create_demo_live_sessions()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Demo accounts (local use only):")
        for email, password, role in accounts:
            self.stdout.write(f"  {role:<14} {email:<28} {password}")
