"""`keepclient server init` against a real PostgreSQL the suite starts (tests/server_cluster.py): the models'
tables created and stamped in one go, a prepared server left alone, another version's server refused, and an
unreachable server or a refused login said in one line without the password."""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg
import pytest

from keepclient.db import migrations
from keepclient.db.models import ALL_MODELS
from keepclient.db.server import SERVER_LAYOUT, _arguments, is_server_url, shown_url
from keepclient.domain.errors import ServerUnavailableError

STAMP = SERVER_LAYOUT * 1000 + migrations.LATEST


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "keepclient", "--lang", lang, "server", *args],
                          capture_output=True, text=True, timeout=120, env=env)


def tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def stamps(url: str) -> list[int]:
    with psycopg.connect(url) as conn:
        return [row[0] for row in conn.execute('SELECT schema_version FROM schema_info ORDER BY id')]


def test_init_creates_every_models_table_and_stamps_the_schema(server_url):
    done = run("init", server_url)
    assert done.returncode == 0, done.stderr
    assert "prepared: keepclient's tables created (schema 16)".replace("16", str(migrations.LATEST)) in done.stdout
    assert tables(server_url) == {model._meta.table_name for model in ALL_MODELS} | {
        "kc_login", "kc_team_policy", "kc_customer_search", "visit_month", "customer_month"}
    assert stamps(server_url) == [STAMP]


def test_init_of_a_prepared_server_changes_nothing(server_url):
    assert run("init", server_url).returncode == 0
    with psycopg.connect(server_url) as conn:
        conn.execute("INSERT INTO salesperson (uuid, created_at, updated_at, updated_by, version, name, code, color, "
                     "email, active, monthly_revenue_target_cents, monthly_visit_target) VALUES "
                     "('u1', now(), now(), 'admin', 1, '王芳', 'WF', '#1565c0', '', true, 0, 0)")
    again = run("init", server_url)
    assert again.returncode == 0 and "was prepared before" in again.stdout
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT name FROM salesperson").fetchall() == [("王芳",)]
    assert stamps(server_url) == [STAMP]


@pytest.mark.parametrize(("stamp", "word"), [(STAMP + 1, "newer"), (STAMP + 1000, "newer"), (STAMP - 1, "older")])
def test_a_server_stamped_by_another_version_is_refused_and_left_alone(server_url, stamp, word):
    assert run("init", server_url).returncode == 0
    with psycopg.connect(server_url) as conn:
        conn.execute("UPDATE schema_info SET schema_version = %s", [stamp])
    refused = run("init", server_url)
    assert refused.returncode == 4
    assert word in refused.stderr and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert stamps(server_url) == [stamp]


def test_a_refused_server_is_said_in_chinese_too(server_url):
    assert run("init", server_url).returncode == 0
    with psycopg.connect(server_url) as conn:
        conn.execute("UPDATE schema_info SET schema_version = %s", [STAMP + 1])
    refused = run("init", server_url, lang="zh_CN")
    assert refused.returncode == 4 and "团队服务器" in refused.stderr


def test_an_unreachable_server_or_a_refused_login_is_one_line_without_the_password(server_url):
    closed = run("init", "postgresql://admin:s3cret@127.0.0.1:1/keepclient")
    assert closed.returncode == 11 and "s3cret" not in closed.stderr and "127.0.0.1" in closed.stderr
    assert closed.stderr.count("\n") == 1 and "Traceback" not in closed.stderr
    stranger = run("init", server_url.replace("keepclient@", "nobody:s3cret@", 1))
    assert stranger.returncode == 11 and "nobody" in stranger.stderr and "s3cret" not in stranger.stderr
    missing = run("init", server_url.replace("/t_", "/missing_", 1))
    assert missing.returncode == 11 and "does not exist" in missing.stderr
    assert tables(server_url) == set()  # nothing was created anywhere


def test_a_database_holding_other_tables_is_left_alone(server_url):
    with psycopg.connect(server_url) as conn:
        conn.execute("CREATE TABLE customer (id serial PRIMARY KEY, note text)")
        conn.execute("INSERT INTO customer (note) VALUES ('another program')")
    refused = run("init", server_url)
    assert refused.returncode == 5 and "customer" in refused.stderr and "Traceback" not in refused.stderr
    assert tables(server_url) == {"customer"}
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT note FROM customer").fetchall() == [("another program",)]


def test_a_keepclient_without_the_driver_says_so(tmp_path, server_url):
    """The installers leave psycopg out for now: the command says so in one line and writes nothing."""
    (tmp_path / "psycopg").mkdir()
    (tmp_path / "psycopg" / "__init__.py").write_text("raise ImportError('no pq wrapper available')\n")
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "keepclient", "--lang", "en", "server", "init", server_url],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 11 and "no PostgreSQL driver" in done.stderr and "Traceback" not in done.stderr
    assert tables(server_url) == set()


def test_a_file_name_is_not_a_server_address():
    done = run("init", "crm.db")
    assert done.returncode == 2 and "postgresql://" in done.stdout


def test_server_addresses_are_read_and_shown_without_the_password():
    assert is_server_url("postgresql://u@h/db") and is_server_url("POSTGRES://h/db")
    assert not is_server_url("crm.db") and not is_server_url("C:\\crm.db") and not is_server_url("postgresql:/x")
    assert shown_url("postgresql://u:p%40ss@h:5433/db?sslmode=require") == "postgresql://u@h:5433/db?sslmode=require"
    assert shown_url("postgresql://u@h/db") == "postgresql://u@h/db"
    assert shown_url("postgresql://u:p@h:abc/db") == "postgresql://u@h:abc/db"
    with pytest.raises(ServerUnavailableError, match="port"):
        _arguments("postgresql://u:p@h:abc/db")
    with pytest.raises(ServerUnavailableError, match="names no database"):
        _arguments("postgresql://u@h")
    name, options = _arguments("postgresql://sales%20team:p%40ss@server.local:5433/crm?sslmode=require")
    assert name == "crm"
    assert {k: options[k] for k in ("host", "port", "user", "password", "sslmode")} == {
        "host": "server.local", "port": 5433, "user": "sales team", "password": "p@ss", "sslmode": "require"}


def test_two_inits_at_once_prepare_the_server_once(server_url):
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    started = [subprocess.Popen([sys.executable, "-m", "keepclient", "--lang", "en", "server", "init", server_url],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    said = [process.communicate(timeout=120) for process in started]
    assert [process.returncode for process in started] == [0, 0], said
    assert sorted("was prepared before" in out for out, _err in said) == [False, True]
    assert stamps(server_url) == [STAMP]
