"""`keepclient tiers`, `at-risk` and `value` as separate processes: JSON shapes and ordering, --apply, exit codes,
and the full recompute after an import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from keepclient.services.workspace import Workspace
from tests import plain_sql
from tests.integration.test_cli import run

TODAY = dt.date.today()  # the commands count as of the computer's day


def _days(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture()
def team_db(new_database) -> tuple[Path | str, dict[str, int]]:
    """A team with orders in a file and on a team server (the commands on both engines)."""
    path = new_database("team")
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
    conn = plain_sql.connect(path)
    conn.execute("UPDATE customer SET insights_as_of = NULL, risk_score = 0")
    conn.commit()
    conn.close()
    sheet = tmp_path / "new.csv"
    sheet.write_text("公司名称,电话\n新客户有限公司,010-12345678\n", encoding="utf-8")
    before = dt.date.today()  # not TODAY: the module's day is stale when a run crosses midnight
    done = run("--db", str(path), "import", str(sheet), "--yes")
    assert done.returncode == 0, done.stderr
    conn = plain_sql.connect(path)
    try:
        stamps = {day for (day,) in conn.execute("SELECT insights_as_of FROM customer WHERE deleted_at IS NULL")}
        risky = conn.execute("SELECT count(*) FROM customer WHERE risk_score > 0").fetchone()[0]
    finally:
        conn.close()
    (stamp,) = stamps  # everyone recounted at once, as of the day the import ran
    assert before <= dt.date.fromisoformat(stamp) <= dt.date.today() and risky > 0


def _risks(path: Path) -> dict[int, int]:
    conn = plain_sql.connect(path)
    try:
        return dict(conn.execute("SELECT id, risk_score FROM customer WHERE deleted_at IS NULL"))
    finally:
        conn.close()


def test_risk_settings_print_and_change_two_at_once(team_db):
    path, ids = team_db
    shown = _json(run("--db", str(path), "risk-settings", "--json"))
    assert shown == {"settings": {"a_share": 0.8, "b_share": 0.95, "at_risk_threshold": 50, "weight_no_contact": 25,
                                  "weight_no_order": 30, "weight_revenue_down": 20, "weight_complaints": 20,
                                  "weight_satisfaction": 15, "weight_missed_visits": 10, "no_order_factor": 2.0,
                                  "revenue_drop": 0.3, "lost_after_days": 180, "ltv_floor_years": 1.0,
                                  "ltv_max_years": 10.0}}
    text = run("--db", str(path), "risk-settings")
    assert text.returncode == 0, text.stderr
    assert "at_risk_threshold" in text.stdout and "(default 50)" in text.stdout
    assert _json(run("--db", str(path), "at-risk", "--min", "0", "--json"))["customers"][0]["name"] == "流失中"
    before = _risks(path)
    assert before[ids["流失中"]] > 0
    changed = _json(run("--db", str(path), "risk-settings", "--json", "weight_no_order=0", "at_risk_threshold=5"))
    assert changed["settings"]["weight_no_order"] == 0 and changed["settings"]["at_risk_threshold"] == 5
    assert changed["settings"]["a_share"] == 0.8 and changed["recomputed"] == 5  # the others kept; everyone
    after = _risks(path)
    assert after[ids["流失中"]] < before[ids["流失中"]]  # no order for 300 days no longer counts
    listed = _json(run("--db", str(path), "at-risk", "--json"))["customers"]
    assert all(r["risk"] >= 5 for r in listed)
    assert not any(reason.startswith("no order for") for r in listed for reason in r["reasons"])
    again = run("--db", str(path), "risk-settings", "lost_after_days=90")
    assert again.returncode == 0 and "recomputed for 5 customers" in again.stdout


def test_risk_settings_are_all_or_nothing(team_db):
    path, _ids = team_db
    before = _risks(path)
    for arguments, named in ((["at_risk_threshold=30", "a_share=1.5"], "a_share=1.5"),
                             (["at_risk_threshold=30", "weight_complaints=2.5"], "weight_complaints=2.5"),
                             (["at_risk_threshold=30", "ltv_floor_years=20"], "ltv_floor_years=20"),
                             (["at_risk_threshold=30", "revenue_drop=nan"], "revenue_drop=nan"),
                             (["at_risk_threshold=30", "no_such_setting=1"], "no_such_setting=1"),
                             (["at_risk_threshold=30", "at_risk_threshold"], "at_risk_threshold")):
        refused = run("--db", str(path), "risk-settings", "--json", *arguments)
        assert refused.returncode == 2, arguments
        assert refused.stdout == "" and refused.stderr.count("\n") == 1 and named in refused.stderr, refused.stderr
        assert "Nothing was changed." in refused.stderr
    chinese = run("--db", str(path), "--lang", "zh_CN", "risk-settings", "a_share=abc")
    assert chinese.returncode == 2 and chinese.stderr.count("\n") == 1
    assert _json(run("--db", str(path), "risk-settings", "--json"))["settings"]["at_risk_threshold"] == 50
    assert _risks(path) == before
