"""The KPIs' fast path (stored month figures, partial indexes, retention from first and last orders) against a plain
SQL recount over the raw rows, on a generated team history: order lines with and without a salesperson (some of
one order), orders across months, lines trashed and edited through the service, a hand-over, trashed customers."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from keepclient.db import order_values
from keepclient.services.workspace import Workspace

TODAY = dt.date(2027, 12, 20)

# The recount: every figure straight from the rows, one GROUP BY each (what the service counted before schema 14).
RECOUNT_ORDERS = """
SELECT coalesce(p.salesperson_id, (SELECT c.owner_id FROM customer c WHERE c.id = p.customer_id), 0),
       substr(p.date, 1, 7), sum(p.amount_cents),
       count(DISTINCT p.customer_id || CASE WHEN p.order_key != '' THEN ':' || p.order_key ELSE '/' || p.date END)
FROM purchase p NOT INDEXED
WHERE p.deleted_at IS NULL AND p.date >= :start AND p.date <= :end
GROUP BY 1, 2
"""
RECOUNT_RETENTION = """
SELECT coalesce(c.owner_id, 0), count(*), sum(x.again)
FROM (SELECT p.customer_id AS id, max(p.date >= :start) AS again, max(p.date < :start) AS before
      FROM purchase p NOT INDEXED
      WHERE p.deleted_at IS NULL AND p.date >= :previous AND p.date <= :end
      GROUP BY p.customer_id) x
JOIN customer c ON c.id = x.id
WHERE x.before AND c.deleted_at IS NULL
GROUP BY 1
"""
RECOUNT_VISITS = """
SELECT coalesce(v.salesperson_id, 0), count(*), sum(v.status = 'done'), sum(v.status = 'missed')
FROM visit v NOT INDEXED
WHERE v.deleted_at IS NULL AND v.planned_start >= :start AND v.planned_start < :after
GROUP BY 1
"""
RECOUNT_VISITS_DONE_MONTHLY = """
SELECT coalesce(v.salesperson_id, 0), substr(v.planned_start, 1, 7), count(*)
FROM visit v NOT INDEXED
WHERE v.deleted_at IS NULL AND v.status = 'done' AND v.planned_start >= :start AND v.planned_start < :after
GROUP BY 1, 2
"""
RECOUNT_COVERAGE = """
SELECT coalesce(c.owner_id, 0), count(*),
       sum(EXISTS (SELECT 1 FROM visit v NOT INDEXED WHERE v.customer_id = c.id AND v.deleted_at IS NULL
                   AND v.status = 'done' AND v.planned_start >= :start AND v.planned_start < :after))
