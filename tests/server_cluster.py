"""A throwaway PostgreSQL cluster for the team-server tests (issue 19): initdb and pg_ctl from the machine's
PostgreSQL (Debian's `postgresql`, which .ci/run installs), in a temporary folder, listening on a Unix socket
there only; one cluster per test session, a fresh database per test. PostgreSQL refuses to run as root: as root
the cluster runs as the `postgres` user the package creates."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

USER = "keepclient"  # the cluster's superuser (trust login over the socket: nothing leaves the folder)


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on the PATH, else Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(f.split("/")[-2]), reverse=True)
    return next((Path(f) for f in folders if Path(f, "initdb").exists()), None)


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def running_cluster() -> Iterator[str]:
    """Start a cluster; yields the address of its `postgres` database (postgresql://keepclient@/postgres?host=…)."""
    folder = binaries()
    if folder is None:
        raise FileNotFoundError("PostgreSQL's initdb was not found (Debian: apt-get install postgresql)")
    place = Path(tempfile.mkdtemp(prefix="keepclient-pg-"))
    try:
        if os.geteuid() == 0:
            shutil.chown(place, "postgres")
        data, log = place / "data", place / "server.log"
        subprocess.run(_as_server_user([str(folder / "initdb"), "-D", str(data), "-A", "trust", "-U", USER,
                                        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
                       check=True, capture_output=True, timeout=120)
        options = f"-k {place} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        subprocess.run(_as_server_user([str(folder / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log),
                                        "-w", "-t", "60", "start"]), check=True, capture_output=True, timeout=120)
        try:
            yield f"postgresql://{USER}@/postgres?host={place}"
        finally:
            subprocess.run(_as_server_user([str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                           capture_output=True, timeout=60)
    finally:
        shutil.rmtree(place, ignore_errors=True)


def database_url(cluster_url: str, name: str) -> str:
    """The address of database `name` on the cluster at `cluster_url`."""
    return cluster_url.replace("/postgres?", f"/{name}?", 1)
