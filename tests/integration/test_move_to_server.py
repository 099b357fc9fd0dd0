"""`keepclient move-to-server FILE URL` against a real PostgreSQL the suite starts: every record of a team's file
lands on a prepared server with each table's rows and checksum compared, the file is left byte for byte as it was,
and whatever is refused (an unprepared or non-empty server, a value the server cannot take, an older file) leaves
the server as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg

from keepclient.db.server_move import MOVED
from keepclient.services.workspace import Workspace
from tests.unit.importing import fixtures


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "keepclient", "--lang", lang, *args],
                          capture_output=True, text=True, timeout=300, env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts_in_file(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {m._meta.table_name: conn.execute(f'SELECT count(*) FROM "{m._meta.table_name}"').fetchone()[0]
                for m in MOVED}
    finally:
        conn.close()


def counts_on_server(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {m._meta.table_name: conn.execute(f'SELECT count(*) FROM "{m._meta.table_name}"').fetchone()[0]
                for m in MOVED}


def index_definitions(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {row[0] for row in conn.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'")}


def constraint_definitions(url: str) -> set[tuple[str, str, str]]:
    with psycopg.connect(url) as conn:
        return {(row[0], row[1], row[2]) for row in conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE connamespace = 'public'::regnamespace")}


def a_team_with_everything(tmp_path: Path, demo_db: Path) -> Path:
    """The demo team plus what the demo does not make: an import (history and its records), tags, a gift, an
    edit in the change log, a team setting, a long name and an exact fraction."""
    ws = Workspace.open(demo_db, user="tester")
    try:
        ws.imports.run(ws.imports.preview(fixtures.ledger_workbook(tmp_path / "台账.xlsx")))
        first = ws.customers.rows(0, 1)[0].id
        ws.editor.change_tags([first], add=["VIP", "年会"])
        ws.gifts.add(first, date=dt.date(2026, 9, 15), occasion="mid_autumn", item="月饼礼盒", cost_cents=28_800)
        long_name = "长" * 300
        cid = ws.editor.create(long_name, notes="名字超过 255 个字符")
        ws.orders.set_currency("EUR")
        ws.editor.update(cid, 1, {"city": "杭州"})
    finally:
        ws.close()
    return demo_db


def test_every_record_lands_and_the_file_is_left_as_it_was(tmp_path, demo_db, server_url):
    path = a_team_with_everything(tmp_path, demo_db)
    before = digest(path)
    expected = counts_in_file(path)
    assert run("server", "init", server_url).returncode == 0
    indexes, constraints = index_definitions(server_url), constraint_definitions(server_url)
    moved = run("move-to-server", str(path), server_url)
    assert moved.returncode == 0, moved.stderr
    assert "every table's rows and checksum agree" in moved.stdout
    assert counts_on_server(server_url) == expected
    assert index_definitions(server_url) == indexes and len(indexes) > 30  # set aside while copying, built again
    assert constraint_definitions(server_url) == constraints  # so were the keys and references
    assert sum("FOREIGN KEY" in definition for _table, _name, definition in constraints) > 15
    assert all(expected[name] > 0 for name in ("customer", "contact", "visit", "feedback", "purchase", "tag",
                                                "customer_tag", "import_batch", "import_record", "change_log",
                                                "setting", "gift"))
    assert digest(path) == before
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT count(*) FROM customer WHERE length(name) = 300").fetchone()[0] == 1
        new_id = conn.execute("INSERT INTO salesperson (uuid, created_at, updated_at, updated_by, version, name, "
                              "code, color, email, active, monthly_revenue_target_cents, monthly_visit_target) "
                              "VALUES ('u-new', now(), now(), 'admin', 1, '新人', 'XR', '#000000', '', true, 0, 0) "
                              "RETURNING id").fetchone()[0]
        moved_ids = [row[0] for row in conn.execute("SELECT id FROM salesperson WHERE uuid <> 'u-new'")]
        assert new_id == max(moved_ids) + 1  # new ids go on after the moved ones
        # the planner's statistics and the visibility of what arrived, as the first search needs them
        assert conn.execute("SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('customer', 'contact', "
                            "'kc_customer_search') AND last_analyze IS NOT NULL AND last_vacuum IS NOT NULL"
                            ).fetchone() == (3,)
        # layout 6: customer rows cheaper to change (the list's live indexes only); 7: room in each page, which
        # the moved rows have (half of the customers' pages free: twice the pages of the live rows' bytes)
        assert conn.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'customer' "
                            "AND indexname LIKE 'customer_deleted_at_%'").fetchone() == (0,)
        assert conn.execute("SELECT reloptions FROM pg_class WHERE relname = 'customer'").fetchone() == (
            ["fillfactor=50", "autovacuum_vacuum_scale_factor=0.02"],)
    expected["salesperson"] += 1
    again = run("move-to-server", str(path), server_url)
    assert again.returncode == 5 and "already holds" in again.stderr
    assert counts_on_server(server_url) == expected


def test_an_unprepared_server_is_refused(demo_db, server_url):
    refused = run("move-to-server", str(demo_db), server_url)
    assert refused.returncode == 4 and "server init" in refused.stderr and "Traceback" not in refused.stderr


def test_a_value_the_server_refuses_undoes_the_whole_move(tmp_path, demo_db, server_url):
    path = tmp_path / "odd.db"
    shutil.copyfile(demo_db, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE purchase SET date = 'sometime' WHERE id = (SELECT max(id) FROM purchase)")
    conn.commit()
    conn.close()
    before = digest(path)
    assert run("server", "init", server_url).returncode == 0
    failed = run("move-to-server", str(path), server_url, lang="zh_CN")
    assert failed.returncode == 9 and "purchase" in failed.stderr and "迁移到团队服务器" in failed.stderr
    assert failed.stderr.count("\n") == 1
    assert set(counts_on_server(server_url).values()) == {0}
    assert digest(path) == before


def test_a_file_of_an_older_keepclient_is_refused_untouched(tmp_path, demo_db, server_url):
    path = tmp_path / "old.db"
    shutil.copyfile(demo_db, path)
    conn = sqlite3.connect(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version - 1}")
    conn.close()
    before = digest(path)
    assert run("server", "init", server_url).returncode == 0
    refused = run("move-to-server", str(path), server_url)
    assert refused.returncode == 4 and "older keepclient" in refused.stderr
    assert digest(path) == before and set(counts_on_server(server_url).values()) == {0}


def test_a_table_that_does_not_come_back_as_it_went_in_undoes_the_move(demo_db, server_url):
    """The checks are real: a server that quietly changes a value on the way in (a trigger here) is caught by the
    table's checksum, and nothing stays."""
    assert run("server", "init", server_url).returncode == 0
    with psycopg.connect(server_url) as conn:
        conn.execute("CREATE FUNCTION meddle() RETURNS trigger AS $$ BEGIN NEW.city := 'elsewhere'; RETURN NEW; "
                     "END $$ LANGUAGE plpgsql")
        conn.execute("CREATE TRIGGER meddle BEFORE INSERT ON customer FOR EACH ROW EXECUTE FUNCTION meddle()")
    failed = run("move-to-server", str(demo_db), server_url)
    assert failed.returncode == 9 and "customer" in failed.stderr and "did not come back" in failed.stderr
    chinese = run("move-to-server", str(demo_db), server_url, lang="zh_CN")
    assert chinese.returncode == 9 and "读回的内容与写入的不一致" in chinese.stderr
    assert set(counts_on_server(server_url).values()) == {0}


