"""Who sees what on a team server, enforced by PostgreSQL (issue 19): logins made by `keepclient server add-user`
sign in as themselves, and under the team policy "own" a salesperson's hand-written SQL finds none of another
salesperson's customers or anything belonging to them, while managers see everything; the change log names the
login that saved; and the commands say what they refused in one line."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys

import psycopg
import pytest

from keepclient.db import server
from keepclient.db.models import (
    ALL_MODELS,
    ChangeLog,
    Contact,
    Customer,
    CustomerTag,
    Feedback,
    Gift,
    ImportBatch,
    ImportRecord,
    Purchase,
    Salesperson,
    SchemaInfo,
    Tag,
    Visit,
)
from keepclient.db.server_roles import NAMING_RECORDS, OWNED_BY_CUSTOMER, group_roles

CHILDREN = (Contact, Visit, Feedback, Purchase, Gift, CustomerTag)


def run(*args: str, lang: str = "en", stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "keepclient", "--lang", lang, "server", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env)


def as_login(url: str, login: str) -> str:
    return url.replace("keepclient@", f"{login}@", 1)


def unique(url: str, name: str) -> str:
    """Logins are the whole cluster's: one per test database."""
    return f"{name}_{hashlib.sha1(url.encode()).hexdigest()[:6]}"


@pytest.fixture
def team(server_url: str) -> dict[str, object]:
    """A prepared server holding two salespeople's customers and an unassigned one, each with one of every
    record that belongs to a customer, and three logins: salesperson A, salesperson B, a manager."""
    assert run("init", server_url).returncode == 0
    pw = server.connect(server_url)
    ids: dict[str, object] = {}
    try:
        with pw.bind_ctx(ALL_MODELS, bind_refs=False, bind_backrefs=False), pw.atomic():
            a = Salesperson.create(name="王芳", code="WF")
            b = Salesperson.create(name="李强", code="LQ")
            tag = Tag.create(name="VIP")
            batch = ImportBatch.create(file_name="台账.xlsx")
            for key, owner in (("a", a), ("b", b), ("none", None)):
                customer = Customer.create(name=f"{key} 公司", owner=owner)
                contact = Contact.create(customer=customer, name=f"{key} 联系人")
                Visit.create(customer=customer, planned_start=dt.datetime(2026, 3, 2, 9))
                Feedback.create(customer=customer, received_at=dt.datetime(2026, 3, 3, 9))
                Purchase.create(customer=customer, date=dt.date(2026, 3, 4), amount_cents=100)
                Gift.create(customer=customer, date=dt.date(2026, 3, 5))
                CustomerTag.create(customer=customer, tag=tag)
                ChangeLog.create(table_name="customer", record_id=customer.id, field="name", changed_by="admin")
                ChangeLog.create(table_name="contact", record_id=contact.id, field="name", changed_by="admin")
                ImportRecord.create(batch=batch, table_name="customer", record_id=customer.id, action="created")
                ids[key] = customer.id
    finally:
        pw.close()
    logins = {"a": unique(server_url, "wf"), "b": unique(server_url, "lq"), "m": unique(server_url, "boss")}
    assert run("add-user", logins["a"], server_url, "--role", "salesperson", "--salesperson", "WF",
               "--no-password").returncode == 0
    assert run("add-user", logins["b"], server_url, "--role", "salesperson", "--salesperson", "李强",
               "--no-password").returncode == 0
    assert run("add-user", logins["m"], server_url, "--role", "manager", "--no-password").returncode == 0
    return {"url": server_url, "ids": ids, "logins": logins}


def customers_seen(url: str) -> dict[str, set[int]]:
    """Per table: the customers whose rows this login's plain SELECT returns."""
    seen: dict[str, set[int]] = {}
    with psycopg.connect(url) as conn:
        seen["customer"] = {r[0] for r in conn.execute("SELECT id FROM customer")}
        for table in OWNED_BY_CUSTOMER:
            seen[table] = {r[0] for r in conn.execute(f"SELECT customer_id FROM {table}")}
        for table in NAMING_RECORDS:
            seen[table] = {r[0] for r in conn.execute(
                f"SELECT coalesce(c.customer_id, x.record_id) FROM {table} x LEFT JOIN contact c "
                "ON x.table_name = 'contact' AND c.id = x.record_id")}
    return seen


def test_init_makes_the_teams_roles_and_turns_on_row_level_security(server_url):
    assert run("init", server_url).returncode == 0
    with psycopg.connect(server_url) as conn:
        database = conn.execute("SELECT current_database()").fetchone()[0]
        roles = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE NOT rolcanlogin")}
        secured = {r[0] for r in conn.execute("SELECT relname FROM pg_class WHERE relrowsecurity")}
        assert conn.execute("SELECT visibility FROM kc_team_policy").fetchall() == [("open",)]
    assert set(group_roles(database)) <= roles
    assert secured == {"customer", *OWNED_BY_CUSTOMER, *NAMING_RECORDS, "kc_customer_search", "customer_month"}
    assert all(len(name) <= 63 for name in group_roles("t_" + "x" * 70))


