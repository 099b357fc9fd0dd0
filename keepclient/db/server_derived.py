"""The figures a file keeps beside its tables, kept the same way on a team server (issue 19, server layout 4).

In a file, SQLite triggers keep each customer's last done visit (db/last_done.py), the visits counted by
salesperson and month (db/visit_months.py) and the feedback log's narrow text table (db/feedback_text.py); the
services keep the customers' order months (db/order_values.py). On a server:
- `last_done_at` and `visit_month` by PL/pgSQL triggers with the same rules, in the writer's transaction (a
  salesperson's triggers see what the row policies let them see: a customer's own visits);
- `feedback_text` is a view (security_invoker: it shows each login only the feedback it may see);
- `customer_month` is a table the same services' SQL fills;
- the KPIs' partial indexes are the same.
move-to-server sets the triggers aside while it copies and counts everything once at the end (`recount`).
"""

from __future__ import annotations

from typing import Any

_TABLES = """
CREATE TABLE visit_month (
    salesperson_id bigint NOT NULL, month text COLLATE "C" NOT NULL, planned bigint NOT NULL, done bigint NOT NULL,
    missed bigint NOT NULL, cancelled bigint NOT NULL, score_total bigint NOT NULL, score_count bigint NOT NULL,
    PRIMARY KEY (month, salesperson_id)
);
CREATE TABLE customer_month (
    month text COLLATE "C" NOT NULL, salesperson_id bigint NOT NULL,
    customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    revenue_cents bigint NOT NULL, orders bigint NOT NULL, shared bigint NOT NULL,
    PRIMARY KEY (month, salesperson_id, customer_id)
);
CREATE INDEX customer_month_customer_id ON customer_month (customer_id);
CREATE VIEW feedback_text WITH (security_invoker = true) AS
    SELECT id, description || chr(31) || resolution AS text FROM feedback;
"""

_TRIGGERS = """
CREATE FUNCTION kc_visit_month_add(v visit, sign integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO {schema}.visit_month AS m (salesperson_id, month, planned, done, missed, cancelled, score_total,
                                           score_count)
    SELECT coalesce(v.salesperson_id, 0), to_char(v.planned_start, 'YYYY-MM'), sign,
           sign * (v.status = 'done')::int, sign * (v.status = 'missed')::int, sign * (v.status = 'cancelled')::int,
           sign * coalesce(CASE WHEN v.status = 'done' THEN v.satisfaction END, 0),
           sign * (v.status = 'done' AND v.satisfaction IS NOT NULL)::int
    WHERE v.deleted_at IS NULL
    ON CONFLICT (month, salesperson_id) DO UPDATE SET planned = m.planned + excluded.planned,
        done = m.done + excluded.done, missed = m.missed + excluded.missed,
        cancelled = m.cancelled + excluded.cancelled, score_total = m.score_total + excluded.score_total,
        score_count = m.score_count + excluded.score_count
$$;
CREATE FUNCTION kc_visit_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM {schema}.kc_visit_month_add(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM {schema}.kc_visit_month_add(NEW, 1); END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER kc_visit_month AFTER INSERT OR DELETE OR UPDATE OF salesperson_id, planned_start, status,
    satisfaction, deleted_at ON visit FOR EACH ROW EXECUTE FUNCTION kc_visit_month();

CREATE FUNCTION kc_last_done(customer bigint) RETURNS timestamp LANGUAGE sql STABLE AS $$
    SELECT max(v.planned_start) FROM {schema}.visit v WHERE v.customer_id = customer AND v.deleted_at IS NULL
        AND v.status = 'done'
$$;
CREATE FUNCTION kc_visit_last_done() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN  -- a new done visit only moves the date later
        IF NEW.status = 'done' AND NEW.deleted_at IS NULL THEN
            UPDATE {schema}.customer SET last_done_at = NEW.planned_start
            WHERE id = NEW.customer_id AND (last_done_at IS NULL OR last_done_at < NEW.planned_start);
        END IF;
    ELSIF TG_OP = 'UPDATE' THEN
        IF (OLD.status = 'done' AND OLD.deleted_at IS NULL) OR (NEW.status = 'done' AND NEW.deleted_at IS NULL) THEN
            UPDATE {schema}.customer SET last_done_at = {schema}.kc_last_done(id)
            WHERE id IN (OLD.customer_id, NEW.customer_id);
        END IF;
    ELSIF OLD.status = 'done' AND OLD.deleted_at IS NULL THEN
        UPDATE {schema}.customer SET last_done_at = {schema}.kc_last_done(id) WHERE id = OLD.customer_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER kc_visit_last_done AFTER INSERT OR DELETE OR UPDATE OF status, planned_start, deleted_at, customer_id
    ON visit FOR EACH ROW EXECUTE FUNCTION kc_visit_last_done();
"""

VISIT_TRIGGERS = ("kc_visit_month", "kc_visit_last_done")

RECOUNT_VISIT_MONTHS = """
DELETE FROM visit_month;
INSERT INTO visit_month (salesperson_id, month, planned, done, missed, cancelled, score_total, score_count)
SELECT coalesce(v.salesperson_id, 0), to_char(v.planned_start, 'YYYY-MM'), count(*),
       count(*) FILTER (WHERE v.status = 'done'), count(*) FILTER (WHERE v.status = 'missed'),
       count(*) FILTER (WHERE v.status = 'cancelled'),
       coalesce(sum(CASE WHEN v.status = 'done' THEN v.satisfaction END), 0),
       count(*) FILTER (WHERE v.status = 'done' AND v.satisfaction IS NOT NULL)
FROM visit v WHERE v.deleted_at IS NULL GROUP BY 1, 2;
"""


def create_derived(pw: Any) -> None:
    """Server layout 4, in the caller's transaction, then counted from what the server holds (an upgrade)."""
    from keepclient.db import order_values, server_roles

    schema = '"' + pw.execute_sql("SELECT current_schema()").fetchone()[0].replace('"', '""') + '"'
    pw.execute_sql(_TABLES)
    # names in function bodies are read with the caller's search path, where a temporary table comes first
    pw.execute_sql(_TRIGGERS.replace("{schema}", schema))
    for statement in order_values.CREATE_SQL[2:]:  # the KPIs' partial indexes: written for both engines
        pw.execute_sql(statement)
    server_roles.grant_derived(pw, ("visit_month", "customer_month"), ("feedback_text",))
    server_roles.secure_customer_table(pw, "customer_month", granted=True)  # a customer's revenue by month
    recount(pw)


def recount(pw: Any) -> None:
    """Count the derived figures of everything the server holds (after move-to-server copied the rows with the
    triggers set aside, or an upgrade to this layout). Each customer's last done visit is copied with its row."""
    from keepclient.db import order_values
    from keepclient.db.server_search import Qmark

    pw.execute_sql(RECOUNT_VISIT_MONTHS)
    order_values.refresh_months(Qmark(pw))
