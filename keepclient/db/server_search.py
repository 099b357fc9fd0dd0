"""Search on a team server (issue 19, server layout 3): the same terms find the same customers as in a file.

A file searches two FTS5 indexes and prefix ranges of the stored keys (db/search_docs.py, services/
customer_query.py). The server keeps the same documents (search_docs.customer_documents) in kc_customer_search:
- `doc`, with a pg_trgm GIN index: a term of three or more characters is any substring of it (LIKE '%term%');
- `grams`, every Han character of the document and every two adjacent ones, with a GIN index: one or two Chinese
  characters (FTS5's phrase of single characters in a file);
- one or two letters or digits start a stored key (name, pinyin, initials, phone digits) of the customer or a
  contact: LIKE 'ab%' over btree indexes, which PostgreSQL can use for a prefix because every text column is
  byte-ordered (COLLATE "C", as SQLite's BINARY): lists sort the same on both engines, too.
The documents are written by the same services that keep a file's (search_docs.refresh) and by move-to-server.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

KEYS = ("name_norm", "name_pinyin", "name_initials", "phone_digits")
CHUNK = 2000

_TABLE = """
CREATE TABLE kc_customer_search (
    customer_id bigint PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    doc text COLLATE "C" NOT NULL DEFAULT '',
    grams text[] COLLATE "C" NOT NULL DEFAULT '{}'
);
CREATE INDEX kc_customer_search_doc ON kc_customer_search USING gin (doc gin_trgm_ops);
CREATE INDEX kc_customer_search_grams ON kc_customer_search USING gin (grams);
"""


def create_search(pw: Any, model_tables: Sequence[str]) -> None:
    """Server layout 3, in the caller's transaction: byte-ordered text columns (the models' indexes on the keys,
    contacts' included, then serve prefixes), pg_trgm (a trusted extension: the database's owner may add it), and
    the documents' table with its policy and grants."""
    from keepclient.db import server_roles

    pw.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    columns = pw.execute_sql(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND data_type = 'text' AND coalesce(collation_name, '') <> 'C' AND table_name = ANY(%s)",
        [list(model_tables)]).fetchall()
    with server_roles.policies_set_aside(pw, {table for table, _column in columns}):
        for table, column in columns:
            pw.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text COLLATE "C"')
    pw.execute_sql(_TABLE)
    server_roles.secure_customer_table(pw, "kc_customer_search")
    fill(pw)  # the customers a server of an earlier layout holds


class Qmark:
    """A plain PostgreSQL handle (an administrator's: server init, move-to-server) reading keepclient's SQL (`?`
    placeholders), for the statements the workspace's services share (search_docs, order_values)."""

    engine = "postgresql"  # db/dialect.engine_of

    def __init__(self, pw: Any) -> None:
        self.pw = pw

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        from keepclient.db.paramstyle import to_format

        return self.pw.execute_sql(*to_format(sql, params))


def fill(pw: Any) -> None:
    """Every customer's document, written from the server's own rows (an upgrade to this layout)."""
    from keepclient.db import search_docs

    ids = [cid for (cid,) in pw.execute_sql("SELECT id FROM customer ORDER BY id")]
    reader = Qmark(pw)
    for start in range(0, len(ids), CHUNK):  # read, then copy: a connection runs nothing else during a COPY
        copy_documents(pw, search_docs.documents(reader, ids[start:start + CHUNK]))


def create_live_list_indexes(pw: Any) -> None:
    """Server layout 5: the customer list's indexes for live customers, each sort column then the name and the id,
    WHERE deleted_at IS NULL. A file's (deleted_at, column, sort_key) indexes give SQLite its pages in order (every
    SQLite index ends with the row id); PostgreSQL does not read `deleted_at IS NULL` as fixing the first column, so
    without these it sorted all 100,000 customers for each page (measured: 40-70 ms against 2 ms a page)."""
    for name, columns in _file_list_indexes(pw):
        kept = [column for column in columns if column != "deleted_at"]
        live = name.replace("_deleted_at_", "_live_", 1)
        listed = ", ".join(f'"{column}"' for column in [*kept, "id"])
        pw.execute_sql(f'CREATE INDEX "{live}" ON "customer" ({listed}) WHERE "deleted_at" IS NULL')


