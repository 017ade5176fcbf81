"""What the benchmark measures: each scenario is a list of prepared requests.

`check` is text the first response must contain, so a redirect to the login
page or an error page can never pass as a fast result.
"""

from collections.abc import Callable

from accounts.models import User
from tests.factories import UserFactory

LEARNERS = 200


def _learners(count: int) -> list[User]:
    existing = list(User.objects.filter(email__startswith="bench-learner-")[:count])
    for number in range(len(existing), count):
        existing.append(
            UserFactory(email=f"bench-learner-{number}@example.org", role="learner")
        )
    return existing


def build(session_cookie: Callable) -> list[dict]:
    learners = _learners(LEARNERS)
    sessions = [session_cookie(learner) for learner in learners]
    scenarios = [
        {
            "name": "bare",
            "label": "Bare Django view (same middleware)",
            "baseline": True,
            "requests": [("GET", "/bench/bare/", "", "", "")],
            "check": "ok",
        },
        {
            "name": "home",
            "label": "Public start page",
            "requests": [("GET", "/", "", "", "")],
            "check": "IQ Lernplattform",
        },
        {
            "name": "my_learning",
            "label": "My learning (logged in)",
            "requests": [
                ("GET", "/my-learning/", cookie, csrf, "") for cookie, csrf in sessions
            ],
            "check": "Mein Lernen",
        },
    ]
    return scenarios
