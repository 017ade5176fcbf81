"""Content package fixtures: the real samples, private storage, a placed package."""

import io
import os
import zipfile
from pathlib import Path

import pytest

from tests.factories import make_course, make_course_index, make_team

# The shared folder sits beside the repository: <repo>/../shared/samples; a checkout
# elsewhere (a git worktree) names it in IQ_SAMPLES_DIR.
SAMPLES = Path(
    os.environ.get("IQ_SAMPLES_DIR")
    or Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"
)
SAMPLE_FILES = {
    "h5p": "h5p/truefalse-hello-world.h5p",
    "h5p_multichoice": "h5p/multichoice.h5p",
    "h5p_questionset": "h5p/questionset.h5p",
    "h5p_coursepresentation": "h5p/coursepresentation.h5p",
    "scorm12": "scorm12/RuntimeBasicCalls_SCORM12.zip",
    "scorm12_multi": "scorm12/RuntimeMinimumCalls_SCORM12.zip",
    "scorm2004": "scorm2004/RuntimeBasicCalls_SCORM20043rdEdition.zip",
    "scorm2004_sequencing": (
        "scorm2004/SequencingSimpleRemediation_SCORM20043rdEdition.zip"
    ),
}


def sample_path(name: str) -> Path:
    """The sample's path, or a skip that says what is missing and where."""
    path = (SAMPLES / SAMPLE_FILES[name]).resolve()
    if not path.is_file():
        pytest.skip(
            f"Sample package {SAMPLE_FILES[name]} not found under {SAMPLES.resolve()}; "
            "the real H5P/SCORM samples live in ../shared/samples (see SOURCES.md)."
        )
    return path


def upload(data: bytes, name: str) -> io.BytesIO:
    """An in-memory upload like Django's UploadedFile (it has .size and .name)."""
    buffer = io.BytesIO(data)
    buffer.size = len(data)
    buffer.name = name
    return buffer


def sample_upload(name: str) -> io.BytesIO:
    path = sample_path(name)
    return upload(path.read_bytes(), path.name)


def store_sample(name: str, **kwargs):
    from content_packages.services import store_package

    file = sample_upload(name)
    return store_package(file, filename=file.name, **kwargs)


def files_under(root: Path) -> list[Path]:
    """Everything below `root` (files and folders), to prove nothing was left."""
    return sorted(root.rglob("*")) if root.exists() else []


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def place_package(module, package, *, pass_mark_percent: int = 50) -> str:
    """Put the package in the module's lesson and publish; returns the block id."""
    return place_packages(module, [package], pass_mark_percent=pass_mark_percent)[0]


def place_packages(module, packages, *, pass_mark_percent: int = 50) -> list[str]:
    """A lesson of a short text and one block per package; returns the block ids."""
    module.body = [
        {"type": "text", "value": "<p>Probieren Sie es aus.</p>"},
        *(
            {
                "type": "content_package",
                "value": {
                    "package": package.pk,
                    "title": "",
                    "pass_mark_percent": pass_mark_percent,
                },
            }
            for package in packages
        ),
    ]
    module.save_revision().publish()
    module.refresh_from_db()
    return [b.id for b in module.body if b.block_type == "content_package"]


@pytest.fixture
def package_root(settings, tmp_path) -> Path:
    """Each test extracts packages into its own private folder."""
    root = tmp_path / "packages"
    settings.CONTENT_PACKAGES_ROOT = str(root)
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return root


@pytest.fixture
def course(site_root):
    """A published course with one required module (to hold a package), completed
    by its packages alone (no “Done” to press)."""
    return make_course(
        make_course_index(site_root),
        modules=1,
        module_fields={"completion_viewed": False},
    )


@pytest.fixture
def team_trainer(trainer, course):
    """A trainer in the course's team: uploads go to the team's collection."""
    make_team(course, trainer)
    return trainer


@pytest.fixture
def module(course):
    return course.get_modules().first().specific


@pytest.fixture
def h5p(package_root, module):
    package = store_sample("h5p")
    block_id = place_package(module, package, pass_mark_percent=50)
    return package, block_id


@pytest.fixture
def enrolled(learner, course, client):
    """The learner, enrolled, signed in on `client`."""
    from courses.services import enrol

    enrol(learner, course)
    client.force_login(learner)
    return learner


@pytest.fixture
def content():
    """The browser's requests to the content origin."""
    from tests.content_packages.content_client import ContentClient

    return ContentClient()
