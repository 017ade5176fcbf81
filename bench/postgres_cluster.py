"""A PostgreSQL cluster of its own for bench/load_faults.py: initdb in a temporary
directory on a free port, so restarting it disturbs nobody else.
"""

from __future__ import annotations

import os
import shutil
import subprocess  # noqa: S404
import sys
from glob import glob
from pathlib import Path


class Postgres:
    """initdb/pg_ctl in a temporary directory; as root, run as the postgres user."""

    def __init__(self, directory: Path, port: int) -> None:
        binaries = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        pg_ctl = binaries[-1] if binaries else shutil.which("pg_ctl")
        if not pg_ctl:
            sys.exit("PostgreSQL server binaries (pg_ctl, initdb) are missing.")
        self.bin = Path(pg_ctl).parent
        self.data = directory / "pgdata"
        self.port = port
        self.directory = directory
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.prefix:
            shutil.chown(directory, "postgres")

    def _run(self, *args: str) -> None:
        # No pipes: the server started by pg_ctl would hold them open forever.
        subprocess.run(  # noqa: S603
            [*self.prefix, *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.directory,
        )

    def create(self) -> None:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "-E", "UTF8",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c max_connections=200 -c fsync=on"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
            str(self.directory / "postgres.log"), "-o", options, "-w", "start",
        )  # fmt: skip

    def restart(self) -> None:
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
            str(self.directory / "postgres.log"), "-m", "fast", "-w", "restart",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                  "stop")  # fmt: skip

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}"