FROM customer c WHERE c.deleted_at IS NULL AND c.tier = 'A' AND date(c.created_at) <= :end
GROUP BY 1
"""


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("recount") / "history.db"
    rng = random.Random(16)
    ws = Workspace.open(path, user="gen")
    people = [ws.team.add(name) for name in ("李娜", "王强", "赵六", "Anna Weber")]
    customers = [ws.editor.create(f"客户{n}", owner=rng.choice([*people, None]), tier=rng.choice("AABC"))
                 for n in range(40)]
    first = dt.date(2025, 11, 1)  # lines and visits over 780 days from here
    with ws.db.write() as pw:
        rows = []
        for n in range(900):
            cid = rng.choice(customers)
            day = first + dt.timedelta(days=rng.randrange(780))
            key = rng.choice(["", "", f"so-{rng.randrange(60)}"])
            for _line in range(rng.choice([1, 1, 2, 3])):  # an order's lines: mixed salespeople, some on other days
                sid = rng.choice([*people, None, None])
                when = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 20])) if key else day
                rows.append((f"g{n}-{_line}-{rng.random()}", cid, when.isoformat(), key, rng.randrange(100, 90_000),
                             sid, "2027-01-01 00:00:00" if rng.random() < 0.03 else None))
        pw.execute_sql("PRAGMA defer_foreign_keys = ON")
        for row in rows:
            pw.execute_sql(
                "INSERT INTO purchase (uuid, created_at, updated_at, updated_by, version, customer_id, date, "
                "order_no, product, quantity, amount_cents, salesperson_id, notes, order_key, deleted_at) "
                "VALUES (?, '2027-01-01', '2027-01-01', 'gen', 1, ?, ?, '', '', 1, ?, ?, '', ?, ?)",
                [row[0], row[1], row[2], row[4], row[5], row[3], row[6]])
        order_values.refresh(pw, customers, TODAY)  # as an import does
        for n in range(300):
            day = dt.datetime.combine(first, dt.time(8)) + dt.timedelta(days=rng.randrange(780),
                                                                  hours=rng.randrange(10))
            pw.execute_sql(
                "INSERT INTO visit (uuid, created_at, updated_at, updated_by, version, customer_id, salesperson_id, "
                "planned_start, duration_minutes, kind, purpose, location, status, outcome, satisfaction, "
                "deleted_at) VALUES (?, '2027-01-01', '2027-01-01', 'gen', 1, ?, ?, ?, 60, 'visit', '', '', ?, '', "
                "?, ?)", [f"v{n}", rng.choice(customers), rng.choice([*people, None]), day.isoformat(" "),
                          rng.choice(["done", "done", "planned", "missed", "cancelled"]), rng.choice([None, 3, 5]),
                          "2027-01-01 00:00:00" if rng.random() < 0.05 else None])
        pw.execute_sql("UPDATE customer SET created_at = '2025-06-01 09:00:00'")
    # Through the services: new lines of one order with and without a salesperson, edits, trash, a hand-over.
    o = ws.orders
    for n in range(30):
        cid = rng.choice(customers)
        day = first + dt.timedelta(days=rng.randrange(780))
        line = o.add(cid, date=day, amount_cents=rng.randrange(100, 5000), order_no=f"mix-{n}", today=TODAY)
        other = o.add(cid, date=day, amount_cents=rng.randrange(100, 5000), order_no=f"mix-{n}",
                      salesperson_id=rng.choice(people), today=TODAY)
        o.update(other.id, other.version, {"salesperson_id": None}, today=TODAY)
        if n % 5 == 0:
            o.delete(line.id, line.version, today=TODAY)
        if n % 7 == 0:
            o.update(line.id, o.get(line.id).version, {"date": day + dt.timedelta(days=40)}, today=TODAY)
    ws.team.handover(people[0], [people[1]], customers[:5])
    ws.editor.set_deleted(customers[-3:], True)
    yield ws, people
    ws.close()


PERIODS = [
    (dt.date(2027, 1, 1), dt.date(2027, 12, 31)),  # whole months only
    (dt.date(2026, 12, 7), dt.date(2027, 12, 6)),  # a year with edge days at both ends
    (dt.date(2027, 3, 5), dt.date(2027, 3, 28)),  # no whole month
    (dt.date(2027, 2, 1), dt.date(2027, 2, 28)),  # one whole month
    (dt.date(2026, 2, 15), dt.date(2027, 11, 30)),  # long, previous period before the first order
    (dt.date(2025, 1, 1), dt.date(2025, 6, 30)),  # before anything
]


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_the_kpis_equal_a_plain_sql_recount(history, start: dt.date, end: dt.date):
    from keepclient.domain import kpis

    ws, people = history
    report = ws.kpis.report(start, end, today=TODAY)
    previous = kpis.previous_period(start, end)[0]
    params = {"start": start.isoformat(), "end": end.isoformat(), "previous": previous.isoformat(),
              "after": (end + dt.timedelta(days=1)).isoformat()}
    with ws.db.session() as pw:
        def run(sql: str) -> list[tuple]:
            return list(pw.execute_sql(sql, {k: v for k, v in params.items() if f":{k}" in sql}))
        orders = run(RECOUNT_ORDERS)
        retention = {row[0]: row[1:] for row in run(RECOUNT_RETENTION)}
        visits = {row[0]: row[1:] for row in run(RECOUNT_VISITS)}
        done_monthly = {(sid, month): n for sid, month, n in run(RECOUNT_VISITS_DONE_MONTHLY)}
        coverage = {row[0]: row[1:] for row in run(RECOUNT_COVERAGE)}
    revenue: dict[int, int] = {}
    count: dict[int, int] = {}
    monthly: dict[tuple[int, str], int] = {}
    for sid, month, amount, n in orders:
        revenue[sid] = revenue.get(sid, 0) + amount
        count[sid] = count.get(sid, 0) + n
        monthly[sid, month] = amount
    rows = {row.salesperson_id: row for row in report.rows}
    assert set(rows) >= set(people)
    for sid, row in rows.items():
        assert row.figures["revenue"].value == revenue.get(sid, 0), sid
        aov = row.figures["average_order_value"]
        assert (aov.numerator, aov.denominator) == (revenue.get(sid, 0), count.get(sid, 0)), sid
        before, again = retention.get(sid, (0, 0))
        share = row.figures["retention"]
        assert (share.numerator, share.denominator) == (again, before), sid
        planned, done, missed = visits.get(sid, (0, 0, 0))
        assert [row.figures[key].value for key in ("visits_planned", "visits_done", "visits_missed")] == [
            planned, done, missed], sid
        a_customers, a_visited = coverage.get(sid, (0, 0))
        cover = row.figures["a_coverage"]
        assert (cover.numerator, cover.denominator) == (a_visited, a_customers), sid
    followed, known = _recount_follow_up(ws, end)
    for sid, row in rows.items():
        share = row.figures["follow_up_on_time"]
        assert (share.numerator, share.denominator) == (followed.get(sid, 0), known.get(sid, 0)), sid
    assert report.total.figures["revenue"].value == sum(revenue.values())
    assert report.total.figures["visits_planned"].value == sum(planned for planned, _d, _m in visits.values())
    assert 0 in visits or not visits  # the whole team's total includes the visits without a salesperson
    assert {(f.salesperson_id, f.month): f.visits_done for f in report.monthly if f.visits_done} == {
        key: n for key, n in done_monthly.items() if key[0] in rows}
    assert report.total.figures["average_order_value"].denominator == sum(count.values())
    assert report.total.figures["retention"].denominator == sum(before for before, _again in retention.values())
    assert {(f.salesperson_id, f.month): f.revenue_cents for f in report.monthly if f.revenue_cents} == {
        key: value for key, value in monthly.items() if key[0] in rows and value}


def test_stored_month_figures_equal_a_full_recount(history):
    ws, _people = history
    query = ("SELECT month, salesperson_id, customer_id, revenue_cents, orders, shared FROM customer_month "
             "ORDER BY 1, 2, 3")
    with ws.db.session() as pw:
        kept = list(pw.execute_sql(query))
    with ws.db.write() as pw:
        order_values.refresh_months(pw)
        recounted = list(pw.execute_sql(query))
    assert kept == recounted and any(row[5] for row in kept) and any(row[1] == 0 for row in kept)


def test_the_upgrade_to_schema_14_fills_the_same_month_figures(history):
    from keepclient.db.migrations import m0014_kpi_figures

    ws, _people = history
    query = ("SELECT month, salesperson_id, customer_id, revenue_cents, orders, shared FROM customer_month "
             "ORDER BY 1, 2, 3")
    with ws.db.session() as pw:
        kept = list(pw.execute_sql(query))
    with ws.db.write() as pw:
        m0014_kpi_figures.up(pw)  # frozen SQL of its own: must count as db/order_values does
        assert list(pw.execute_sql(query)) == kept


def _recount_follow_up(ws, end: dt.date) -> tuple[dict[int, int], dict[int, int]]:
    """Follow-up on time by owner, customer by customer with domain/cadence: the last done visit before the period
    ends (read from the visits, not the stored value) or the last contact up to its end, else the day added; on time
    when the next follow-up so counted is not before the period's end."""
    from keepclient.domain import cadence
    from keepclient.services.team import load_cadence

    followed: dict[int, int] = {}
    known: dict[int, int] = {}
    after = (end + dt.timedelta(days=1)).isoformat()
    with ws.db.session() as pw:
        rules = load_cadence()
        rows = pw.execute_sql(
            "SELECT coalesce(c.owner_id, 0), c.tier, c.cadence_days, date(c.created_at), c.last_contact, "
            "(SELECT max(v.planned_start) FROM visit v NOT INDEXED WHERE v.customer_id = c.id AND v.deleted_at IS "
            "NULL AND v.status = 'done' AND v.planned_start < ?) FROM customer c WHERE c.deleted_at IS NULL",
            [after]).fetchall()
    for owner, tier, override, added, contact, done in rows:
        created = dt.date.fromisoformat(added)
        if created > end:
            continue
        days = [dt.date.fromisoformat(done[:10])] if done else []
        if contact and contact <= end.isoformat():
            days.append(dt.date.fromisoformat(str(contact)[:10]))
        due = cadence.next_follow_up(max(days, default=None), tier, created=created, override=override,
                                     by_tier=rules)
        known[owner] = known.get(owner, 0) + 1
        followed[owner] = followed.get(owner, 0) + (due >= end)
    return followed, known


