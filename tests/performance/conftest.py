import pytest

from tests.factories import make_course_index


@pytest.fixture
def course_index(site_root):
    return make_course_index(site_root)
