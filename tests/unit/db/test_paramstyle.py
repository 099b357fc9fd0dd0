"""keepclient's SQL written once for both engines: SQLite's placeholders turned into psycopg's, and SQLite's planner
hints dropped for a team server, without touching what literals, names and comments hold."""

from __future__ import annotations

import pytest

from keepclient.db.paramstyle import to_format
from keepclient.db.server_compat import without_hints


@pytest.mark.parametrize(("written", "sent"), [
    ("SELECT id FROM customer WHERE name = ? AND tier IN (?, ?)",
     "SELECT id FROM customer WHERE name = %s AND tier IN (%s, %s)"),
    ("SELECT '?', \"a?b\", ? -- why?\n FROM t /* ? */", "SELECT '?', \"a?b\", %s -- why?\n FROM t /* ? */"),
    ("SELECT 'it''s ?' || ?", "SELECT 'it''s ?' || %s"),
    ("SELECT * FROM t WHERE code LIKE 'A%' AND x = ?", "SELECT * FROM t WHERE code LIKE 'A%%' AND x = %s"),
    ("SELECT 100 % 7", "SELECT 100 %% 7"),
    ("SELECT 1", "SELECT 1"),
])
def test_placeholders_become_psycopgs_outside_literals(written: str, sent: str):
    assert to_format(written) == sent


@pytest.mark.parametrize(("written", "sent"), [
    ("SELECT a FROM t WHERE +deleted_at IS NULL AND +kind = 'x' GROUP BY +customer_id",
     "SELECT a FROM t WHERE deleted_at IS NULL AND kind = 'x' GROUP BY customer_id"),
    ("SELECT x FROM visit v INDEXED BY visit_live_customer_id WHERE v.a = 1",
     "SELECT x FROM visit v WHERE v.a = 1"),
    ("SELECT a + b, c +1 FROM t WHERE (+c.owner_id = 2)", "SELECT a + b, c +1 FROM t WHERE (c.owner_id = 2)"),
])
def test_sqlites_planner_hints_are_dropped_and_arithmetic_is_not(written: str, sent: str):
    assert without_hints(written) == sent
