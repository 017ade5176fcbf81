"""Print the completion pipeline as registered: condition types and steps, in order."""

from django.core.management.base import BaseCommand

from courses.pipeline import describe


class Command(BaseCommand):
    help = "List the completion conditions and the steps each event runs, in order."

    def handle(self, *args, **options):
        for line in describe():
            self.stdout.write(line)
