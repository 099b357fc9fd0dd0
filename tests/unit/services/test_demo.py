"""Demo data: realistic, complete, and all-or-nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keepclient.domain.errors import CancelledError, DatabaseNotEmptyError
from keepclient.domain.normalize import has_han
from keepclient.services.workspace import Workspace
from tests.conftest import DEMO_TODAY


def _scalar(ws: Workspace, sql: str):
    return ws.db.pw.execute_sql(sql).fetchone()[0]


def test_demo_has_every_kind_of_record(workspace: Workspace):
    report = workspace.check()
    assert report.ok
    counts = report.counts
    assert counts["customer"] == 300 and counts["salesperson"] >= 3
    assert counts["contact"] > 300 and counts["visit"] > 600 and counts["purchase"] > 300 and counts["feedback"] > 10
    names = [r[0] for r in workspace.db.pw.execute_sql("SELECT name FROM customer").fetchall()]
    chinese = sum(has_han(n) for n in names)
    assert 0.6 * len(names) < chinese < len(names)  # mostly Chinese, some English


def test_demo_covers_a_past_year_and_the_coming_four_weeks(workspace: Workspace):
    first = _scalar(workspace, "SELECT min(planned_start) FROM visit WHERE status != 'planned'")
    last_done = _scalar(workspace, "SELECT max(planned_start) FROM visit WHERE status = 'done'")
    assert dt.datetime.fromisoformat(first).date() <= DEMO_TODAY - dt.timedelta(days=300)
    assert dt.datetime.fromisoformat(last_done).date() <= DEMO_TODAY
    planned = workspace.db.pw.execute_sql("SELECT planned_start FROM visit WHERE status = 'planned'").fetchall()
    days = {dt.datetime.fromisoformat(p).date() for (p,) in planned}
    assert planned and min(days) >= DEMO_TODAY and max(days) <= DEMO_TODAY + dt.timedelta(days=34)
    assert all(d.weekday() < 5 for d in days)
    assert _scalar(workspace, "SELECT count(*) FROM feedback WHERE status != 'closed'") > 0
    assert _scalar(workspace, "SELECT count(*) FROM customer WHERE name_initials != ''") > 150


def test_demo_refuses_a_database_with_customers(workspace: Workspace):
    with pytest.raises(DatabaseNotEmptyError):
        workspace.generate_demo(10)


def test_cancelled_demo_writes_nothing(tmp_path: Path):
    ws = Workspace.open(tmp_path / "c.db")
    seen: list[int] = []
    with pytest.raises(CancelledError):
        ws.generate_demo(5000, progress=lambda done, total: seen.append(done), is_cancelled=lambda: len(seen) >= 1)
    assert seen == [2000]
    assert ws.check().counts["customer"] == 0 and ws.check().counts["salesperson"] == 0
    ws.close()


def test_demo_is_repeatable(tmp_path: Path):
    names = []
    for n in range(2):
        ws = Workspace.open(tmp_path / f"r{n}.db")
        ws.generate_demo(50)
        names.append(ws.db.pw.execute_sql("SELECT name, tier FROM customer ORDER BY id").fetchall())
        ws.close()
    assert names[0] == names[1]


# -- a first look: the demo of a real small team, as of the day it is generated ---------------------------------


@pytest.fixture(scope="module", params=[dt.date(2027, 3, 1), dt.date(2028, 12, 31)], ids=str)
def team_demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """2,000 customers generated on an injected day (a Monday, and a Sunday at the turn of a year): the rules must
    hold whatever day the demo is made on."""
    from keepclient.services.demo import generate_demo

    today: dt.date = request.param
    ws = Workspace.open(tmp_path_factory.mktemp("team") / "team.db", shared=False, user="tester")
    generate_demo(ws.db, customers=2000, today=today)
    yield ws, today
    ws.close()


def _rows(ws: Workspace, sql: str, *params) -> list[tuple]:
    return ws.db.pw.execute_sql(sql, params).fetchall()


def test_demo_has_a_believable_share_of_overdue_follow_ups(team_demo):
    ws, today = team_demo
    total, overdue, oldest = _rows(
        ws, "SELECT count(*), sum(next_follow_up < ?), min(next_follow_up) FROM customer", today.isoformat())[0]
    assert total == 2000
    assert 0.10 <= overdue / total <= 0.20
    assert dt.date.fromisoformat(oldest) >= today - dt.timedelta(days=45)  # overdue by weeks, not years


def test_demo_has_nothing_before_the_customer_existed(team_demo):
    ws, _today = team_demo
    for table, column in (("visit", "planned_start"), ("feedback", "received_at"), ("purchase", "date"),
                          ("contact", "created_at"), ("visit", "created_at"), ("feedback", "created_at")):
        early = _rows(ws, f"SELECT count(*) FROM {table} x JOIN customer c ON c.id = x.customer_id "
                          f"WHERE date(x.{column}) < date(c.created_at)")[0][0]
        assert early == 0, (table, column)
    # and on the customer's first day, nothing before the moment it was added
    assert _rows(ws, "SELECT count(*) FROM visit v JOIN customer c ON c.id = v.customer_id "
                     "WHERE v.planned_start < c.created_at")[0][0] == 0
    assert _rows(ws, "SELECT count(*) FROM customer WHERE last_contact < date(created_at)")[0][0] == 0


def test_demo_salespeople_have_at_most_eight_visits_a_working_day(team_demo):
    ws, _today = team_demo
    busiest = _rows(ws, "SELECT max(n) FROM (SELECT count(*) AS n FROM visit "
                        "GROUP BY salesperson_id, date(planned_start))")[0][0]
    assert 1 <= busiest <= 8
    weekend = _rows(ws, "SELECT count(*) FROM visit WHERE strftime('%w', planned_start) IN ('0', '6')")[0][0]
    assert weekend == 0


def test_demo_past_is_past_and_ages_are_never_negative(team_demo):
    ws, today = team_demo
    midnight = f"{today.isoformat()} 00:00:00"
    assert _rows(ws, "SELECT count(*) FROM visit WHERE status != 'planned' AND planned_start >= ?", midnight)[0][0] == 0
    assert _rows(ws, "SELECT count(*) FROM visit WHERE status = 'planned' AND planned_start < ?", midnight)[0][0] == 0
    for column in ("received_at", "first_response_at", "resolved_at", "replied_at", "closed_at"):
        assert _rows(ws, f"SELECT count(*) FROM feedback WHERE {column} >= ?", midnight)[0][0] == 0, column
    assert _rows(ws, "SELECT count(*) FROM purchase WHERE date > ?", today.isoformat())[0][0] == 0
    open_items = _rows(ws, "SELECT count(*) FROM feedback WHERE status != 'closed'")[0][0]
    assert open_items > 0  # the report still has open items to age
    # the customer's last contact is its latest done visit, when it has one
    later = _rows(ws, "SELECT count(*) FROM visit v JOIN customer c ON c.id = v.customer_id "
                      "WHERE v.status = 'done' AND date(v.planned_start) > c.last_contact")[0][0]
    assert later == 0


def test_demo_speaks_one_language_per_customer(team_demo):
    ws, _today = team_demo
    texts = _rows(ws, """
        SELECT customer_id, purpose FROM visit UNION ALL SELECT customer_id, outcome FROM visit
        UNION ALL SELECT customer_id, description FROM feedback UNION ALL SELECT customer_id, resolution FROM feedback
        UNION ALL SELECT customer_id, product FROM purchase UNION ALL SELECT customer_id, notes FROM purchase
        UNION ALL SELECT customer_id, title FROM contact UNION ALL SELECT id, source FROM customer""")
    languages: dict[int, set[bool]] = {}
    for customer_id, text in texts:
        if text:
            languages.setdefault(customer_id, set()).add(has_han(text))
    mixed = [cid for cid, found in languages.items() if len(found) > 1]
    assert not mixed, mixed[:5]
    assert {True, False} <= {next(iter(found)) for found in languages.values()}  # both languages in the team


def test_demo_is_the_same_for_a_seed_and_a_day(tmp_path: Path):
    from keepclient.services.demo import generate_demo

    dumps = []
    for n in range(2):
        ws = Workspace.open(tmp_path / f"s{n}.db", shared=False, user="tester")
        generate_demo(ws.db, customers=300, today=dt.date(2027, 2, 28))
        dumps.append([_rows(ws, f"SELECT * FROM {table} ORDER BY id")
                      for table in ("customer", "contact", "visit", "feedback", "purchase")])
        ws.close()
    strip = [[[tuple(v for v in row if not (isinstance(v, str) and len(v) == 36 and v.count("-") == 4))
               for row in table] for table in dump] for dump in dumps]  # the rows' uuids are random
    assert strip[0] == strip[1]


def test_the_demo_on_a_team_server_is_the_demo_of_a_file(server_url: str, tmp_path: Path):
    """The same generator through the same services on both engines (issue 19): a seed and a day give the same
    rows on a server as in a file, with the figures the file's triggers and the server's keep, and a cancelled
    demo writes nothing there either."""
    from keepclient.db.models import ALL_MODELS
    from keepclient.db.server import prepare
    from keepclient.services.demo import generate_demo
    from tests import plain_sql

    url = server_url
    prepare(url, "test")
    server = Workspace.open(url, user="tester")
    try:
        generate_demo(server.db, customers=300, today=dt.date(2027, 2, 28))
        assert server.check().ok
    finally:
        server.close()
    file = Workspace.open(tmp_path / "demo.db", shared=False, user="tester")
    generate_demo(file.db, customers=300, today=dt.date(2027, 2, 28))
    file.close()
    models = {m._meta.table_name: m for m in ALL_MODELS}
    dumps = []
    for source in (tmp_path / "demo.db", url):
        conn = plain_sql.connect(source)
        try:
            dump = {}
            for table in ("salesperson", "customer", "contact", "visit", "feedback", "purchase", "visit_month",
                          "customer_month"):
                columns = ([f.column_name for f in models[table]._meta.sorted_fields if f.column_name != "uuid"]
                           if table in models else ["*"])
                order = "id" if table in models else "1, 2"
                dump[table] = [tuple(row) for row in conn.execute(
                    f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY {order}')]
            dumps.append(dump)
        finally:
            conn.close()
    for table, rows in dumps[0].items():
        assert rows == dumps[1][table], table
    assert len(dumps[0]["customer"]) == 300 and dumps[0]["visit_month"] and dumps[0]["customer_month"]
    server = Workspace.open(url, user="tester")
    try:
        counts = server.check().counts
        with pytest.raises(CancelledError):
            generate_demo(server.db, customers=2500, today=dt.date(2027, 2, 28), append=True,
                          is_cancelled=lambda: True)
        assert server.check().counts == counts
    finally:
        server.close()
