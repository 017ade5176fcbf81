"""Browser tests: one headless Debian Chromium for the whole run, axe-core offline."""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: `make test` installs it "
            "(apt-get install chromium); set CHROMIUM_PATH to use another build."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE"}


@pytest.fixture
def e2e_site(transactional_db):
    """The demo site inside the live server's database."""
    from pages.demo import create_site_pages

    return create_site_pages()


_axe = Axe()


def assert_accessible(page, name: str) -> None:
    """Fails on the first WCAG 2.0/2.1 A or AA violation, naming rule and element."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = _axe.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}}
    )
    violations = results.response["violations"]
    if violations:
        first = violations[0]
        nodes = "; ".join(node["html"][:160] for node in first["nodes"][:3])
        pytest.fail(
            f"{name}: {len(violations)} axe violation(s); first: "
            f"{first['id']} ({first['help']}) at {nodes}"
        )