def _file_list_indexes(pw: Any) -> list[tuple[str, list[str]]]:
    """The customer list's indexes as a file has them, (deleted_at, column, sort_key): name and columns."""
    return [(name, columns) for name, columns in pw.execute_sql(
        "SELECT i.relname, array_agg(a.attname ORDER BY k.n) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
        "CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) "
        "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
        "WHERE t.relname = 'customer' AND i.relname LIKE 'customer\\_deleted\\_at\\_%%' AND NOT x.indisunique "
        "AND t.relnamespace = current_schema()::regnamespace GROUP BY 1 ORDER BY 1").fetchall()]


# Server layout 7. Half of each page of customer rows is left free: the day's recount of value and risk rewrites most
# customers (85 of each 100 of the 100,000-customer demo's, as lifetime values and days since a visit move on), and a
# rewrite of columns no index holds stays in its page, without a new entry in each of the table's 19 indexes, only
# when the page has room for the new version beside the old (a row is about 500 bytes). Measured on that demo: 87-91 %
# of the day's rewrites in place against 26 % with 15 % free, the recount's writes 3.2 s against 7.5 s.
CUSTOMER_FILLFACTOR = 50
# The customers are vacuumed once 2 % of them changed (PostgreSQL's default: 20 %), so soon after the day's recount.
# Until a vacuum marks the rewritten pages as seen by everyone, the list's index walks read each row too (measured:
# a search's database time p95 30.0 ms before the vacuum, 15.9 ms after).
CUSTOMER_VACUUM_SCALE = 0.02


def lighten_customer_updates(pw: Any) -> None:
    """Server layout 6: the file's (deleted_at, column, sort_key) indexes dropped, the live ones of layout 5 doing
    their work (a list of the trash, the few deleted customers, gets one index of its own; the list by name carries
    the search keys). Every change to a customer row wrote an entry into 28 indexes; the daily recompute of
    100,000 customers then slowed the searches typed meanwhile."""
    for name, _columns in _file_list_indexes(pw):
        pw.execute_sql(f'DROP INDEX "{name}"')
    pw.execute_sql('CREATE INDEX "customer_trash_sort_key" ON "customer" ("sort_key", "id") '
                   'WHERE "deleted_at" IS NOT NULL')
    # The list by name carries the keys a two-character term is tested on, so its walk reads the index alone
    # (measured: 2.7 against 8.9 ms for a page 11,000 customers into the list)
    keys = ", ".join(f'"{key}"' for key in KEYS)
    pw.execute_sql('DROP INDEX IF EXISTS "customer_live_sort_key"')
    pw.execute_sql(f'CREATE INDEX "customer_live_sort_key" ON "customer" ("sort_key", "id") INCLUDE ({keys}) '
                   'WHERE "deleted_at" IS NULL')


def make_room_for_recounts(pw: Any) -> None:
    """Server layout 7: room in the customer table's pages for the day's recount, and vacuums soon after it (see
    CUSTOMER_FILLFACTOR). The rows a server holds already get the room when the table is rewritten (`prepare`)."""
    pw.execute_sql(f'ALTER TABLE "customer" SET (fillfactor = {CUSTOMER_FILLFACTOR}, '
                   f"autovacuum_vacuum_scale_factor = {CUSTOMER_VACUUM_SCALE})")


# Server layout 8: the documents' statistics sample 1,000 of them (PostgreSQL's default: 100), so that the planner's
# estimate of how many a term of three or more characters finds tells the plans apart (term_condition): 4 of the
# search benchmark's 111 such terms fall on the wrong side of FEW_MATCHES or SPARSE_MATCHES, each within a fifth of
# it, against 15 with the default; planning reads them in under a millisecond, where counting took up to 6 ms.
DOC_STATISTICS = 1000


