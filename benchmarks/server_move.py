"""Moving the demo team to a team server (issue 19): `keepclient move-to-server` of the N-customer demo database
into a prepared, empty PostgreSQL database, as a whole process, against `pg_dump -Fc` of the moved database plus
`pg_restore` of that dump into another empty database (what PostgreSQL's own tools take for the same data), in
the same run and interleaved. Target: <= 2x. The server is a throwaway cluster on this machine
(tests/server_cluster.py), so PostgreSQL's server programs must be installed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0
ROUNDS = 2


def _timed(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{command[:4]} failed: {done.stderr[-2000:]}")
    return time.perf_counter() - began


def bench_server_move(demo: Path, env: dict[str, str]) -> None:
    sys.path.insert(0, str(ROOT))
    import psycopg

    from tests.server_cluster import binaries, database_url, running_cluster

    folder = binaries()
    if folder is None:
        print("server-move: skipped (PostgreSQL's server programs are not installed)")
        return
    keepclient = [sys.executable, "-m", "keepclient", "--lang", "en"]
    with running_cluster() as cluster, tempfile.TemporaryDirectory() as place:
        dump = Path(place) / "moved.dump"
        os.chmod(place, 0o755)
        moves: list[float] = []
        tools: list[float] = []
        records = ""
        for round_number in range(ROUNDS):
            moved, restored = f"moved_{round_number}", f"restored_{round_number}"
            with psycopg.connect(cluster, autocommit=True) as admin:
                for name in (moved, restored):
                    admin.execute(f'CREATE DATABASE "{name}"')
            target = database_url(cluster, moved)
            subprocess.run([*keepclient, "server", "init", target], env=env, check=True, capture_output=True)
            began = time.perf_counter()
            done = subprocess.run([*keepclient, "move-to-server", str(demo), target], env=env, capture_output=True,
                                  text=True)
            moves.append(time.perf_counter() - began)
            if done.returncode != 0:
                raise SystemExit(f"move-to-server failed: {done.stderr}")
            records = done.stdout.strip().splitlines()[-1]
            socket = cluster.split("host=", 1)[1]
            common = ["-h", socket, "-U", "keepclient"]
            tools.append(_timed([str(folder / "pg_dump"), *common, "-Fc", "-f", str(dump), moved], env)
                         + _timed([str(folder / "pg_restore"), *common, "-d", restored, str(dump)], env))
        move, tool = statistics.median(moves), statistics.median(tools)
        ratio = move / tool
        print(f"server-move: {records}")
        print(f"server-move: keepclient move-to-server (whole process) median {move:.1f} s (runs: "
              f"{', '.join(f'{t:.1f}' for t in moves)}) | pg_dump -Fc + pg_restore of the moved database median "
              f"{tool:.1f} s (runs: {', '.join(f'{t:.1f}' for t in tools)}) | ratio {ratio:.2f}x | target <= "
              f"{TARGET:.0f}x: {'met' if ratio <= TARGET else 'NOT met'}")
