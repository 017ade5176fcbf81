"""Small modules: no Python file of ours passes 500 lines.

Tests count too (a test file that long hides what it checks). Exempt are
migrations (generated) and the demo courses' text (demo/content/, data, not code).
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 500
SKIPPED_DIRS = {
    ".venv",
    ".peer-venv",
    "node_modules",
    "migrations",
    ".git",
    "static",
    "templates",
}
EXEMPT = {"demo/content"}


def python_files(root: Path = ROOT):
    for folder, dirs, files in os.walk(root):
        relative = Path(folder).relative_to(root)
        dirs[:] = [
            name
            for name in sorted(dirs)
            if name not in SKIPPED_DIRS and (relative / name).as_posix() not in EXEMPT
        ]
        yield from (relative / name for name in sorted(files) if name.endswith(".py"))


def test_no_python_file_passes_the_limit():
    too_long = {
        path.as_posix(): lines
        for path in python_files()
        if (lines := len((ROOT / path).read_text(encoding="utf-8").splitlines()))
        > LIMIT
    }
    assert too_long == {}


def test_the_walk_sees_the_apps_and_the_tests_but_not_the_demo_text():
    seen = {path.as_posix() for path in python_files()}
    assert {"courses/services.py", "tests/conftest.py"} <= seen
    assert not any(path.startswith("demo/content/") for path in seen)
    assert not any("/migrations/" in path for path in seen)