def estimate_documents(pw: Any) -> None:
    pw.execute_sql(f"ALTER TABLE kc_customer_search ALTER COLUMN doc SET STATISTICS {DOC_STATISTICS}")


def grams(han: str) -> list[str]:
    """Every Han character of a document and every two adjacent ones (what a one- or two-character term is)."""
    chars = han.split()  # search_documents' Han document: the characters, one space apart
    return sorted(set(chars) | {a + b for a, b in pairwise(chars)})


def write_documents(pw: Any, documents: Iterable[tuple[int, str, str]]) -> None:
    """Insert or replace the documents of customers: (id, trigram document, Han characters)."""
    rows = [(cid, doc, grams(han)) for cid, doc, han in documents]
    if not rows:
        return
    cursor = pw.cursor()
    cursor.executemany(
        "INSERT INTO kc_customer_search (customer_id, doc, grams) VALUES (%s, %s, %s) ON CONFLICT (customer_id) "
        "DO UPDATE SET doc = excluded.doc, grams = excluded.grams", rows)


def copy_documents(pw: Any, documents: Iterable[tuple[int, str, str]]) -> None:
    """The documents of customers that have none yet, through COPY (a whole team at once: move-to-server)."""
    with pw.cursor().copy("COPY kc_customer_search (customer_id, doc, grams) FROM STDIN") as copy:
        for cid, doc, han in documents:
            copy.write_row((cid, doc, grams(han)))


def forget(pw: Any, customer_ids: Sequence[int]) -> None:
    pw.execute_sql("DELETE FROM kc_customer_search WHERE customer_id = ANY(%s)", [list(customer_ids)])


