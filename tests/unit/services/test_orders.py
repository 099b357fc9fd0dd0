"""Orders: lines in exact cents, version-checked writes with undo, and customer figures that always equal a plain
count over the purchases (checked after every kind of write, with an injected `today`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from keepclient.db.models import Salesperson
from keepclient.db.order_values import year_before
from keepclient.domain.errors import ConflictError, RecordNotFoundError, RequiredFieldError, ValidationError
from keepclient.services.orders import line_amount, order_key
from keepclient.services.workspace import Workspace
from tests import plain_sql
from tests.conftest import DEMO_TODAY

TODAY = dt.date(2026, 11, 23)


def plain_figures(path: Path | str, today: dt.date) -> dict[int, tuple[int, int, str | None, float | None]]:
    """Every customer's figures counted the simplest way, in Python over a separate connection: revenue of the
    lines dated after the same day a year back, orders (lines sharing a number are one order; lines without a
    number, one order a day), last order, average days between first and last order."""
    # order_key is checked apart (test_add_defaults...): here it is the stored column, as the importer writes it
    conn = plain_sql.connect(path)
    lines: dict[int, list[tuple[str, str, int]]] = {cid: [] for (cid,) in conn.execute("SELECT id FROM customer")}
    for cid, day, order_no, amount in conn.execute(
            "SELECT customer_id, date, order_key, amount_cents FROM purchase WHERE deleted_at IS NULL"):
        lines[cid].append((day, order_no, amount))
    conn.close()
    edge = year_before(today).isoformat()
    figures = {}
    for cid, rows in lines.items():
        orders = {f"n:{no}" if no else f"d:{day}" for day, no, _ in rows}
        days = sorted(dt.date.fromisoformat(day) for day, _, _ in rows)
        gap = (days[-1] - days[0]).days / (len(orders) - 1) if len(orders) > 1 else None
        figures[cid] = (sum(a for day, _, a in rows if day > edge), len(orders),
                        days[-1].isoformat() if days else None, gap)
    return figures


def stored_figures(path: Path | str) -> dict[int, tuple[int, int, str | None, float | None]]:
    conn = plain_sql.connect(path)
    rows = {cid: (rev, count, last, None if gap is None else round(gap, 9)) for cid, rev, count, last, gap in
            conn.execute("SELECT id, revenue_12m_cents, orders_count, last_order, order_gap_days FROM customer")}
    conn.close()
    return rows


def assert_figures(ws: Workspace, today: dt.date) -> None:
    expected = {cid: (*f[:3], None if f[3] is None else round(f[3], 9))
                for cid, f in plain_figures(ws.source, today).items()}
    assert stored_figures(ws.source) == expected


@pytest.fixture
def shop(new_database):
    """A shop in a file and on a team server (both engines)."""
    ws = Workspace.open(new_database("orders"), user="tester")
    with ws.db.write():
        owner = Salesperson.insert(name="李娜", code="S01").execute()
        other = Salesperson.insert(name="王建国", code="S02").execute()
    customer = ws.editor.create("上海华信贸易有限公司", tier="A", owner=owner)
    yield ws, customer, owner, other
    ws.close()


def test_order_key_ignores_case_width_spaces_and_punctuation():
    assert order_key("SO-2024/001") == order_key("so 2024 001") == order_key("ＳＯ２０２４００１") == "so2024001"
    assert order_key("") == order_key("   ") == order_key(None) == ""


def test_add_defaults_and_amount_from_quantity_and_unit_price(shop):
    ws, customer, owner, other = shop
    line = ws.orders.add(customer, date=dt.date(2026, 3, 1), product=" B型整机 ", quantity="2.5", unit_price_cents=3,
                         order_no=" SO-1 ", today=TODAY)
    assert line.amount_cents == 8  # 2.5 x 0.03 = 0.075, half up to 0.08
    assert (line.salesperson_id, line.salesperson) == (owner, "李娜")  # the customer's owner
    assert (line.product, line.order_no, line.quantity, line.version) == ("B型整机", "SO-1", Decimal("2.5"), 1)
    assert ws.orders.get(line.id) == line
    given = ws.orders.add(customer, date=dt.date(2026, 3, 2), quantity=3, unit_price_cents=1000, amount_cents=2700,
                          salesperson_id=other, today=TODAY)  # a negotiated amount wins over quantity x price
    assert (given.amount_cents, given.salesperson) == (2700, "王建国")
    with ws.db.session() as pw:
        keys = dict(pw.execute_sql("SELECT id, order_key FROM purchase").fetchall())
    assert keys == {line.id: "so1", given.id: ""}
    assert line_amount(Decimal("-1.5"), 333) == -500  # -4.995 rounds away from zero


@pytest.mark.parametrize(("values", "field"), [
    ({}, "amount_cents"),  # neither an amount nor a unit price
    ({"quantity": 0, "unit_price_cents": 100}, "quantity"),
    ({"quantity": "lots", "unit_price_cents": 100}, "quantity"),
    ({"quantity": 2, "amount_cents": -100}, "amount_cents"),  # a credit's quantity is negative too
    ({"quantity": -2, "amount_cents": 100}, "amount_cents"),
    ({"unit_price_cents": -100}, "unit_price_cents"),
    ({"amount_cents": 12.5}, "amount_cents"),  # cents are whole
    ({"amount_cents": 100, "date": "2026-02-30"}, "date"),
])
def test_invalid_lines_are_refused_and_nothing_is_saved(shop, values: dict, field: str):
    ws, customer, _owner, _other = shop
    with pytest.raises(ValidationError) as caught:
        ws.orders.add(customer, **{"date": dt.date(2026, 3, 1), **values}, today=TODAY)
    assert caught.value.field == field
    assert ws.orders.for_customer(customer) == []
    with pytest.raises(RequiredFieldError):
        ws.orders.add(customer, date=dt.date(2026, 3, 1), today=TODAY)


def test_credits_and_sums_are_exact_to_the_cent(shop):
    ws, customer, _owner, _other = shop
    for _ in range(10):
        ws.orders.add(customer, date=dt.date(2026, 5, 1), amount_cents=10, today=TODAY)  # 0.10 each
    ws.orders.add(customer, date=dt.date(2026, 5, 2), amount_cents=20, today=TODAY)  # 0.20
    ws.orders.add(customer, date=dt.date(2026, 5, 3), quantity=-1, amount_cents=-30, notes="退货", today=TODAY)
    ws.orders.add(customer, date=dt.date(2026, 5, 4), quantity=0.1, unit_price_cents=3, today=TODAY)  # 0.003 -> 0
    detail = ws.customers.detail(customer)
    assert detail.revenue_12m_cents == 90  # 10 x 0.10 + 0.20 - 0.30 = 0.90 exactly (floats: 0.8999999999999999)
    assert detail.orders_count == 4 and detail.last_order == dt.date(2026, 5, 4)
    assert detail.order_gap_days == 1.0
    assert_figures(ws, TODAY)
    purchase = next(e for e in detail.timeline if e.kind == "purchase" and e.amount and e.amount < 0)
    assert purchase.amount == Decimal("-0.30") and purchase.text == " × -1"


def test_lines_are_newest_first_and_deleted_ones_left_out(shop):
    ws, customer, _owner, _other = shop
    ids = [ws.orders.add(customer, date=dt.date(2026, 1, day), amount_cents=day, today=TODAY).id
           for day in (5, 9, 9, 1)]
    assert [line.id for line in ws.orders.for_customer(customer)] == [ids[2], ids[1], ids[0], ids[3]]
    assert [line.id for line in ws.orders.for_customer(customer, limit=2)] == [ids[2], ids[1]]
    ws.orders.delete(ids[1], 1, today=TODAY)
    assert [line.id for line in ws.orders.for_customer(customer)] == [ids[2], ids[0], ids[3]]
    with pytest.raises(RecordNotFoundError):
        ws.orders.get(10**6)


def test_every_write_keeps_the_figures_equal_to_a_plain_count(shop):
    ws, customer, owner, _other = shop
    second = ws.editor.create("Müller GmbH", owner=owner)
    a = ws.orders.add(customer, date=dt.date(2026, 2, 1), order_no="SO-1", quantity=2, unit_price_cents=1999,
                      today=TODAY)
    ws.orders.add(customer, date=dt.date(2026, 2, 1), order_no="so 1", amount_cents=500, today=TODAY)  # same order
    old = ws.orders.add(customer, date=dt.date(2025, 11, 24), amount_cents=70_000, today=TODAY)  # just inside
    ws.orders.add(second, date=dt.date(2025, 11, 23), amount_cents=1, today=TODAY)  # exactly a year: outside
    assert_figures(ws, TODAY)
    assert ws.customers.detail(customer).revenue_12m_cents == 2 * 1999 + 500 + 70_000
    assert ws.customers.detail(customer).orders_count == 2  # SO-1 and "so 1" are one order, the other a second
    assert ws.customers.detail(second).revenue_12m_cents == 0

    edited = ws.orders.update(a.id, a.version, {"quantity": 3}, today=TODAY)  # amount followed quantity x price
    assert (edited.amount_cents, edited.version) == (3 * 1999, 2)
    assert_figures(ws, TODAY)
    edited = ws.orders.update(a.id, edited.version, {"amount_cents": 5000, "date": "2026-02-03"}, today=TODAY)
    assert edited.amount_cents == 5000 and edited.date == dt.date(2026, 2, 3)
    edited = ws.orders.update(a.id, edited.version, {"unit_price_cents": 2500}, today=TODAY)
    assert edited.amount_cents == 5000  # a negotiated amount stays
    edited = ws.orders.update(a.id, edited.version, {"amount_cents": None}, today=TODAY)
    assert edited.amount_cents == 7500  # None: recount from quantity x price
    assert_figures(ws, TODAY)

    version = ws.orders.delete(old.id, old.version, today=TODAY)
    assert version == 2 and ws.customers.detail(customer).revenue_12m_cents == 7500 + 500
    assert_figures(ws, TODAY)
    assert ws.orders.restore(old.id, version, today=TODAY) == 3  # undo of the delete
    assert_figures(ws, TODAY)

    # The days move on: a line drops out of the 12 months only when the stale figures are recounted.
    later = dt.date(2026, 11, 25)
    assert ws.orders.refresh_stale(TODAY) == 0  # counted for today already
    assert ws.orders.refresh_stale(later) == 1  # its line left the 12 months; the other's stays in the year before
    assert ws.customers.detail(customer).revenue_12m_cents == 7500 + 500
    assert_figures(ws, later)
    assert ws.orders.refresh_stale(later) == 0


def two_years(path: Path | str, today: dt.date) -> dict[int, tuple[int, int]]:
    """Every customer's revenue of the 12 months and of the year before them, summed in Python."""
    conn = plain_sql.connect(path)
    year, two = str(year_before(today)), str(year_before(year_before(today)))
    sums = {cid: [0, 0] for (cid,) in conn.execute("SELECT id FROM customer")}
    for cid, day, amount in conn.execute("SELECT customer_id, date, amount_cents FROM purchase"):
        sums[cid][0 if str(day) > year else 1] += amount if str(day) > two else 0
    stored = {cid: (now, before) for cid, now, before in conn.execute(
        "SELECT id, revenue_12m_cents, revenue_prev_12m_cents FROM customer")}
    conn.close()
    assert stored == {cid: tuple(both) for cid, both in sums.items()}
    return stored