def test_under_own_a_salesperson_finds_no_trace_of_a_colleagues_customers(team):
    url, ids, logins = team["url"], team["ids"], team["logins"]
    everyone = {ids["a"], ids["b"], ids["none"]}
    assert run("policy", url).stdout.startswith("Policy on")
    for login in logins.values():  # "open", as in a shared folder: everyone sees everything
        assert all(seen == everyone for seen in customers_seen(as_login(url, login)).values())
    assert run("policy", url, "own").returncode == 0
    for table, seen in customers_seen(as_login(url, logins["a"])).items():
        assert seen == {ids["a"], ids["none"]}, table
    for table, seen in customers_seen(as_login(url, logins["b"])).items():
        assert seen == {ids["b"], ids["none"]}, table
    for table, seen in customers_seen(as_login(url, logins["m"])).items():
        assert seen == everyone, table


def test_under_own_a_salesperson_cannot_touch_a_colleagues_customer_by_hand(team):
    url, ids, logins = team["url"], team["ids"], team["logins"]
    assert run("policy", url, "own").returncode == 0
    other = ids["b"]
    with psycopg.connect(as_login(url, logins["a"]), autocommit=True) as conn:
        assert conn.execute("SELECT * FROM customer WHERE id = %s", [other]).fetchall() == []
        assert conn.execute("UPDATE customer SET name = 'x' WHERE id = %s RETURNING id", [other]).fetchall() == []
        assert conn.execute("DELETE FROM visit WHERE customer_id = %s RETURNING id", [other]).fetchall() == []
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO gift (uuid, created_at, updated_at, updated_by, version, customer_id, date, "
                         "occasion, item, notes) VALUES ('g', now(), now(), '', 1, %s, '2026-03-01', '', '', '')",
                         [other])
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE customer SET owner_id = (SELECT id FROM salesperson WHERE code = 'LQ') "
                         "WHERE id = %s", [ids["a"]])  # handing a customer over is a manager's work
        # a temporary kc_login comes first on the search path: the policies must not read it
        conn.execute("CREATE TEMP TABLE kc_login (login text, role text, salesperson_id bigint)")
        conn.execute("INSERT INTO kc_login VALUES (session_user, 'manager', NULL)")
        assert {r[0] for r in conn.execute("SELECT id FROM customer")} == {ids["a"], ids["none"]}
        for statement in ("UPDATE kc_team_policy SET visibility = 'open'", "UPDATE salesperson SET name = 'x'",
                          "DELETE FROM change_log", "UPDATE change_log SET changed_by = 'x'",
                          "INSERT INTO kc_login VALUES ('x', 'manager', NULL)",
                          "UPDATE schema_info SET schema_version = 0"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement.replace("kc_login", "public.kc_login"))
    with psycopg.connect(url) as conn:  # nothing of the colleague's changed
        assert conn.execute("SELECT name, owner_id IS NOT NULL FROM customer WHERE id = %s",
                            [other]).fetchone() == ("b 公司", True)
        assert conn.execute("SELECT count(*) FROM visit WHERE customer_id = %s", [other]).fetchone() == (1,)


def test_the_change_log_names_the_login_that_saved(team):
    url, ids, logins = team["url"], team["ids"], team["logins"]
    insert = ("INSERT INTO change_log (uuid, created_at, updated_at, updated_by, version, table_name, record_id, "
              "field, old_value, new_value, changed_at, changed_by) VALUES (%s, now(), now(), '', 1, 'customer', "
              "%s, 'name', 'a', 'b', now(), 'someone else')")
    for who in ("a", "m"):
        with psycopg.connect(as_login(url, logins[who])) as conn:
            conn.execute(insert, [f"log-{who}", ids["a"]])
    with psycopg.connect(url) as conn:
        conn.execute(insert, ["log-admin", ids["a"]])  # the administrator (a move) keeps what it was given
        said = dict(conn.execute("SELECT uuid, changed_by FROM change_log WHERE uuid LIKE 'log-%'").fetchall())
    assert said == {"log-a": logins["a"], "log-m": logins["m"], "log-admin": "someone else"}


def test_a_salesperson_may_not_change_the_policy_or_add_logins(team):
    url, logins = team["url"], team["logins"]
    mine = as_login(url, logins["a"])
    for args in (("policy", mine, "own"), ("add-user", unique(url, "x"), mine, "--role", "manager",
                                            "--no-password")):
        refused = run(*args)
        assert refused.returncode == 11, refused.stderr
        assert "did not allow" in refused.stderr and "Traceback" not in refused.stderr
    assert run("policy", as_login(url, logins["m"]), "own").returncode == 0  # a manager may
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT visibility FROM kc_team_policy").fetchone() == ("own",)
        assert conn.execute("SELECT count(*) FROM kc_login").fetchone() == (3,)


