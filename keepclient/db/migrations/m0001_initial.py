"""Schema 1: every table of the first data model, frozen as SQL so later model edits cannot change history."""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 1

STATEMENTS: tuple[str, ...] = (
    (
        'CREATE TABLE "change_log" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "table_name" VARCHAR(255) NOT NULL, "record_id" INTEGER NOT '
        'NULL, "field" VARCHAR(255) NOT NULL, "old_value" TEXT, "new_value" TEXT, "changed_at" DATETIME '
        'NOT NULL, "changed_by" VARCHAR(255) NOT NULL);'
    ),
    'CREATE UNIQUE INDEX "change_log_uuid" ON "change_log" ("uuid");',
    (
        'CREATE INDEX "change_log_table_name_record_id_changed_at" ON "change_log" ("table_name", '
        '"record_id", "changed_at");'
    ),
    (
        'CREATE TABLE "salesperson" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, '
        '"color" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL);'
    ),
    'CREATE UNIQUE INDEX "salesperson_uuid" ON "salesperson" ("uuid");',
    'CREATE UNIQUE INDEX "salesperson_code" ON "salesperson" ("code");',
    (
        'CREATE TABLE "customer" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, '
        '"owner_id" INTEGER, "tier" VARCHAR(255) NOT NULL, "stage" VARCHAR(255) NOT NULL, "industry" '
        'VARCHAR(255) NOT NULL, "source" VARCHAR(255) NOT NULL, "address" VARCHAR(255) NOT NULL, "city" '
        'VARCHAR(255) NOT NULL, "region" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "email" '
        'VARCHAR(255) NOT NULL, "website" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL, "cadence_days" '
        'INTEGER, "last_contact" DATE, "next_follow_up" DATE, "deleted_at" DATETIME, FOREIGN KEY '
        '("owner_id") REFERENCES "salesperson" ("id") ON DELETE SET NULL);'
    ),
    'CREATE UNIQUE INDEX "customer_uuid" ON "customer" ("uuid");',
    'CREATE INDEX "customer_owner_id" ON "customer" ("owner_id");',
    'CREATE INDEX "customer_tier" ON "customer" ("tier");',
    'CREATE INDEX "customer_stage" ON "customer" ("stage");',
    'CREATE INDEX "customer_next_follow_up" ON "customer" ("next_follow_up");',
    'CREATE INDEX "customer_deleted_at_name" ON "customer" ("deleted_at", "name");',
    (
        'CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, '
        '"title" VARCHAR(255) NOT NULL, "mobile" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, '
        '"email" VARCHAR(255) NOT NULL, "im_id" VARCHAR(255) NOT NULL, "birthday_year" INTEGER, '
        '"birthday_month" INTEGER, "birthday_day" INTEGER, "is_primary" INTEGER NOT NULL, "notes" TEXT '
        'NOT NULL, "deleted_at" DATETIME, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON '
        'DELETE CASCADE);'
    ),
    'CREATE UNIQUE INDEX "contact_uuid" ON "contact" ("uuid");',
    'CREATE INDEX "contact_customer_id" ON "contact" ("customer_id");',
    'CREATE INDEX "contact_birthday_month_birthday_day" ON "contact" ("birthday_month", "birthday_day");',
    (
        'CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at"'
        ' DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT NULL, '
        '"version" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "color" VARCHAR(255) NOT NULL);'
    ),
    'CREATE UNIQUE INDEX "tag_uuid" ON "tag" ("uuid");',
    'CREATE UNIQUE INDEX "tag_name" ON "tag" ("name");',
    (
        'CREATE TABLE "customer_tag" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL, '
        'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY '
        '("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE);'
    ),
    'CREATE UNIQUE INDEX "customer_tag_uuid" ON "customer_tag" ("uuid");',
    'CREATE INDEX "customer_tag_tag_id" ON "customer_tag" ("tag_id");',
    'CREATE UNIQUE INDEX "customer_tag_customer_id_tag_id" ON "customer_tag" ("customer_id", "tag_id");',
    (
        'CREATE TABLE "visit" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "contact_id" INTEGER, '
        '"salesperson_id" INTEGER, "planned_start" DATETIME NOT NULL, "duration_minutes" INTEGER NOT '
        'NULL, "kind" VARCHAR(255) NOT NULL, "purpose" VARCHAR(255) NOT NULL, "location" VARCHAR(255) NOT'
        ' NULL, "status" VARCHAR(255) NOT NULL, "outcome" TEXT NOT NULL, "satisfaction" INTEGER, '
        '"next_follow_up" DATE, "deleted_at" DATETIME, FOREIGN KEY ("customer_id") REFERENCES "customer" '
        '("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET '
        'NULL, FOREIGN KEY ("salesperson_id") REFERENCES "salesperson" ("id") ON DELETE SET NULL);'
    ),
    'CREATE UNIQUE INDEX "visit_uuid" ON "visit" ("uuid");',
    'CREATE INDEX "visit_customer_id" ON "visit" ("customer_id");',
    'CREATE INDEX "visit_contact_id" ON "visit" ("contact_id");',
    'CREATE INDEX "visit_planned_start" ON "visit" ("planned_start");',
    'CREATE INDEX "visit_salesperson_id_planned_start" ON "visit" ("salesperson_id", "planned_start");',
    'CREATE INDEX "visit_customer_id_planned_start" ON "visit" ("customer_id", "planned_start");',
    (
        'CREATE TABLE "feedback" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "contact_id" INTEGER, '
        '"visit_id" INTEGER, "received_at" DATETIME NOT NULL, "channel" VARCHAR(255) NOT NULL, "kind" '
        'VARCHAR(255) NOT NULL, "category" VARCHAR(255) NOT NULL, "severity" VARCHAR(255) NOT NULL, '
        '"description" TEXT NOT NULL, "owner_id" INTEGER, "status" VARCHAR(255) NOT NULL, '
        '"first_response_at" DATETIME, "resolved_at" DATETIME, "replied_at" DATETIME, "closed_at" '
        'DATETIME, "resolution" TEXT NOT NULL, "satisfaction" INTEGER, "satisfaction_comment" TEXT NOT '
        'NULL, "deleted_at" DATETIME, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE '
        'CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL, FOREIGN KEY '
        '("visit_id") REFERENCES "visit" ("id") ON DELETE SET NULL, FOREIGN KEY ("owner_id") REFERENCES '
        '"salesperson" ("id") ON DELETE SET NULL);'
    ),
    'CREATE UNIQUE INDEX "feedback_uuid" ON "feedback" ("uuid");',
    'CREATE INDEX "feedback_customer_id" ON "feedback" ("customer_id");',
    'CREATE INDEX "feedback_contact_id" ON "feedback" ("contact_id");',
    'CREATE INDEX "feedback_visit_id" ON "feedback" ("visit_id");',
    'CREATE INDEX "feedback_received_at" ON "feedback" ("received_at");',
    'CREATE INDEX "feedback_owner_id" ON "feedback" ("owner_id");',
    'CREATE INDEX "feedback_status" ON "feedback" ("status");',
    (
        'CREATE TABLE "import_batch" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "file_name" VARCHAR(255) NOT NULL, "sha256" VARCHAR(255) NOT '
        'NULL, "sheet" VARCHAR(255) NOT NULL, "mapping" TEXT NOT NULL, "started_at" DATETIME NOT NULL, '
        '"finished_at" DATETIME, "counts" TEXT NOT NULL, "undone_at" DATETIME);'
    ),
    'CREATE UNIQUE INDEX "import_batch_uuid" ON "import_batch" ("uuid");',
    (
        'CREATE TABLE "import_record" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "batch_id" INTEGER NOT NULL, "table_name" VARCHAR(255) NOT '
        'NULL, "record_id" INTEGER NOT NULL, "action" VARCHAR(255) NOT NULL, "before" TEXT, FOREIGN KEY '
        '("batch_id") REFERENCES "import_batch" ("id") ON DELETE CASCADE);'
    ),
    'CREATE UNIQUE INDEX "import_record_uuid" ON "import_record" ("uuid");',
    'CREATE INDEX "import_record_batch_id" ON "import_record" ("batch_id");',
    (
        'CREATE TABLE "purchase" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "date" DATE NOT NULL, "amount"'
        ' DECIMAL(14, 2) NOT NULL, "product" VARCHAR(255) NOT NULL, "quantity" INTEGER NOT NULL, '
        '"deleted_at" DATETIME, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE '
        'CASCADE);'
    ),
    'CREATE UNIQUE INDEX "purchase_uuid" ON "purchase" ("uuid");',
    'CREATE INDEX "purchase_customer_id_date" ON "purchase" ("customer_id", "date");',
    (
        'CREATE TABLE "schema_info" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "schema_version" INTEGER NOT NULL, "app_version" VARCHAR(255) '
        'NOT NULL, "migrated_at" DATETIME NOT NULL);'
    ),
    'CREATE UNIQUE INDEX "schema_info_uuid" ON "schema_info" ("uuid");',
    (
        'CREATE TABLE "setting" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
        '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT '
        'NULL, "version" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "value" TEXT NOT NULL);'
    ),
    'CREATE UNIQUE INDEX "setting_uuid" ON "setting" ("uuid");',
    'CREATE UNIQUE INDEX "setting_key" ON "setting" ("key");',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
