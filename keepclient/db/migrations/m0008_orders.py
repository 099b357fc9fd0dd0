"""Schema 8: orders entered by hand and imported, and each customer's order figures.

- purchase gains order number, unit price, salesperson, notes, the key an order is found by on re-import
  (order_key: its normalized order number, "" without one) and the import batch that brought it. Money becomes
  whole cents (amount_cents, unit_price_cents): sums are exact, no float rounding. The table is rebuilt (SQLite
  cannot change a column's type) and existing amounts are rounded to the cent once, here.
- customer gains its order figures (revenue_12m_cents, orders_count, last_order, order_gap_days, value_as_of),
  derived from purchases like the search keys, with an index each for sorting 100,000 customers by them. The
  12-month revenue depends on the day, so value_as_of is left empty and the first open counts it.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 8
STATEMENTS = (
    'CREATE TABLE "purchase_new" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" '
    'DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "version" INTEGER NOT '
    'NULL, "customer_id" INTEGER NOT NULL, "date" DATE NOT NULL, "order_no" VARCHAR(255) NOT NULL, "product" '
    'VARCHAR(255) NOT NULL, "quantity" DECIMAL(14, 3) NOT NULL, "unit_price_cents" INTEGER, "amount_cents" INTEGER '
    'NOT NULL, "salesperson_id" INTEGER, "notes" TEXT NOT NULL, "order_key" VARCHAR(255) NOT NULL, '
    '"import_batch_id" INTEGER, "deleted_at" DATETIME, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON '
    'DELETE CASCADE, FOREIGN KEY ("salesperson_id") REFERENCES "salesperson" ("id") ON DELETE SET NULL, FOREIGN KEY '
    '("import_batch_id") REFERENCES "import_batch" ("id") ON DELETE SET NULL)',
    'INSERT INTO "purchase_new" ("id", "uuid", "created_at", "updated_at", "updated_by", "version", "customer_id", '
    '"date", "order_no", "product", "quantity", "unit_price_cents", "amount_cents", "salesperson_id", "notes", '
    '"order_key", "import_batch_id", "deleted_at") SELECT p.id, p.uuid, p.created_at, p.updated_at, p.updated_by, '
    'p.version, p.customer_id, p.date, \'\', p.product, p.quantity, NULL, CAST(round(p.amount * 100) AS INTEGER), '
    'c.owner_id, \'\', \'\', NULL, p.deleted_at FROM "purchase" p LEFT JOIN "customer" c ON c.id = p.customer_id',
    'DROP TABLE "purchase"',
    'ALTER TABLE "purchase_new" RENAME TO "purchase"',
    'CREATE UNIQUE INDEX "purchase_uuid" ON "purchase" ("uuid")',
    'CREATE INDEX "purchase_order_key" ON "purchase" ("order_key")',
    'CREATE INDEX "purchase_import_batch_id" ON "purchase" ("import_batch_id")',
    'CREATE INDEX "purchase_customer_id_date" ON "purchase" ("customer_id", "date")',
    'ALTER TABLE "customer" ADD COLUMN "revenue_12m_cents" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "orders_count" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "last_order" DATE',
    'ALTER TABLE "customer" ADD COLUMN "order_gap_days" REAL',
    'ALTER TABLE "customer" ADD COLUMN "value_as_of" DATE',
    'UPDATE "customer" SET ("orders_count", "last_order", "order_gap_days") = (SELECT count(*), max(p.date), '
    'CASE WHEN count(*) > 1 THEN (julianday(max(p.date)) - julianday(min(p.date))) / (count(*) - 1) END '
    'FROM "purchase" p WHERE p.customer_id = "customer".id AND p.deleted_at IS NULL)',
    'CREATE INDEX "customer_deleted_at_revenue_12m_cents_sort_key" ON "customer" ("deleted_at", '
    '"revenue_12m_cents", "sort_key")',
    'CREATE INDEX "customer_deleted_at_last_order_sort_key" ON "customer" ("deleted_at", "last_order", "sort_key")',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
