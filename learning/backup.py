"""Backup and restore of the database and the media files.

PostgreSQL uses pg_dump's custom format and pg_restore; SQLite uses its online
backup API. Media (uploads, certificate PDFs, packages) go into a tar archive.
A backup holds every person's data: it is written with umask 077 (folder 0700,
files 0600) and, given an operator's GnuPG key (``--encrypt-to`` or
BACKUP_GPG_RECIPIENT), each file is encrypted to it and the plain file removed.
"""

import contextlib
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - runs pg_dump/pg_restore/gpg with fixed arguments
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.db import connections
from django.utils import timezone

from learning.storage import private_media_root

DATABASE_FILE = {"postgresql": "database.dump", "sqlite3": "database.sqlite3"}
MEDIA_FILE = "media.tar.gz"
ENCRYPTED_SUFFIX = ".gpg"


@contextlib.contextmanager
def owner_only() -> Iterator[None]:
    """Files and folders made meanwhile are readable by their owner only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def encrypt(path: Path, recipient: str) -> Path:
    """Encrypt a file to the operator's public key (GnuPG) and remove the plain one."""
    target = path.with_name(path.name + ENCRYPTED_SUFFIX)
    subprocess.run(  # noqa: S603
        [
            _tool("gpg"),
            "--batch",
            "--yes",
            "--trust-model",
            "always",
            "--recipient",
            recipient,
            "--output",
            str(target),
            "--encrypt",
            str(path),
        ],
        check=True,
        capture_output=True,
    )
    path.unlink()
    return target


def decrypt(path: Path, target: Path) -> Path:
    """Decrypt with the operator's private key (in the GnuPG keyring, GNUPGHOME)."""
    subprocess.run(  # noqa: S603
        [_tool("gpg"), "--batch", "--yes", "--output", str(target), "--decrypt"]
        + [str(path)],
        check=True,
        capture_output=True,
    )
    return target


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
        package = "GnuPG" if name == "gpg" else "the PostgreSQL client"
        raise FileNotFoundError(f"{name} not found: install {package}.")
    return path


def _pg_env(params: dict) -> dict:
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    return env


def backup(
    output_dir: Path, *, alias: str = "default", encrypt_to: str | None = None
) -> Path:
    """Write a timestamped, owner-only backup folder and return its path."""
    recipient = encrypt_to or getattr(settings, "BACKUP_GPG_RECIPIENT", "") or None
    with owner_only():
        target = _write_backup(Path(output_dir), alias)
        if recipient:
            for name in (*DATABASE_FILE.values(), MEDIA_FILE):
                if (target / name).exists():
                    encrypt(target / name, recipient)
    return target


def _write_backup(output_dir: Path, alias: str) -> Path:
    connection = connections[alias]
    params = connection.settings_dict
    output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = output_dir / timezone.now().strftime("%Y%m%d-%H%M%S")
    target.mkdir(mode=0o700, exist_ok=False)
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
    private_root = private_media_root()
    with tarfile.open(target / MEDIA_FILE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
        # Certificate PDFs, content packages and exports live outside MEDIA_ROOT.
        if private_root.exists():
            archive.add(private_root, arcname="private")
    return target


def restore(
    source: Path,
    *,
    database_url: str,
    media_root: Path,
    private_media_root: Path | None = None,
) -> None:
    """Restore a backup folder into an (empty) database and the media folders.

    Encrypted files are decrypted into a private temporary folder first.
    """
    source = Path(source)
    # The temporary folder is private (0700); decrypted files are owner-only.
    with tempfile.TemporaryDirectory(prefix="iq-restore-") as plain:
        with owner_only():
            for encrypted in source.glob(f"*{ENCRYPTED_SUFFIX}"):
                name = encrypted.name.removesuffix(ENCRYPTED_SUFFIX)
                decrypt(encrypted, Path(plain) / name)
        for name in (*DATABASE_FILE.values(), MEDIA_FILE):
            if (source / name).exists() and not (Path(plain) / name).exists():
                os.symlink(source / name, Path(plain) / name)
        _restore(Path(plain), database_url, media_root, private_media_root)


def _restore(source, database_url, media_root, private_media_root) -> None:
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
