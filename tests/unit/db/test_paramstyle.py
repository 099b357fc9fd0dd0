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
    assert to_format(written, [1]) == (sent, [1])


def test_numbered_and_named_placeholders_become_named_ones():
    assert to_format("SELECT ?2, ?1, ?, ?1 FROM t WHERE a = '?3'", ["a", "b", "c"]) == (
        "SELECT %(p2)s, %(p1)s, %(p3)s, %(p1)s FROM t WHERE a = '?3'", {"p1": "a", "p2": "b", "p3": "c"})
    assert to_format("SELECT x::text FROM t WHERE d < :end AND e > :end AND f = ':no'", {"end": 5}) == (
        "SELECT x::text FROM t WHERE d < %(end)s AND e > %(end)s AND f = ':no'", {"end": 5})


@pytest.mark.parametrize(("written", "sent"), [
    ("SELECT a FROM t WHERE +deleted_at IS NULL AND +kind = 'x' GROUP BY +customer_id",
     "SELECT a FROM t WHERE deleted_at IS NULL AND kind = 'x' GROUP BY customer_id"),
    ("SELECT x FROM visit v INDEXED BY visit_live_customer_id WHERE v.a = 1",
     "SELECT x FROM visit v WHERE v.a = 1"),
    ("SELECT c.id FROM customer c NOT INDEXED WHERE c.deleted_at IS NULL AND NOT c.indexed",
     "SELECT c.id FROM customer c WHERE c.deleted_at IS NULL AND NOT c.indexed"),
    ("SELECT a + b, c +1 FROM t WHERE (+c.owner_id = 2)", "SELECT a + b, c +1 FROM t WHERE (c.owner_id = 2)"),
    ("SELECT f.id FROM customer c CROSS JOIN feedback f ON f.customer_id = c.id CROSS JOIN tag",
     "SELECT f.id FROM customer c JOIN feedback f ON f.customer_id = c.id CROSS JOIN tag"),
])
def test_sqlites_planner_hints_are_dropped_and_arithmetic_is_not(written: str, sent: str):
    assert without_hints(written) == sent
