"""Shared fixtures: real SQLite files in temporary folders, a demo database built once per session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from keepclient.services.demo import generate_demo
from keepclient.services.workspace import Workspace

DEMO_TODAY = dt.date(2026, 11, 23)
DEMO_CUSTOMERS = 300


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user's data and config folders at a temporary place: tests never touch real settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    ws = Workspace.open(path, shared=False, user="tester")
    generate_demo(ws.db, customers=DEMO_CUSTOMERS, today=DEMO_TODAY)
    ws.close()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    """A private copy of the demo database for one test."""
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def workspace(demo_db: Path):
    ws = Workspace.open(demo_db, shared=False, user="tester")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL cluster started by the suite (tests/server_cluster.py); skipped on a machine without
    PostgreSQL's server programs (.ci/run installs them)."""
    from tests import server_cluster

    if server_cluster.binaries() is None:
        pytest.skip("PostgreSQL's server programs are not installed (Debian: apt-get install postgresql)")
    with server_cluster.running_cluster() as url:
        yield url


@pytest.fixture
def server_url(pg_cluster: str, request: pytest.FixtureRequest):
    """A fresh, empty database on the suite's cluster for one test, dropped afterwards."""
    import re

    import psycopg

    from tests.server_cluster import database_url

    name = "t_" + re.sub(r"[^a-z0-9_]", "_", request.node.name.lower())[:50]
    with psycopg.connect(pg_cluster, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield database_url(pg_cluster, name)
    with psycopg.connect(pg_cluster, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


ENGINES = ("sqlite", "postgresql")


class ServerDatabases:
    """Empty databases on the suite's PostgreSQL, prepared by `server init`, dropped when the test ends."""

    def __init__(self, request: pytest.FixtureRequest) -> None:
        self.cluster = request.getfixturevalue("pg_cluster")
        self.test = request.node.name
        self.made: list[str] = []

    def make(self, name: str = "crm") -> str:
        import re

        import psycopg

        from keepclient import __version__
        from keepclient.db.server import prepare
        from tests.server_cluster import database_url

        database = f"e{len(self.made)}_" + re.sub(r"[^a-z0-9_]", "_", f"{self.test}_{name}".lower())[-50:]
        with psycopg.connect(self.cluster, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{database}"')
        self.made.append(database)
        url = database_url(self.cluster, database)
        prepare(url, __version__)
        return url

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(self.cluster, autocommit=True) as admin:
            for database in self.made:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture(params=ENGINES)
def new_database(request: pytest.FixtureRequest, tmp_path: Path):
    """Where a new database goes, for a test that runs once per engine (issue 19: one code base): `make(name)`
    gives a file's path, or the address of an empty database on the suite's PostgreSQL prepared by `server init`;
    either opens with Workspace.open."""
    if request.param == "sqlite":
        yield lambda name="crm": tmp_path / f"{name}.db"
        return
    servers = ServerDatabases(request)
    yield servers.make
    servers.drop()


@pytest.fixture
def demo_target(new_database, demo_template: Path, tmp_path: Path) -> Path | str:
    """The demo team's database for commands run on both engines: a copy of the file, or the demo moved to a team
    server (its address)."""
    place = new_database("demo")
    if isinstance(place, Path):
        shutil.copyfile(demo_template, place)
        return place
    from keepclient.db.server_move import move_to_server

    move_to_server(demo_template, place)
    return place


@pytest.fixture(params=ENGINES)
def demo_workspace(request: pytest.FixtureRequest, demo_db: Path):
    """The demo team's workspace in its file, and moved to a team server: a test using it runs on both engines."""
    servers = None
    target: Path | str = demo_db
    if request.param == "postgresql":
        from keepclient.db.server_move import move_to_server

        servers = ServerDatabases(request)
        target = servers.make("demo")
        move_to_server(demo_db, target)
    ws = Workspace.open(target, shared=False, user="tester")
    yield ws
    ws.close()
    if servers is not None:
        servers.drop()
