"""`keepclient tiers`, `at-risk` and `value` as separate processes: JSON shapes and ordering, --apply, exit codes,
and the full recompute after an import."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from keepclient.services.workspace import Workspace
from tests.integration.test_cli import run

TODAY = dt.date.today()  # the commands count as of the computer's day


def _days(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture()
def team_db(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "team.db"
    ws = Workspace.open(path, user="王芳")
    wang, li = ws.team.add("王芳"), ws.team.add("李娜")
    ids = {}
    for name, owner, amount, start in (("大客户", wang, 3_000_000, 10), ("稳定", li, 200_000, 10),
                                       ("流失中", wang, 100_000, 300), ("小客户", li, 10_000, 20)):
        ids[name] = ws.editor.create(name, owner=owner, tier="B", stage="active")
        for n in range(6):
            ws.orders.add(ids[name], date=_days(start + 30 * n), amount_cents=amount)
    ids["没订单"] = ws.editor.create("没订单", owner=li, tier="A")
    ws.activity.log_contact(ids["稳定"], kind="visit", when=dt.datetime.combine(_days(1), dt.time(10)))
    ws.feedback.create(ids["流失中"], description="延误", received_at=dt.datetime.combine(_days(30), dt.time(9)))
    version = ws.customers.detail(ids["小客户"]).version
    ws.insights.pin_tier(ids["小客户"], version, True)
    ws.close()
    return path, ids


def _json(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_tiers_json_by_revenue_then_apply(team_db):
    path, ids = team_db
    doc = _json(run("--db", str(path), "tiers", "--json"))
    rows = doc["customers"]
    assert set(rows[0]) == {"id", "name", "owner", "revenue_12m", "share", "tier", "suggested_tier"}
    assert [r["revenue_12m"] for r in rows] == sorted((r["revenue_12m"] for r in rows), reverse=True)
    assert rows[0]["name"] == "大客户" and rows[0]["owner"] == "王芳" and rows[0]["suggested_tier"] == "A"
    assert rows[0]["revenue_12m"] == 180_000  # six orders of 30,000.00 in the last 12 months
    assert abs(sum(r["share"] for r in rows) - 1) < 1e-4
    by_name = {r["name"]: r for r in rows}
    assert by_name["没订单"]["suggested_tier"] == "C" and by_name["没订单"]["share"] == 0
    text = run("--db", str(path), "tiers")
    assert text.returncode == 0 and "大客户" in text.stdout and "tiers --apply" in text.stdout
    applied = _json(run("--db", str(path), "tiers", "--apply", "--json"))
    assert applied["applied"] >= 2
    for row in applied["customers"]:
        if row["id"] == ids["小客户"]:
            assert row["tier"] == "B" != row["suggested_tier"]  # pinned: kept
        else:
            assert row["tier"] == row["suggested_tier"], row


def test_at_risk_json_highest_first_owner_and_min(team_db):
    path, _ids = team_db
    rows = _json(run("--db", str(path), "at-risk", "--min", "0", "--json"))["customers"]
    assert set(rows[0]) == {"id", "name", "owner", "risk", "reasons", "last_contact", "last_order", "revenue_12m"}
    assert [r["risk"] for r in rows] == sorted((r["risk"] for r in rows), reverse=True)
    assert len(rows) == 5 and rows[0]["name"] == "流失中"
    assert any(reason.startswith("no order for") for reason in rows[0]["reasons"])
    assert rows[0]["last_order"] == _days(300).isoformat()
    chinese = _json(run("--db", str(path), "--lang", "zh_CN", "at-risk", "--min", "0", "--json"))["customers"]
    assert [r["id"] for r in chinese] == [r["id"] for r in rows]
    mine = _json(run("--db", str(path), "at-risk", "--owner", "李娜", "--min", "0", "--json"))["customers"]
    assert {r["name"] for r in mine} == {"稳定", "小客户", "没订单"}
    high = _json(run("--db", str(path), "at-risk", "--json"))["customers"]
    assert all(r["risk"] >= 50 for r in high)
    text = run("--db", str(path), "at-risk", "--min", "0")
    assert text.returncode == 0 and "流失中" in text.stdout.splitlines()[0]
    unknown = run("--db", str(path), "at-risk", "--owner", "没有这个人")
    assert unknown.returncode == 8 and unknown.stderr.count("\n") == 1
    assert run("--db", str(path), "at-risk", "--min", "101").returncode == 2


def test_value_json_and_unknown_customer(team_db):
    path, ids = team_db
    doc = _json(run("--db", str(path), "value", str(ids["大客户"]), "--json"))
    assert doc["id"] == ids["大客户"] and doc["orders_count"] == 6 and doc["revenue_total"] == 180_000
    assert set(doc["rfm"]) == {"recency", "frequency", "monetary", "code"} and doc["rfm"]["monetary"] == 5
    ltv = doc["lifetime_value"]
    assert {"value", "yearly", "years_known", "remaining_years", "retention", "formula"} <= set(ltv)
    assert ltv["value"] == pytest.approx(ltv["yearly"] * ltv["remaining_years"], abs=0.02)
    assert set(doc["risk"]) == {"score", "reasons", "next_step"}
    none = _json(run("--db", str(path), "value", str(ids["没订单"]), "--json"))
    assert none["rfm"] is None and none["orders_count"] == 0
    text = run("--db", str(path), "value", str(ids["大客户"]))
    assert text.returncode == 0 and "Lifetime value" in text.stdout
    missing = run("--db", str(path), "value", "99999", "--json")
    assert missing.returncode == 8 and missing.stdout == "" and missing.stderr.count("\n") == 1


def test_import_recomputes_everyone(team_db, tmp_path: Path):
    path, _ids = team_db
    conn = sqlite3.connect(path)
    conn.execute("UPDATE customer SET insights_as_of = NULL, risk_score = 0")
    conn.commit()
    conn.close()
    sheet = tmp_path / "new.csv"
    sheet.write_text("公司名称,电话\n新客户有限公司,010-12345678\n", encoding="utf-8")
    done = run("--db", str(path), "import", str(sheet), "--yes")
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(path)
    try:
        stamps = {day for (day,) in conn.execute("SELECT insights_as_of FROM customer WHERE deleted_at IS NULL")}
        risky = conn.execute("SELECT count(*) FROM customer WHERE risk_score > 0").fetchone()[0]
    finally:
        conn.close()
    assert stamps == {TODAY.isoformat()} and risky > 0
