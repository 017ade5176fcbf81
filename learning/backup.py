"""Backup and restore of the database and the media files.

PostgreSQL uses pg_dump's custom format and pg_restore; SQLite uses its online
backup API. Media (uploads, certificate PDFs, packages) go into a tar archive.
"""

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - runs pg_dump/pg_restore with fixed arguments
import tarfile
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.db import connections
from django.utils import timezone

from learning.storage import private_media_root

DATABASE_FILE = {"postgresql": "database.dump", "sqlite3": "database.sqlite3"}
MEDIA_FILE = "media.tar.gz"


def _vendor(alias: str = "default") -> str:
    return connections[alias].vendor


def _pg_args(params: dict) -> list[str]:
    args = []
    if params.get("HOST"):
        args += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        args += ["--port", str(params["PORT"])]
    if params.get("USER"):
        args += ["--username", str(params["USER"])]
    return args


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise FileNotFoundError(f"{name} not found: install the PostgreSQL client.")
    return path


def _pg_env(params: dict) -> dict:
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    return env


def backup(output_dir: Path, *, alias: str = "default") -> Path:
    """Write a timestamped backup folder and return its path."""
    connection = connections[alias]
    params = connection.settings_dict
    target = Path(output_dir) / timezone.now().strftime("%Y%m%d-%H%M%S")
    target.mkdir(parents=True, exist_ok=False)
    vendor = _vendor(alias)
    if vendor == "postgresql":
        subprocess.run(  # noqa: S603
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--file",
                str(target / DATABASE_FILE[vendor]),
                *_pg_args(params),
                params["NAME"],
            ],
            check=True,
            env=_pg_env(params),
        )
    elif vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / DATABASE_FILE["sqlite3"]) as copy:
            connection.connection.backup(copy)
    else:
        raise NotImplementedError(f"No backup for the {vendor} database.")
    media_root = Path(settings.MEDIA_ROOT)
    private_root = _private_root()
    with tarfile.open(target / MEDIA_FILE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
        # Certificate PDFs, content packages and exports live outside MEDIA_ROOT.
        if private_root.exists():
            archive.add(private_root, arcname="private")
    return target


def _private_root() -> Path:
    return private_media_root()


def restore(
    source: Path,
    *,
    database_url: str,
    media_root: Path,
    private_media_root: Path | None = None,
) -> None:
    """Restore a backup folder into an (empty) database and the media folders."""
    source = Path(source)
    parsed = urlparse(database_url)
    if parsed.scheme.startswith("postgres"):
        dump = source / DATABASE_FILE["postgresql"]
        params = {
            "HOST": parsed.hostname,
            "PORT": parsed.port,
            "USER": parsed.username,
            "PASSWORD": parsed.password,
        }
        subprocess.run(  # noqa: S603
            [
                _tool("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                parsed.path.lstrip("/"),
                *_pg_args(params),
                str(dump),
            ],
            check=True,
            env=_pg_env(params),
        )
    elif parsed.scheme == "sqlite":
        shutil.copyfile(source / DATABASE_FILE["sqlite3"], parsed.path)
    else:
        raise NotImplementedError(f"No restore for {parsed.scheme}.")
    roots = {
        "media": Path(media_root),
        "private": Path(private_media_root or f"{media_root}-private"),
    }
    with tarfile.open(source / MEDIA_FILE, "r:gz") as archive:
        for member in archive.getmembers():
            top, _, rest = member.name.partition("/")
            if top not in roots:
                continue
            roots[top].mkdir(parents=True, exist_ok=True)
            member.name = rest or "."
            archive.extract(member, roots[top], filter="data")