def like_escape(text: str) -> str:
    """`text` matched literally inside a LIKE pattern (backslash is LIKE's escape by default)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# How a term's first page is found depends on how many customers it matches (counted up to a bound by `probe`):
# - fewer than FEW_MATCHES: its matches collected, and only those sorted (a join);
# - up to SPARSE_MATCHES (SPARSE_PREFIX_MATCHES for two characters): its matches collected once into a hashed set,
#   and the list's index walked in order, each customer looked up in the set, until the page is full (measured on
#   the 100,000-customer demo: 1.7 against 11.9 ms for 2,011 matches; the walk only loses when so few match that
#   it reads the whole index: 9.5 against 0.1 ms for 11);
# - more: the list walked, each customer tested on its own, so the set of every match is never made (SQLite's
#   rule too: services/customer_query.py).
FEW_MATCHES = 500
SPARSE_MATCHES = 5000
# A two-character term's walk tests each customer's own keys and looks it up among the contacts' matches, collected
# once: cheap enough per customer that a term matching 1,000 customers fills a page sooner by walking than by
# collecting every match.
SPARSE_PREFIX_MATCHES = 1000


def matching_ids(term: str, is_han: bool) -> tuple[str, list[object]]:
    """SQL (`?` placeholders) of the ids of the customers one normalized term of two or more characters finds."""
    if len(term) >= 3:
        return "SELECT customer_id FROM kc_customer_search WHERE doc LIKE ?", ["%" + like_escape(term) + "%"]
    if is_han:
        return "SELECT customer_id FROM kc_customer_search WHERE grams @> ARRAY[?]::text[]", [term]
    prefix = like_escape(term) + "%"  # the start of a stored key, the customer's or a contact's: index ranges
    own = " UNION ALL ".join(f"SELECT id FROM customer WHERE {key} LIKE ?" for key in KEYS)
    return f"{own} UNION ALL {_CONTACTS_BY_PREFIX}", [prefix] * (2 * len(KEYS))


# A two-digit term's own phone matches among the first HEAD customers of the list (read from its index alone): at
# least HEAD_PHONES of them, the walk fills a page after a few hundred customers.
HEAD, HEAD_PHONES = 600, 60
_PHONES_IN_HEAD = (f"SELECT count(*) FROM (SELECT phone_digits FROM customer WHERE deleted_at IS NULL "
                   f"ORDER BY sort_key, id LIMIT {HEAD}) AS head WHERE phone_digits LIKE ?")

# The customers whose contacts have a key starting with a prefix (one `?` per key): index ranges.
_CONTACTS_BY_PREFIX = " UNION ALL ".join(
    f"SELECT customer_id FROM contact WHERE {key} LIKE ? AND deleted_at IS NULL" for key in KEYS)


def term_condition(term: str, is_han: bool, probe: Any = None) -> tuple[str, list[object]]:
    """SQL (with `?` placeholders) keeping the customers `c` one normalized term finds, as a file's search does.
    With `probe` (count a query's rows), the plan suits how many match (see FEW_MATCHES): OFFSET 0 keeps the
    planner from folding a few matches into a walk of the whole list, and `OR false` keeps the matches a set the
    walk looks customers up in (a hashed subplan) instead of a join it would sort."""
    if len(term) == 1 and not is_han:  # names that start with it: a range of the list's own index
        return "c.sort_key LIKE ?", [like_escape(term) + "%"]
    ids, params = matching_ids(term, is_han)
    if probe is None:
        return f"c.id IN ({ids})", params
    sparse = SPARSE_MATCHES if len(term) >= 3 or is_han else SPARSE_PREFIX_MATCHES
    if len(term) >= 3 or is_han:
        # the planner's estimate, from the documents' statistics (DOC_STATISTICS) or the grams' most common
        # elements (上海: 4,653 for 4,744; a rare one low): counting up to 5,000 matches took up to 6 ms
        found = probe(f"EXPLAIN (FORMAT JSON) {ids}", params)
    else:
        found = probe(f"SELECT count(*) FROM ({ids} LIMIT {sparse}) AS found", params)
    if found < FEW_MATCHES:
        return f"c.id IN ({ids} OFFSET 0)", params
    if found < sparse:
        return f"(c.id IN ({ids}) OR false)", params
    # dense: each customer in list order tested on its own, so the first page fills after a few hundred
    if len(term) >= 3 or is_han:
        column, value = ("doc LIKE ?", params[0]) if len(term) >= 3 else ("grams @> ARRAY[?]::text[]", term)
        return (f"EXISTS (SELECT 1 FROM kc_customer_search s WHERE s.customer_id = c.id AND s.{column} "
                "OFFSET 0)", [value])
    prefix = params[0]
    own = " OR ".join(f"c.{key} LIKE ?" for key in ("sort_key", *KEYS))
    if term.isdigit() and probe(_PHONES_IN_HEAD, [prefix]) >= HEAD_PHONES:
        # phone numbers, spread evenly over any order of the list, and so many that the walk is short: each
        # customer's contacts looked up, only for those their own keys leave out (a hashed set of the contacts'
        # matches held every contact of a mobile prefix: "13", 1.3 against 13.1 ms)
        contacts = " OR ".join(f"t.{key} LIKE ?" for key in KEYS)
        return (f"({own} OR EXISTS (SELECT 1 FROM contact t WHERE t.customer_id = c.id AND t.deleted_at IS NULL "
                f"AND ({contacts}) OFFSET 0))", [prefix] * (1 + 2 * len(KEYS)))
    # the contacts' matches from their index ranges, once; each customer then a lookup in them (a hashed subplan:
    # a contact lookup per customer cost 4 µs, most of a 24 ms page where the matches gather in the list's order,
    # as names starting with the letters do; 1.0 against 16.6 ms for an area code, "02", that few customers have)
    return f"({own} OR c.id IN ({_CONTACTS_BY_PREFIX}))", [prefix] * (1 + 2 * len(KEYS))
