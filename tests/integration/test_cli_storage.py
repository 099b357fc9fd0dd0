"""Storage safety end to end: a full disk, empty, damaged and foreign files, odd arguments, as separate processes.

A full disk is a small RLIMIT_FSIZE in the child (SIGXFSZ ignored, so writes fail with EFBIG as on a full disk).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from keepclient.db import migrations

SHARED_LOCKS_MISSING = "does not support the file locking"


def run(*args: str, limit: int | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m keepclient ARGS`; with `limit`, no file the child writes may grow past `limit` bytes."""

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    full_env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", **(env or {})}
    return subprocess.run([sys.executable, "-m", "keepclient", *args], capture_output=True, text=True,
                          timeout=180, env=full_env, preexec_fn=full_disk if limit else None)


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    """The error line (the last; a failed daily backup before demo or import may warn on a line of its own)."""
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Generating demo data")]
    assert "Traceback" not in result.stderr and lines, result.stderr
    assert all(line.startswith("keepclient: ") for line in lines) and len(lines) <= 2, result.stderr
    return lines[-1]


def sound_with(path: Path, customers: int) -> None:
    """The file passes SQLite's integrity check and holds exactly the customers it had before."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == customers
    finally:
        conn.close()


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    made = run("--db", str(path), "demo", "--customers", "40")
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.parametrize("mode", ["--local", "--shared"])
def test_full_disk_during_demo_append_is_one_line_and_keeps_the_file(small_db: Path, mode: str):
    limit = small_db.stat().st_size + 64 * 1024  # room for the -shm file, not for 400 more customers
    result = run("--db", str(small_db), mode, "demo", "--append", "--customers", "400", limit=limit)
    assert result.returncode == 6
    line = one_clear_line(result)
    assert "was not saved" in line and "cannot rollback" not in line
    sound_with(small_db, 40)
    again = run("--db", str(small_db), mode, "demo", "--append", "--customers", "5")  # space again: works
    assert again.returncode == 0, again.stderr
    sound_with(small_db, 45)


def test_full_disk_during_import_is_one_line_and_keeps_the_file(small_db: Path, tmp_path: Path):
    sheet = tmp_path / "many.csv"
    rows = [f"Firma {n} Handels GmbH,Berlin,+49 30 {1000000 + n}" for n in range(3000)]
    sheet.write_text("Name,City,Phone\n" + "\n".join(rows) + "\n", encoding="utf-8")
    limit = small_db.stat().st_size + 64 * 1024
    result = run("--db", str(small_db), "import", str(sheet), "--yes", limit=limit)
    assert result.returncode == 6, result.stderr
    assert "Traceback" not in result.stderr
    sound_with(small_db, 40)


def make_old(path: Path, customers: int) -> None:
    """A file as keepclient with schema 1 left it: upgrading it rewrites every row and builds the indexes."""
    conn = sqlite3.connect(path)
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.0.9", target=1)
    db.close()
    common = "uuid, created_at, updated_at, updated_by, version"
    with conn:
        conn.executemany(
            f"INSERT INTO customer ({common}, name, kind, tier, stage, industry, source, address, city, region, "
            "phone, email, website, notes) VALUES (?, '2025-01-01 10:00:00', '2025-01-01 10:00:00', '', 1, ?, "
            "'company', 'A', 'active', '', '', '', '上海', '', ?, '', '', '')",
            [(f"u{n}", f"张伟贸易 {n} 有限公司", f"138-1234-{n:04d}") for n in range(customers)])
    conn.close()


def upgrade_backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.before-upgrade-v1-*"))


def test_full_disk_during_upgrade_leaves_the_file_and_one_backup(tmp_path: Path):
    path = tmp_path / "old.db"
    make_old(path, 3000)
    limit = path.stat().st_size + 64 * 1024  # the backup fits, the upgraded file does not
    for _attempt in range(2):  # a retry reuses the first attempt's backup
        result = run("--db", str(path), "check", limit=limit)
        assert result.returncode == 6, result.stderr
        assert "Traceback" not in result.stderr and "cannot rollback" not in result.stderr
        assert len(upgrade_backups(path)) == 1
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        conn.close()
        sound_with(path, 3000)
        assert migrations.earlier_upgrade_backup(path, 1) == upgrade_backups(path)[0]  # same pages as the file
    done = run("--db", str(path), "check")  # with room on the disk: upgraded, still one backup
    assert done.returncode == 0, done.stderr
    assert len(upgrade_backups(path)) == 1
    sound_with(path, 3000)


def test_a_zero_byte_file_is_left_empty_unless_creating(tmp_path: Path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    for command in (["check"], ["search", "zhang"], ["demo", "--customers", "3"], ["export", str(tmp_path / "o.csv")]):
        result = run("--db", str(path), *command)
        assert result.returncode == 5, result.stderr
        assert "is empty" in one_clear_line(result)
        assert path.stat().st_size == 0
    created = run("--db", str(path), "--create", "demo", "--customers", "3")
    assert created.returncode == 0, created.stderr
    sound_with(path, 3)


def test_create_flag_makes_a_new_database_for_any_command(tmp_path: Path):
    path = tmp_path / "new.db"
    assert run("--db", str(path), "check").returncode == 6 and not path.exists()
    result = run("--db", str(path), "--create", "check")
    assert result.returncode == 0, result.stderr
    sound_with(path, 0)


def damage_an_index(path: Path) -> None:
    """Overwrite the root page of a customer index with garbage, as a failing disk or a torn copy would."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customer_deleted_at_sort_key'").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(bytes(range(256)) * (page_size // 256))


def test_a_damaged_page_is_reported_and_nothing_writes_into_or_copies_it(small_db: Path, tmp_path: Path):
    damage_an_index(small_db)
    damaged = small_db.read_bytes()
    check = run("--db", str(small_db), "check")
    assert check.returncode == 9
    assert "damaged" in check.stderr and "keepclient restore" in check.stderr
    assert "not a database" not in check.stdout + check.stderr
    sheet = tmp_path / "rows.csv"
    sheet.write_text("Name,City\nNeue Kunden GmbH,Köln\n", encoding="utf-8")
    for command in (["import", str(sheet), "--yes"], ["demo", "--append", "--customers", "3"],
                    ["backup", str(tmp_path / "copies")]):
        result = run("--db", str(small_db), *command)
        assert result.returncode == 9, result.stderr
        line = one_clear_line(result)
        assert "is damaged" in line and "keepclient restore" in line
    assert small_db.read_bytes() == damaged
    assert not (tmp_path / "copies").exists() or not any((tmp_path / "copies").iterdir())


@pytest.mark.parametrize(("content", "code", "words"), [
    (b"%PDF-1.7\n" + b"\x00" * 400, 5, "is not a database file"),
    (b"SQLite format 3\x00" + b"\xff" * 84, 5, "another program"),  # a SQLite header, not ours
])
def test_foreign_files_are_refused_untouched(tmp_path: Path, content: bytes, code: int, words: str):
    path = tmp_path / "other.db"
    path.write_bytes(content)
    for command in (["check"], ["import", str(path), "--yes"], ["demo", "--append", "--customers", "2"]):
        result = run("--db", str(path), *command)
        assert result.returncode == code, result.stderr
        assert words in one_clear_line(result)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused(tmp_path: Path):
    path = tmp_path / "firefox.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = run("--db", str(path), "--create", "demo", "--customers", "2")
    assert result.returncode == 5 and "another program" in one_clear_line(result)
    assert path.read_bytes() == before


@pytest.mark.parametrize("argument", ["zh\x00ang", "zh\udcffang"])
def test_nul_and_undecodable_arguments_are_one_line(demo_db: Path, argument: str):
    """argv cannot carry NUL, so main() is called in-process for it; the surrogate comes as real bytes."""
    if "\x00" in argument:
        code = subprocess.run(
            [sys.executable, "-c", "import sys; from keepclient.cli import main; "
             f"sys.exit(main(['--db', {str(demo_db)!r}, 'search', {argument!r}]))"],
            capture_output=True, text=True, timeout=60, env={**os.environ, "LANG": "en_US.UTF-8"})
    else:
        code = subprocess.run([os.fsencode(sys.executable), b"-m", b"keepclient", b"--db", os.fsencode(demo_db),
                               b"search", b"zh\xffang"], capture_output=True, timeout=60,
                              env={**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": ""})
        code = subprocess.CompletedProcess(code.args, code.returncode, code.stdout.decode(),
                                           code.stderr.decode("utf-8", "replace"))
    assert code.returncode == 2, code.stderr
    line = one_clear_line(code)
    assert "NUL character or bytes that are not text" in line


def test_damaged_database_in_shared_mode_is_reported_too(small_db: Path):
    damage_an_index(small_db)
    result = run("--db", str(small_db), "--shared", "check")
    assert result.returncode == 9 and "damaged" in result.stderr
    assert SHARED_LOCKS_MISSING not in result.stderr


def test_read_only_folder_serves_reads_and_refuses_writes(demo_db: Path, tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "team.db"
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(demo_db, path)
    if os.geteuid() == 0:  # chmod does not stop root; the immutable attribute does
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
            pytest.skip("running as root, where chmod does not stop writes, and chattr +i is unavailable here")
    else:
        folder.chmod(0o555)
    try:
        check = run("--db", str(path), "check")
        assert check.returncode == 0, check.stderr
        search = run("--db", str(path), "search", "zhang")
        assert search.returncode == 0 and search.stdout.strip(), search.stderr
        export = run("--db", str(path), "export", str(tmp_path / "out.csv"))
        assert export.returncode == 0, export.stderr
        demo = run("--db", str(path), "demo", "--append", "--customers", "2")
        assert demo.returncode == 6 and "read-only" in one_clear_line(demo)
        assert sorted(p.name for p in folder.iterdir()) == ["team.db"]
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)])
        else:
            folder.chmod(0o755)
