"""Demo course teams: each demo course has its own trainer, so the separation shows.

Tarek (trainer@example.org) authors the intercultural course and leads the demo
network; Tamara (trainerin@example.org) authors the recognition course, whose
team the administrators manage. Neither can edit the other's course.
"""

from accounts.models import Network, User
from courses.models import CoursePage
from teams import services

DEMO_TEAMS = [
    # (German slug of the course, member, team belongs to the demo network)
    ("interkulturelle-kompetenz", "trainer@example.org", True),
    ("anerkennung-berufsqualifikationen", "trainerin@example.org", False),
]
DEMO_NETWORK = "IQ Netzwerk Nordrhein-Westfalen"


def create_demo_teams() -> None:
    """Idempotent: each demo course gets its team with its trainer."""
    network = Network.objects.filter(name=DEMO_NETWORK).first()
    for slug, email, in_network in DEMO_TEAMS:
        course = CoursePage.objects.filter(
            slug=slug, locale__language_code="de"
        ).first()
        trainer = User.objects.filter(email=email).first()
        if course is None or trainer is None:
            continue
        team = services.create_team(
            course, members=[trainer], network=network if in_network else None
        )
        if in_network and team.network_id is None:
            services.update_team(team, members=team.members, network=network)