def test_moving_days_recount_exactly_the_customers_whose_figures_moved(shop):
    """Day after day (with gaps, over 29 February), `refresh_stale` leaves both years' revenue as a plain count
    gives, and recounts only customers with a line that has left the 12 months or the year before them."""
    ws, customer, owner, _other = shop
    start = dt.date(2026, 2, 27)
    lines = {customer: [dt.date(2024, 2, 29), dt.date(2025, 2, 28), dt.date(2025, 3, 1)],
             ws.editor.create("Leap Ltd", owner=owner): [dt.date(2027, 2, 28), dt.date(2027, 3, 1)],
             ws.editor.create("闰年贸易", owner=owner): [dt.date(2026, 3, 2), dt.date(2026, 6, 1)]}
    for cid, days in lines.items():
        for n, day in enumerate(days, 1):
            ws.orders.add(cid, date=day, amount_cents=10 ** n, today=start)
    idle = ws.editor.create("Idle GmbH", owner=owner)  # no lines: stamped by the first count, then left alone
    two_years(ws.source, start)
    recounted = []
    for day in ("2026-02-28", "2026-03-01", "2026-03-02", "2026-03-05", "2027-03-02", "2028-02-28",
                "2028-02-29", "2028-03-01", "2028-03-02", "2029-03-02"):
        today = dt.date.fromisoformat(day)
        recounted.append(ws.orders.refresh_stale(today))
        two_years(ws.source, today)
        assert ws.orders.refresh_stale(today) == 0
        if day == "2028-02-29":  # two customers counted on a 29 February
            for line in (dt.date(2027, 3, 1), dt.date(2027, 2, 28)):  # leaves on 1 March; left on 28 February
                ws.orders.add(ws.editor.create(f"Feb {line}", owner=owner), date=line, amount_cents=1, today=today)
    # 2026-02-28: 2025-02-28 leaves the 12 months; 2026-03-01: 2025-03-01 does, and 2024-02-29 the year before;
    # 2027-03-02: the 2025 lines leave the year before, 2026-03-02 the 12 months; 2028-02-28: 2027-02-28 and
    # 2026-06-01 leave the 12 months; 2028-03-01: the two 2027-03-01 lines do; 2028-03-02: 2026-03-02 leaves the
    # year before; 2029-03-02: the 2027 lines and 2026-06-01 leave the year before
    assert recounted == [1, 1, 0, 0, 2, 2, 0, 2, 1, 4]
    with ws.db.session() as pw:
        assert str(pw.execute_sql("SELECT value_as_of FROM customer WHERE id = ?", [idle]).fetchone()[0]) == (
            "2026-02-28")


