import pytest

from tests.factories import make_course, make_course_index


@pytest.fixture
def course_index(site_root):
    return make_course_index(site_root)


@pytest.fixture
def course(course_index):
    """A published German course with three required 'viewed' modules."""
    return make_course(course_index, modules=3)


@pytest.fixture
def modules(course):
    return list(course.get_modules())
