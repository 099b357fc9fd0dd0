"""A team server as the workspace (issue 19), on a throwaway PostgreSQL cluster on this machine (tests/
server_cluster.py; PostgreSQL's server programs must be installed).

- server-search: the customer list's search typed keystroke by keystroke into a real (offscreen) window opened
  on the N-customer demo moved to the server, until the list has painted its new first page (customer_list.py's
  bench_search): p50/p95 per kind, against a plain LIKE scan's first page on the same server. The demo's figures are
  counted for the day before first, as a team's file has them. First into the window just opened, whose day's
  recount of the team's value and risk waits while keys are typed and then runs (how long is printed), then into a
  second window opened right after it, on the customer rows the recount has just rewritten. Target: p95 <= 30 ms at
  100,000 customers.
- server-writers: 20 client processes x 200 version-checked mixed writes (customer edits, logged calls, visit
  moves, undo) on one server database (writers.py's mix and checks, unchanged): lost updates (must be 0), raw
  errors (must be 0), every conflict reported to its writer; against the same writes from one process.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRITERS, WRITES = 20, 200


@contextmanager
def _cluster() -> Iterator[str | None]:
    sys.path.insert(0, str(ROOT))
    from tests.server_cluster import binaries, running_cluster

    if binaries() is None:
        yield None
        return
    with running_cluster() as url:
        yield url


def _database(cluster: str, name: str) -> str:
    import psycopg

    from keepclient import __version__
    from keepclient.db.server import prepare
    from tests.server_cluster import database_url

    with psycopg.connect(cluster, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = database_url(cluster, name)
    prepare(url, __version__)
    return url


def bench_server_search(demo: Path) -> None:
    from customer_list import bench_search

    from keepclient.db.server_move import move_to_server

    with _cluster() as cluster:
        if cluster is None:
            print("server-search: skipped (PostgreSQL's server programs are not installed)")
            return
        url = _database(cluster, "search")
        with tempfile.TemporaryDirectory() as folder:
            counted = _counted_the_day_before(demo, Path(folder) / demo.name)
            began = time.perf_counter()
            move_to_server(counted, url)
        print(f"server-search: the demo, its figures counted the day before, moved to the server in "
              f"{time.perf_counter() - began:.1f} s")
        print("server-search: typed into the window just opened (its day's recount of value and risk waits)")
        bench_search(url, recount=True)  # type: ignore[arg-type]  # Workspace.open takes the address as a path
        print("server-search: typed again into a window opened right after that recount")
        bench_search(url)  # type: ignore[arg-type]


def _counted_the_day_before(demo: Path, copy: Path) -> Path:
    """A copy of the demo whose figures the window counted yesterday, as a team's file has them when it moves: the
    server's first window today then runs the day's recount (the demo itself was never counted, and a first count
    rewrites every customer's figures, their risk scores too)."""
    import datetime as dt
    import shutil

    from keepclient.services.workspace import Workspace

    shutil.copyfile(demo, copy)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    workspace = Workspace.open(copy, user="benchmark")
    try:
        workspace.orders.refresh_stale(yesterday)
        workspace.insights.recompute(today=yesterday)
    finally:
        workspace.close()
    return copy


def bench_server_writers(processes: int = WRITERS, writes: int = WRITES, baseline: bool = True) -> None:
    import writers

    with _cluster() as cluster:
        if cluster is None:
            print("server-writers: skipped (PostgreSQL's server programs are not installed)")
            return
        writers.report(processes, writes, lambda name: _database(cluster, name.replace("-", "_")), baseline,
                       place="one team server", tag="server-writers:")


if __name__ == "__main__":
    bench_server_writers(int(sys.argv[1]), int(sys.argv[2]), baseline=False)
