"""Backups, restore and every written file, end to end as separate processes: a backup killed at any moment and a
disk that fills up (RLIMIT_FSIZE) never leave a partial file under the final name."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from keepclient.db import migrations

pytestmark = pytest.mark.skipif(os.name == "nt", reason="kill -9 and RLIMIT_FSIZE are POSIX")


def run(*args: str, limit: int | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`keepclient ARGS` in a child process; `limit` caps every file it writes at that many bytes (a full disk)."""
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "keepclient", *args], capture_output=True, text=True, timeout=180,
                          env=env, input=stdin, preexec_fn=(lambda: _full_disk(limit)) if limit else None)


def _full_disk(limit: int) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG, as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def healthy(path: Path) -> int:
    """The customers of a database file that passes integrity_check (fails the test otherwise)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
        return conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def big_db(demo_db: Path) -> Path:
    """The demo database grown to about 8 MB, so a backup takes long enough to be killed in the middle."""
    conn = sqlite3.connect(demo_db)
    conn.execute("CREATE TABLE ballast (data BLOB)")
    conn.executemany("INSERT INTO ballast VALUES (randomblob(65536))", [()] * 120)
    conn.commit()
    conn.close()
    return demo_db


def test_backup_then_restore_to_a_new_file(demo_db: Path, tmp_path: Path):
    made = run("--db", str(demo_db), "backup")
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip().rsplit(" ", 1)[1])
    assert backup.parent == demo_db.parent / "backups" and backup.name.endswith("-manual.db")

    listed = run("--db", str(demo_db), "backups")
    assert listed.returncode == 0 and str(backup) in listed.stdout and "300 customers" in listed.stdout
    assert "manual" in listed.stdout

    restored = tmp_path / "restored.db"
    result = run("--db", str(demo_db), "restore", str(backup), "--to", str(restored))
    assert result.returncode == 0, result.stderr
    assert str(restored) in result.stdout and healthy(restored) == 300
    check = run("--db", str(restored), "check")
    assert check.returncode == 0 and "Integrity: ok" in check.stdout

    again = run("--db", str(demo_db), "restore", str(backup), "--to", str(restored))
    assert again.returncode == 6 and "already exists" in again.stderr and len(again.stderr.splitlines()) == 1


def test_restore_over_a_damaged_database_without_opening_it(demo_db: Path):
    made = run("--db", str(demo_db), "backup")
    backup = Path(made.stdout.strip().rsplit(" ", 1)[1])
    with demo_db.open("r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 4096 * 8)

    unasked = run("--db", str(demo_db), "restore", str(backup), stdin="")
    assert unasked.returncode == 2 and "--yes" in unasked.stdout

    result = run("--db", str(demo_db), "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr
    assert "before-restore" in result.stdout
    assert healthy(demo_db) == 300
    assert run("--db", str(demo_db), "check").returncode == 0

    demo_db.write_bytes(b"")  # emptied by a sync program
    assert run("--db", str(demo_db), "restore", str(backup), "--yes").returncode == 0
    assert healthy(demo_db) == 300


def test_restore_refuses_a_file_that_is_not_a_backup(demo_db: Path, tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(20000))
    result = run("--db", str(demo_db), "restore", str(junk), "--yes")
    assert result.returncode == 9 and "cannot be restored" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert healthy(demo_db) == 300


CHILD = """
import sys, time
from pathlib import Path
from keepclient.services import maintenance
from keepclient.services.workspace import Workspace
ws = Workspace.open(Path(sys.argv[1]), shared=False, user="killer")
print("ready", flush=True)
started = time.perf_counter()
maintenance.backup(ws.db, Path(sys.argv[2]))
print(time.perf_counter() - started, flush=True)
"""


def test_a_backup_killed_at_any_moment_leaves_a_whole_backup_or_none(big_db: Path, tmp_path: Path):
    def start(dest: Path) -> subprocess.Popen[str]:
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(big_db), str(dest)], stdout=subprocess.PIPE,
                                 text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        return child

    first = start(tmp_path / "timing")
    out, _ = first.communicate(timeout=120)
    duration = float(out.strip())
    assert healthy(next((tmp_path / "timing").iterdir())) == 300

    rng = random.Random(20261129)
    outcomes = {"complete": 0, "nothing": 0}
    for attempt in range(20):
        dest = tmp_path / f"run{attempt}"
        child = start(dest)
        time.sleep(rng.uniform(0, duration * 1.2))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        named = [p for p in dest.iterdir() if not p.name.startswith(".")] if dest.exists() else []
        for path in named:  # anything under a final name is a whole, healthy database
            assert path.suffix == ".db" and healthy(path) == 300
        outcomes["complete" if named else "nothing"] += 1
    assert outcomes["nothing"] > 0, outcomes  # some kills did land in the middle of a backup


def one_line_full_disk_error(result: subprocess.CompletedProcess[str], target: Path) -> None:
    assert result.returncode == 6, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("keepclient: Could not write to") and str(target) in lines[0]


def test_a_full_disk_during_a_backup_leaves_no_file(big_db: Path, tmp_path: Path):
    dest = tmp_path / "copies"
    result = run("--db", str(big_db), "backup", str(dest / "crm.db"), limit=1 << 20)
    one_line_full_disk_error(result, dest / "crm.db")
    assert list(dest.iterdir()) == []  # neither the copy nor its temporary file
    assert run("--db", str(big_db), "backup", str(dest / "crm.db")).returncode == 0  # room again: it works
    assert healthy(dest / "crm.db") == 300


EXPORTS = {
    "xlsx": ("export", "{out}"),
    "csv": ("export", "{out}"),
    "json": ("export", "{out}"),
    "ics": ("export-ics", "{out}", "--from", "2026-11-01", "--to", "2026-12-31"),
    "pdf": ("print-schedule", "--week", "2026-W48", "--pdf", "{out}"),
    "report.pdf": ("feedback-report", "--from", "2026-06-01", "--to", "2026-11-30", "--pdf", "{out}"),
    "report.xlsx": ("feedback-report", "--from", "2026-06-01", "--to", "2026-11-30", "--xlsx", "{out}"),
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_a_full_disk_during_an_export_leaves_the_old_file_or_none(demo_db: Path, tmp_path: Path, kind: str):
    suffix = "." + kind.rsplit(".", 1)[-1]
    folder = tmp_path / "out"
    folder.mkdir()

    def export(target: Path, limit: int | None = None) -> subprocess.CompletedProcess[str]:
        # --shared: a rollback journal, so opening writes no 32 KB -shm file and only the export meets the limit
        return run("--db", str(demo_db), "--shared", *(a.format(out=target) for a in EXPORTS[kind]), limit=limit)

    earlier = folder / f"earlier{suffix}"
    whole = export(earlier)
    assert whole.returncode == 0, whole.stderr
    previous = earlier.read_bytes()
    limit = max(len(previous) // 2, 5000)  # above a 4 KB page: opening may rewrite the database's first page
    assert limit < len(previous), "the export is too small to cut short"

    fresh = folder / f"fresh{suffix}"
    one_line_full_disk_error(export(fresh, limit), fresh)
    one_line_full_disk_error(export(earlier, limit), earlier)
    assert earlier.read_bytes() == previous  # the earlier export is still whole
    assert sorted(p.name for p in folder.iterdir()) == [earlier.name]  # nothing partial, no temporary file


def test_copy_database_through_a_full_disk_leaves_nothing_under_the_name(demo_db: Path, tmp_path: Path):
    """copy_database is also how the pre-upgrade copy is taken: a full disk leaves nothing, not even its temporary
    file; with room again the copy is whole."""
    target = tmp_path / "copy.db"
    code = ("import sys; from pathlib import Path; from keepclient.db import migrations\n"
            "try:\n    migrations.copy_database(Path(sys.argv[1]), Path(sys.argv[2]))\n"
            "except Exception as exc:\n    print(type(exc).__name__, exc); sys.exit(1)\n")
    failed = subprocess.run([sys.executable, "-c", code, str(demo_db), str(target)], capture_output=True, text=True,
                            preexec_fn=lambda: _full_disk(256 * 1024), timeout=120)
    assert failed.returncode == 1 and failed.stdout.startswith("OperationalError"), failed.stdout + failed.stderr
    assert not [p for p in tmp_path.iterdir() if "copy.db" in p.name]
    migrations.copy_database(demo_db, target)
    assert healthy(target) == 300


def test_how_many_automatic_backups_are_kept_is_a_setting_of_the_team(demo_db: Path):
    shown = run("--db", str(demo_db), "keep-backups")
    assert shown.returncode == 0 and "10 days" in shown.stdout and "4 weeks" in shown.stdout
    changed = run("--db", str(demo_db), "keep-backups", "--daily", "14", "--weekly", "0")
    assert changed.returncode == 0 and "14 days" in changed.stdout and "0 weeks" in changed.stdout
    assert "14 days" in run("--db", str(demo_db), "keep-backups").stdout
    refused = run("--db", str(demo_db), "keep-backups", "--daily", "0")
    assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1
    assert "14 days" in run("--db", str(demo_db), "keep-backups").stdout
