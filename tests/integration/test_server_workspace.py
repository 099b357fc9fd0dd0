"""A team server opened as the workspace (issue 19): `keepclient --db postgresql://…` runs the same commands over
the same services as a file, finds the same customers, hears colleagues' saves through LISTEN/NOTIFY, and refuses
what only a file has (backups) or a server it was not prepared for, in one line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from keepclient import __version__
from keepclient.db import server
from keepclient.db.models import ALL_MODELS, Customer, SchemaInfo, Setting
from keepclient.db.server_database import open_server
from keepclient.db.server_move import move_to_server
from keepclient.services.workspace import Workspace

QUERIES = ("李", "王建", "zh", "zw", "13", "139", "华信", "公司", "li", "有限公司", "s0", "x")


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "keepclient", "--lang", lang, *args], capture_output=True,
                          text=True, timeout=180, env=env)


@pytest.fixture
def moved(demo_db: Path, server_url: str) -> tuple[Path, str]:
    """The demo team in its file and, moved, on a prepared server."""
    server.prepare(server_url, __version__)
    move_to_server(demo_db, server_url)
    return demo_db, server_url


def test_the_server_finds_what_the_file_finds(moved):
    """Search, counts and lists over the same data give the same answers on both engines: ranked hits (with the
    contact that matched), the list's pages in several sorts, and the filters."""
    from keepclient.domain.types import CustomerFilter

    path, url = moved
    on_file, on_server = Workspace.open(path, user="t"), Workspace.open(url, user="t")
    try:
        for query in QUERIES:
            assert on_server.search(query, 50) == on_file.search(query, 50), query
        filters = [CustomerFilter(text=query) for query in QUERIES] + [
            CustomerFilter(sort="tier", descending=True), CustomerFilter(sort="city"), CustomerFilter(tiers=("A",)),
            CustomerFilter(owner_id=2, text="公司"), CustomerFilter(sort="risk", descending=True),
            CustomerFilter(ids=(5, 7, 11, 300)), CustomerFilter(sort="ltv", descending=True)]
        for flt in filters:
            assert on_server.customers.count(flt) == on_file.customers.count(flt), flt
            assert on_server.customers.rows(0, 60, flt) == on_file.customers.rows(0, 60, flt), flt
        first = on_file.customers.rows(0, 1)[0].id
        assert on_server.customers.detail(first) == on_file.customers.detail(first)
    finally:
        on_file.close()
        on_server.close()


def test_an_edit_on_the_server_is_version_checked_logged_and_found(moved):
    from keepclient.domain.errors import ConflictError
    from keepclient.domain.types import CustomerFilter

    _path, url = moved
    mine, theirs = Workspace.open(url, user="王芳"), Workspace.open(url, user="李强")
    try:
        cid = mine.customers.rows(0, 1, CustomerFilter(sort="city"))[0].id
        version = mine.customers.detail(cid).version
        mine.editor.update(cid, version, {"name": "Qüvrix Technik AG", "phone": "0755-9090 7171"})
        with pytest.raises(ConflictError):  # the colleague's save from the same version is refused, not lost
            theirs.editor.update(cid, version, {"city": "杭州"})
        assert [hit.id for hit in theirs.search("quvrix")] == [cid]
        assert [hit.id for hit in theirs.search("90907171")] == [cid]
        detail = theirs.customers.detail(cid)
        assert detail.values["name"] == "Qüvrix Technik AG" and detail.version == version + 1
        assert any(entry.kind == "change" and entry.subkind == "name" for entry in detail.timeline)
        with psycopg.connect(url) as conn:
            assert ("王芳", "name") in conn.execute(
                "SELECT changed_by, field FROM change_log WHERE table_name = 'customer' AND record_id = %s",
                [cid]).fetchall()
        new = theirs.editor.create("青岛瀚淏物流", phone="0532-6666 1234", city="青岛")
        assert [hit.id for hit in mine.search("瀚淏")] == [new]
        assert [hit.id for hit in mine.search("hanhao")] == [new]
    finally:
        mine.close()
        theirs.close()