def test_feedback_medians_equal_pythons_per_salesperson_and_for_the_total(history):
    """Medians worked out by SQL (odd and even counts, items without an owner, in the trash, outside the period)
    against statistics.median over the same items, for the whole team and for chosen salespeople."""
    import statistics

    ws, people = history
    rng = random.Random(61)
    start, end = dt.date(2027, 5, 1), dt.date(2027, 5, 31)
    with ws.db.write() as pw:
        customer = pw.execute_sql("SELECT id FROM customer WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
        for n in range(157):
            received = dt.datetime(2027, 4, 25, 9) + dt.timedelta(hours=rng.randrange(24 * 40))
            pw.execute_sql(
                "INSERT INTO feedback (uuid, created_at, updated_at, updated_by, version, customer_id, received_at, "
                "channel, kind, category, severity, description, owner_id, status, resolution, "
                "satisfaction_comment, response_hours, resolution_hours, deleted_at) VALUES (?, '2027-04-01', "
                "'2027-04-01', 'gen', 1, ?, ?, 'phone', 'complaint', 'other', 'normal', '', ?, 'open', '', '', ?, ?, "
                "?)", [f"m{n}", customer, received.isoformat(" "), rng.choice([*people, None]),
                       rng.choice([None, rng.randrange(1, 80) / 4]), rng.choice([None, rng.randrange(1, 400) / 2]),
                       "2027-05-02 00:00:00" if n % 11 == 0 else None])
        items = pw.execute_sql(
            "SELECT coalesce(owner_id, 0), response_hours, resolution_hours FROM feedback WHERE deleted_at IS NULL "
            "AND received_at >= ? AND received_at < ?", [start.isoformat(), "2027-06-01"]).fetchall()

    def median(owners: set[int] | None, column: int) -> tuple[float | None, int]:
        values = [row[column] for row in items if row[column] is not None and (owners is None or row[0] in owners)]
        return (statistics.median(values) if values else None), len(values)

    for chosen in (None, people[:2], [people[3]]):
        report = ws.kpis.report(start, end, chosen, today=TODAY)
        for row in report.rows:
            for key, column in (("response_median", 1), ("resolution_median", 2)):
                assert (row[key].value, row[key].sample) == median({row.salesperson_id}, column), (chosen, key)
        for key, column in (("response_median", 1), ("resolution_median", 2)):
            figure = report.total[key]
            assert (figure.value, figure.sample) == median(None if chosen is None else set(chosen), column)
    assert any(row[0] == 0 for row in items) and len({row[1] for row in items}) > 10


def test_a_team_server_counts_what_the_file_counts(history, server_url: str):
    """The same KPI queries on both engines (issue 19): the history moved to a server gives the same report for
    every period, and the same customers behind each figure."""
    from keepclient.db.server import prepare
    from keepclient.db.server_move import move_to_server
    from keepclient.services.kpis import CUSTOMER_KPIS

    ws, people = history
    prepare(server_url, "test")
    move_to_server(ws.db.path, server_url)
    server = Workspace.open(server_url, user="tester")
    try:
        for start, end in PERIODS:
            moment = dt.datetime(2027, 12, 20, 9)
            on_file = ws.kpis.report(start, end, today=TODAY, now=moment).as_dict()
            assert server.kpis.report(start, end, today=TODAY, now=moment).as_dict() == on_file, (start, end)
            for key in CUSTOMER_KPIS:
                for owner in (None, *people):
                    assert server.kpis.customer_ids(key, start, end, owner) == ws.kpis.customer_ids(
                        key, start, end, owner), (start, end, key, owner)
    finally:
        server.close()