def test_add_user_keeps_only_a_verifier_of_the_password_and_lists_the_login(server_url):
    assert run("init", server_url).returncode == 0
    pw = server.connect(server_url)
    try:
        with pw.bind_ctx([Salesperson]):
            Salesperson.create(name="王芳", code="WF")
    finally:
        pw.close()
    login = unique(server_url, "wf")
    made = run("add-user", login, server_url, "--role", "salesperson", "--salesperson", "wf",
               "--password-stdin", stdin="correct horse 马\n")
    assert made.returncode == 0 and f"Login {login} created" in made.stdout and "王芳" in made.stdout
    with psycopg.connect(server_url) as conn:
        verifier = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", [login]).fetchone()[0]
    assert verifier.startswith("SCRAM-SHA-256$") and "horse" not in verifier
    listed = run("users", server_url)
    assert listed.returncode == 0 and f"{login}\tsalesperson\t王芳" in listed.stdout
    assert "open (everyone sees every customer)" in listed.stdout
    again = run("add-user", login, server_url, "--role", "manager", "--no-password")  # promoted
    assert again.returncode == 0 and "is now manager" in again.stdout
    with psycopg.connect(server_url) as conn:
        manager, _seller = group_roles(conn.execute("SELECT current_database()").fetchone()[0])
        member = [r[0] for r in conn.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u "
            "ON u.oid = m.member WHERE u.rolname = %s", [login])]
        assert member == [manager]
        assert conn.execute("SELECT role, salesperson_id FROM kc_login").fetchall() == [("manager", None)]


def test_add_user_refuses_an_unknown_salesperson_and_a_password_it_cannot_read(server_url):
    assert run("init", server_url).returncode == 0
    login = unique(server_url, "nobody")
    unknown = run("add-user", login, server_url, "--role", "salesperson", "--no-password")
    assert unknown.returncode == 8 and login in unknown.stderr and "Traceback" not in unknown.stderr
    said = run("add-user", login, server_url, "--role", "salesperson", "--no-password", lang="zh_CN")
    assert said.returncode == 8 and "销售" in said.stderr
    assert run("add-user", login, server_url, "--role", "manager").returncode == 2  # no terminal to ask on
    assert run("add-user", login, server_url, "--role", "manager", "--password-stdin", stdin="\n").returncode == 2
    assert run("add-user", "robert'); drop", server_url, "--role", "manager").returncode == 2
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s", [login]).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM kc_login").fetchone() == (0,)


def test_a_server_of_the_first_layout_gets_its_roles_and_policies_from_init(server_url):
    pw = server.connect(server_url)
    try:
        with pw.atomic():
            server.LAYOUTS[1](pw)
            with pw.bind_ctx([SchemaInfo]):
                SchemaInfo.create(schema_version=1000 + server.migrations.LATEST, app_version="0.old")
    finally:
        pw.close()
    assert run("add-user", unique(server_url, "m"), server_url, "--role", "manager",
               "--no-password").returncode == 4  # not prepared for this version yet
    upgraded = run("init", server_url)
    assert upgraded.returncode == 0 and f"brought up from layout 1 to layout {server.SERVER_LAYOUT}" in upgraded.stdout
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT schema_version FROM schema_info").fetchall() == [
            (server.SERVER_LAYOUT * 1000 + server.migrations.LATEST,)]
        assert conn.execute("SELECT count(*) FROM pg_class WHERE relrowsecurity").fetchone()[0] > 0
    assert "was prepared before" in run("init", server_url).stdout


def test_under_own_a_salesperson_imports_their_customers_and_not_a_colleagues(team, tmp_path):
    """The importer runs as the login (issue 19): under "own" a salesperson's list of their own customers comes in
    (their ids taken past the colleague's rows they cannot see); a row naming a colleague as owner stops the whole
    import in one line, nothing written."""
    url, logins = team["url"], team["logins"]
    assert run("policy", url, "own").returncode == 0
    mine = as_login(url, logins["a"])
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}

    def keepclient(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "keepclient", "--lang", "en", "--db", mine, *args],
                              capture_output=True, text=True, timeout=120, env=env)

    own = tmp_path / "mine.csv"
    own.write_text("公司名称,联系人,业务员\n新公司,赵磊,王芳\n", encoding="utf-8")
    imported = keepclient("import", str(own), "--yes")
    assert imported.returncode == 0, imported.stderr
    theirs = tmp_path / "theirs.csv"
    theirs.write_text("公司名称,业务员\n别人的公司,李强\n", encoding="utf-8")
    refused = keepclient("import", str(theirs), "--yes")
    assert refused.returncode == 11 and "Traceback" not in refused.stderr, refused.stderr
    with psycopg.connect(url) as conn:  # as the administrator: every row
        rows = conn.execute("SELECT c.name, s.code FROM customer c JOIN salesperson s ON s.id = c.owner_id "
                            "WHERE c.name LIKE '%%公司' AND c.name NOT LIKE '%% 公司' ORDER BY c.id").fetchall()
        assert rows == [("新公司", "WF")]
        assert conn.execute("SELECT count(*) FROM import_batch WHERE file_name = 'theirs.csv'").fetchone() == (0,)
        largest = conn.execute("SELECT max(id) FROM customer WHERE name <> '新公司'").fetchone()[0]
        assert conn.execute("SELECT id FROM customer WHERE name = '新公司'").fetchone()[0] > largest
