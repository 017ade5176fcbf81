from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.two_factor import reset_two_factors


class Command(BaseCommand):
    help = (
        "Removes every second factor (authenticator app, recovery codes) of the "
        "account with this email address and signs it out everywhere, e.g. after "
        "a lost phone. The person sets up TOTP again at the next sign-in. Audited."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="Email address of the account to reset.")
        parser.add_argument(
            "--by",
            metavar="EMAIL",
            help="The administrator who authorised the reset (for the audit log).",
        )
        parser.add_argument("--reason", default="", help="Noted in the audit log.")

    def handle(self, *args, email, by=None, reason="", **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the email address {email}.")
        actor = None
        if by:
            actor = User.objects.filter(email__iexact=by.strip()).first()
            if actor is None:
                raise CommandError(f"No account with the email address {by}.")
        removed = reset_two_factors(user, actor=actor, reason=reason or "command")
        self.stdout.write(
            f"{removed} authenticator(s) of {user.email} removed; the account was "
            "signed out and sets up two-factor authentication at the next sign-in."
        )