def test_a_colleagues_save_is_heard_without_polling_the_tables(server_url):
    server.prepare(server_url, __version__)
    watching, saving = open_server(server_url), open_server(server_url)
    try:
        heard = watching.data_version()
        assert watching.data_version() == heard  # nothing saved: nothing heard
        with saving.write():
            Setting.insert(key="probe", value="1").execute()
        for _ in range(50):  # delivered at the commit; a few milliseconds on this machine
            if watching.data_version() != heard:
                break
            time.sleep(0.02)
        assert watching.data_version() == heard + 1
        with pytest.raises(RuntimeError), saving.write():  # a save that fails tells no one
            Setting.insert(key="undone", value="1").execute()
            raise RuntimeError("undone")
        assert watching.data_version() == heard + 1
    finally:
        watching.close()
        saving.close()


def test_the_commands_run_on_a_server_as_on_a_file(moved):
    path, url = moved
    for args in (("search", "华信"), ("team", "list"), ("search", "zw")):
        on_server, on_file = run("--db", url, *args), run("--db", str(path), *args)
        assert on_server.returncode == 0, on_server.stderr
        assert on_server.stdout == on_file.stdout and on_server.stdout
    checked = run("--db", url, "check")
    assert checked.returncode == 0 and "customer" in checked.stdout
    with sqlite3.connect(path) as conn:
        customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    assert f"customer {customers}".replace(" ", "") in checked.stdout.replace(" ", "")


def test_exports_reports_and_printing_on_a_server_are_the_files(moved, tmp_path):
    """The same exporters, reports and printing on both engines (issue 19): what each writes or prints from the
    server is what it writes from the file (PDFs compared by their text)."""
    import shutil

    path, url = moved
    outputs: dict[str, list[str]] = {}
    for place, where in (("file", str(path)), ("server", url)):
        folder = tmp_path / place
        folder.mkdir()
        texts = outputs[place] = []
        for args in (("export", str(folder / "customers.csv")), ("export", str(folder / "customers.json")),
                     ("kpi-report", "--from", "2025-01-01", "--to", "2025-12-31", "--json"),
                     ("tiers",), ("at-risk",), ("export-ics", str(folder / "visits.ics")),
                     ("print-customers", "--pdf", str(folder / "customers.pdf"), "--search", "公司"),
                     ("feedback-report", "--pdf", str(folder / "feedback.pdf"))):
            done = run("--db", where, *args)
            assert done.returncode == 0, (args, done.stderr)
            texts.append(done.stdout.replace(str(folder), "<folder>"))
        for name in ("customers.csv", "customers.json", "visits.ics"):
            texts.append(_without_moments((folder / name).read_text(encoding="utf-8-sig")))
        if shutil.which("pdftotext"):
            for name in ("customers.pdf", "feedback.pdf"):
                shown = subprocess.run(["pdftotext", "-layout", str(folder / name), "-"], capture_output=True,
                                       text=True, check=True).stdout
                texts.append(_without_moments(shown))
    assert outputs["server"] == outputs["file"]
    assert any("张" in text for text in outputs["server"])