def test_stale_writes_are_conflicts_and_change_nothing(shop):
    ws, customer, _owner, _other = shop
    colleague = Workspace.open(ws.source, user="colleague")
    line = ws.orders.add(customer, date=dt.date(2026, 6, 1), amount_cents=1000, today=TODAY)
    theirs = colleague.orders.update(line.id, line.version, {"amount_cents": 2000, "notes": "改价"}, today=TODAY)
    assert theirs.version == 2
    with pytest.raises(ConflictError) as caught:
        ws.orders.update(line.id, line.version, {"amount_cents": 1500}, today=TODAY)
    assert caught.value.theirs["amount_cents"] == 2000 and caught.value.theirs["updated_by"] == "colleague"
    with pytest.raises(ConflictError):
        ws.orders.delete(line.id, line.version, today=TODAY)
    assert ws.orders.get(line.id).amount_cents == 2000
    version = colleague.orders.delete(line.id, theirs.version, today=TODAY)
    with pytest.raises(ConflictError):  # undo of an older state after the colleague's delete
        ws.orders.restore(line.id, theirs.version, today=TODAY)
    assert ws.orders.for_customer(customer) == [] and ws.customers.detail(customer).orders_count == 0
    assert ws.orders.restore(line.id, version, today=TODAY) == version + 1
    assert ws.customers.detail(customer).revenue_12m_cents == 2000
    colleague.close()
    assert_figures(ws, TODAY)


