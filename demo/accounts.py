"""Demo networks, organisations and one account per role, for local use only."""

from allauth.account.models import EmailAddress

from accounts.models import Network, Organisation, OrganisationType, Region, User
from accounts.roles import Role, assign_role, sync_role_groups

DEMO_PASSWORD = "Demo-Passwort-2026"  # noqa: S105 - printed and documented as demo only

# Leads the demo network: may create courses and manage its course teams.
LEAD_TRAINER = "trainer@example.org"
DEMO_USERS = [
    ("lernende@example.org", "Lea", "Lernend", Role.LEARNER),
    ("trainer@example.org", "Tarek", "Trainer", Role.TRAINER),
    ("trainerin@example.org", "Tamara", "Trainerin", Role.TRAINER),
    ("koordination@example.org", "Karin", "Koordination", Role.COORDINATOR),
    ("admin@example.org", "Ada", "Admin", Role.ADMINISTRATOR),
]


def create_demo_accounts() -> list[tuple[str, str, str]]:
    """Idempotent: returns (email, password, role) of every demo account."""
    sync_role_groups()
    network, _ = Network.objects.get_or_create(
        name="IQ Netzwerk Nordrhein-Westfalen", defaults={"region": Region.NW}
    )
    jobcenter, _ = Organisation.objects.get_or_create(
        name="Jobcenter Musterstadt",
        network=network,
        defaults={
            "organisation_type": OrganisationType.JOBCENTER,
            "region": Region.NW,
        },
    )
    Organisation.objects.get_or_create(
        name="Beispiel Logistik GmbH",
        network=network,
        defaults={
            "organisation_type": OrganisationType.EMPLOYER,
            "region": Region.NW,
        },
    )
    created = []
    for email, first_name, last_name, role in DEMO_USERS:
        user, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "organisation": jobcenter,
            },
        )
        if was_created:
            user.set_password(DEMO_PASSWORD)
            if role == Role.ADMINISTRATOR:
                user.is_superuser = True
            user.save()
        assign_role(user, role)
        if role == Role.COORDINATOR:
            user.coordinated_networks.add(network)
        if email == LEAD_TRAINER:
            network.lead_trainers.add(user)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        created.append((email, DEMO_PASSWORD, str(role.label)))
    return created