def _without_moments(text: str) -> str:
    """Output without the moment it was made (exports and printouts name it), and a calendar without its name
    (the file's name, the server's label)."""
    import re

    text = text.replace("\r\n", "\n").replace("\n ", "")  # a calendar's folded lines unfolded
    text = re.sub(r"^(DTSTAMP|NAME|X-WR-CALNAME):.*$", r"\1:", text, flags=re.M)
    text = re.sub(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?", "<moment>", text)
    return re.sub(r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}", "<moment>", text)


def test_backups_of_a_server_are_the_servers_own(moved):
    _path, url = moved
    for args in (("backups",), ("backup",)):
        refused = run("--db", url, *args)
        assert refused.returncode == 2 and "pg_dump" in refused.stderr and "Traceback" not in refused.stderr
    chinese = run("--db", url, "backup", lang="zh_CN")
    assert chinese.returncode == 2 and "团队服务器" in chinese.stderr


def test_a_server_not_prepared_for_this_version_is_refused_in_one_line(server_url, tmp_path):
    unprepared = run("--db", server_url, "search", "x")
    assert unprepared.returncode == 4 and "server init" in unprepared.stderr and "Traceback" not in unprepared.stderr
    server.prepare(server_url, __version__)
    with psycopg.connect(server_url) as conn:
        conn.execute("UPDATE schema_info SET schema_version = schema_version + 1000")
    newer = run("--db", server_url, "team", "list")
    assert newer.returncode == 4 and "newer keepclient" in newer.stderr
    Workspace.open(tmp_path / "crm.db", user="t").close()
    for args in (("server", "users", server_url), ("move-to-server", str(tmp_path / "crm.db"), server_url)):
        said = run(*args)  # every way in says why, in the same words (db/server.ensure_this_version)
        assert said.returncode == 4 and "newer keepclient" in said.stderr, (args, said.stderr)
    unreachable = run("--db", "postgresql://u:secret@127.0.0.1:1/crm", "team", "list")
    assert unreachable.returncode == 11 and "secret" not in unreachable.stderr


def test_a_server_of_the_second_layout_gets_search_for_the_customers_it_holds(server_url):
    """An upgrade to layout 3 writes every customer's search document and keeps the row policies (set aside while
    the text columns become byte-ordered)."""
    pw = server.connect(server_url)
    try:
        with pw.atomic():
            server.LAYOUTS[1](pw)
            server.LAYOUTS[2](pw)
            with pw.bind_ctx(ALL_MODELS, bind_refs=False, bind_backrefs=False):
                SchemaInfo.create(schema_version=2000 + server.migrations.LATEST, app_version="0.old")
                Customer.create(name="上海华信贸易有限公司", name_norm="上海华信贸易有限公司",
                                name_pinyin="shanghaihuaxinmaoyiyouxiangongsi", name_initials="shhxmyyxgs",
                                sort_key="shanghai")
    finally:
        pw.close()
    with psycopg.connect(server_url) as conn:
        written = conn.execute("SELECT pg_relation_filenode('customer')").fetchone()
    upgraded = run("server", "init", server_url)
    assert upgraded.returncode == 0 and f"from layout 2 to layout {server.SERVER_LAYOUT}" in upgraded.stdout
    with psycopg.connect(server_url) as conn:  # layout 7: the customers rewritten with room in their pages
        assert conn.execute("SELECT pg_relation_filenode('customer')").fetchone() != written
        options = conn.execute("SELECT reloptions FROM pg_class WHERE relname = 'customer'").fetchone()[0]
        assert "fillfactor=50" in options
        assert conn.execute("SELECT attstattarget FROM pg_attribute WHERE attrelid = 'kc_customer_search'::regclass "
                            "AND attname = 'doc'").fetchone() == (1000,)  # layout 8: finer statistics, sampled
        assert conn.execute("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                            "WHERE relname = 'kc_customer_search'").fetchone() == (True,)
    found = run("--db", server_url, "search", "华信")
    assert found.returncode == 0 and "上海华信贸易有限公司" in found.stdout
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_policies WHERE policyname = 'kc_visible'").fetchone()[0] == 11
        assert conn.execute("SELECT collation_name FROM information_schema.columns WHERE table_name = 'customer' "
                            "AND column_name = 'sort_key'").fetchone() == ("C",)


def _figures(conn, customers: list[int]) -> tuple[list, list, list]:
    """visit_month, the customers' order months and their last done visits, comparable across engines."""
    marks = ", ".join(str(int(c)) for c in customers)
    months = conn.execute("SELECT salesperson_id, month, planned, done, missed, cancelled, score_total, score_count "
                          "FROM visit_month WHERE planned <> 0 ORDER BY month, salesperson_id").fetchall()
    orders = conn.execute("SELECT month, salesperson_id, customer_id, revenue_cents, orders, shared FROM "
                          f"customer_month WHERE customer_id IN ({marks}) ORDER BY 1, 2, 3").fetchall()
    done = conn.execute(f"SELECT id, last_done_at FROM customer WHERE id IN ({marks}) ORDER BY id").fetchall()
    return ([tuple(r) for r in months], [tuple(r) for r in orders],
            [(cid, str(at)[:19] if at else None) for cid, at in done])


def test_the_figures_a_file_keeps_by_itself_are_kept_alike_on_the_server(moved):
    """Visits counted by month, each customer's last done visit, and order months: moved as the file holds them,
    and kept alike when the same visits and orders are logged on both engines."""
    import datetime as dt

    path, url = moved
    workspaces = [Workspace.open(path, user="t"), Workspace.open(url, user="t")]
    customers = [5, 17, 42]
    try:
        for ws in workspaces:
            for n, cid in enumerate(customers):
                planned = ws.visits.plan(cid, start=dt.datetime(2026, 10, 5 + n, 9, 30))
                visit = ws.visits.get(planned[0])
                ws.visits.log_outcome(visit.id, version=visit.version, status="done", satisfaction=4)
                ws.orders.add(cid, date=dt.date(2026, 10, 6), amount_cents=12_345, order_no=f"SO-{n}",
                              today=dt.date(2026, 11, 23))
            gone = ws.visits.get(ws.visits.plan(customers[0], start=dt.datetime(2026, 9, 1, 8))[0])
            ws.visits.log_outcome(gone.id, version=gone.version, status="missed")
        with sqlite3.connect(path) as file, psycopg.connect(url) as server_conn:
            assert _figures(server_conn, customers) == _figures(file, customers)
    finally:
        for ws in workspaces:
            ws.close()


def test_an_import_and_its_undo_run_on_a_server_as_on_a_file(moved, tmp_path):
    """The same importer on both engines (issue 19): the command's report, the customers it makes and finds, and
    undo-import, which leaves the server as it was."""
    path, url = moved
    sheet = tmp_path / "list.csv"
    sheet.write_text("公司名称,联系人,手机,客户等级,标签\n新客户一,赵磊,13812345678,A,展会\n新客户二,,,B,\n"
                     "上海华信贸易有限公司,钱进,13900001111,A,VIP\n", encoding="utf-8")
    with psycopg.connect(url) as conn:
        before = conn.execute("SELECT count(*), max(id) FROM customer").fetchone()
    on_server, on_file = (run("--db", where, "import", str(sheet), "--yes") for where in (url, str(path)))
    assert on_server.returncode == 0, on_server.stderr
    assert on_server.stdout == on_file.stdout and "undo-import 1" in on_server.stdout
    for term in ("xinkehuyi", "赵磊", "13812345678", "xkhy"):
        found = [run("--db", where, "search", term) for where in (url, str(path))]
        assert found[0].stdout == found[1].stdout and "新客户一" in found[0].stdout, term
    with psycopg.connect(url) as conn:  # the ids after the team's, one run of them (undo names the range)
        count, first, last = conn.execute("SELECT count(*), min(id), max(id) FROM customer WHERE id > %s",
                                          (before[1],)).fetchone()
    assert count >= 2 and (first, last) == (before[1] + 1, before[1] + count)
    chinese = run("--db", url, "undo-import", "1", lang="zh_CN")
    assert chinese.returncode == 0, chinese.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*), max(id) FROM customer").fetchone() == before
        assert conn.execute("SELECT count(*) FROM tag WHERE name = '展会'").fetchone() == (0,)
        assert conn.execute("SELECT undone_at IS NOT NULL FROM import_batch").fetchall() == [(True,)]
    assert "新客户一" not in run("--db", url, "search", "xinkehuyi").stdout


def test_demo_data_goes_onto_a_server_through_the_same_command(moved):
    _path, url = moved
    with psycopg.connect(url) as conn:
        (before,) = conn.execute("SELECT count(*) FROM customer").fetchone()
    added = run("--db", url, "demo", "--customers", "5", "--append", lang="zh_CN")
    assert added.returncode == 0, added.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone() == (before + 5,)
        assert conn.execute("SELECT count(*) FROM kc_customer_search").fetchone() == (before + 5,)


def test_a_server_lost_while_open_is_said_on_every_thread(server_url):
    """A thread's first query opens its own connection: when the server is gone by then, that too is the typed
    error the window shows in one line, not the driver's."""
    import threading

    from keepclient.domain.errors import ServerUnavailableError

    server.prepare(server_url, __version__)
    ws = Workspace.open(server_url, user="t")
    try:
        database = server_url.split("?")[0].rsplit("/", 1)[1]
        with psycopg.connect(server_url.replace(f"/{database}?", "/postgres?"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
        seen: list[BaseException] = []

        def count() -> None:
            try:
                ws.customers.count()
            except BaseException as exc:  # what the thread saw is the test's result
                seen.append(exc)

        worker = threading.Thread(target=count)
        worker.start()
        worker.join()
        assert len(seen) == 1 and isinstance(seen[0], ServerUnavailableError), seen
        with pytest.raises(ServerUnavailableError):
            ws.customers.count()
    finally:
        ws.close()