def test_a_reference_to_a_missing_record_undoes_the_whole_move(tmp_path, demo_db, server_url):
    """References are checked once the rows are in (one pass per reference, as pg_restore does): a visit of a
    customer the file no longer has is still refused, and nothing stays."""
    path = tmp_path / "dangling.db"
    shutil.copyfile(demo_db, path)
    conn = sqlite3.connect(path)  # foreign keys off: as a damaged or hand-edited file could be
    conn.execute("UPDATE visit SET customer_id = 999999 WHERE id = (SELECT min(id) FROM visit)")
    conn.commit()
    conn.close()
    assert run("server", "init", server_url).returncode == 0
    failed = run("move-to-server", str(path), server_url)
    assert failed.returncode == 9 and "visit" in failed.stderr and "Traceback" not in failed.stderr
    assert set(counts_on_server(server_url).values()) == {0}
    assert len(constraint_definitions(server_url)) > 40  # the keys and references set aside are back as well


def test_the_quick_checksum_agrees_for_what_keepclient_writes(tmp_path, demo_db, server_url, monkeypatch):
    """Rows as keepclient writes them (moments with and without microseconds, days, truths, decimals, fractions)
    are verified by the quick checksum alone: the slower value-by-value comparison is never needed."""
    from keepclient.db import server, server_move

    path = a_team_with_everything(tmp_path, demo_db)
    server.prepare(server_url, "test")

    def never(*_args):
        raise AssertionError("the quick checksum disagreed")

    monkeypatch.setattr(server_move, "_checksum", never)
    moved = server_move.move_to_server(path, server_url)
    assert {t.table: t.rows for t in moved} == counts_in_file(path)


def test_values_the_file_stores_in_other_ways_are_compared_as_keepclient_reads_them(tmp_path, demo_db,
                                                                                     server_url, monkeypatch):
    """Moments written with a T and a day written as a moment: the server stores the same values in its own way, so
    the quick checksum of those tables differs, and the value-by-value comparison accepts them."""
    from keepclient.db import server, server_move

    path = tmp_path / "odd.db"
    shutil.copyfile(demo_db, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE visit SET planned_start = replace(planned_start, ' ', 'T') WHERE id IN "
                 "(SELECT id FROM visit LIMIT 5)")
    conn.execute("UPDATE purchase SET date = date || ' 00:00:00' WHERE id = (SELECT min(id) FROM purchase)")
    conn.commit()
    conn.close()
    server.prepare(server_url, "test")
    compared: list[str] = []
    exact = server_move._checksum

    def spied(model, rows):
        compared.append(model._meta.table_name)
        return exact(model, rows)

    monkeypatch.setattr(server_move, "_checksum", spied)
    moved = server_move.move_to_server(path, server_url)
    assert compared == ["customer", "visit", "purchase"]  # the file's trigger copied a moment to last_done_at
    assert {t.table: t.rows for t in moved} == counts_in_file(path)
    with psycopg.connect(server_url) as server_conn:
        assert server_conn.execute("SELECT min(planned_start) FROM visit").fetchone()[0].year > 2000