def test_unchanged_values_keep_the_version(shop):
    ws, customer, _owner, _other = shop
    line = ws.orders.add(customer, date=dt.date(2026, 6, 1), quantity=2, unit_price_cents=500, today=TODAY)
    same = ws.orders.update(line.id, line.version, {"quantity": "2.000", "amount_cents": 1000}, today=TODAY)
    assert same.version == line.version


def test_currency_is_a_team_setting(shop):
    ws, _customer, _owner, _other = shop
    assert ws.orders.currency() == "CNY"
    assert ws.orders.set_currency(" eur ") == "EUR" and ws.orders.currency() == "EUR"
    with pytest.raises(ValidationError):
        ws.orders.set_currency("euro")
    assert ws.orders.currency() == "EUR"


def test_set_user_reaches_the_orders(shop):
    ws, customer, _owner, _other = shop
    ws.set_user("王芳")
    line = ws.orders.add(customer, date=dt.date(2026, 6, 1), amount_cents=1, today=TODAY)
    with ws.db.session() as pw:
        assert pw.execute_sql("SELECT updated_by FROM purchase WHERE id = ?", [line.id]).fetchone()[0] == "王芳"


def test_demo_figures_equal_a_plain_count_and_orders_repeat(workspace: Workspace):
    assert_figures(workspace, DEMO_TODAY)
    with workspace.db.session() as pw:
        by_tier = dict(pw.execute_sql("SELECT tier, avg(orders_count) FROM customer GROUP BY tier").fetchall())
        unpriced = pw.execute_sql("SELECT count(*) FROM purchase WHERE order_no = '' OR unit_price_cents IS NULL "
                                  "OR salesperson_id IS NULL OR order_key = ''").fetchone()[0]
        repeat = pw.execute_sql("SELECT count(*) FROM customer WHERE orders_count > 1").fetchone()[0]
        planned = pw.execute_sql("SELECT max(n) FROM (SELECT count(*) AS n FROM visit WHERE status = 'planned' "
                                 "GROUP BY salesperson_id, date(planned_start))").fetchone()[0]
        visits = pw.execute_sql("SELECT max(n) FROM (SELECT count(*) AS n FROM visit WHERE kind = 'visit' "
                                "GROUP BY salesperson_id, date(planned_start))").fetchone()[0]
    assert by_tier["A"] > 2 * by_tier["B"] > 2 * by_tier["C"] > 0
    assert unpriced == 0 and repeat > 100
    assert planned <= 8 and visits <= 8
    customer = next(r for r in workspace.customers.rows(0, 300) if r.tier == "A")
    lines = workspace.orders.for_customer(customer.id)
    assert lines and all(line.salesperson for line in lines)
    # a demo's figures move with the days like any others
    later = DEMO_TODAY + dt.timedelta(days=200)
    assert workspace.orders.refresh_stale(later) > 0
    assert_figures(workspace, later)
