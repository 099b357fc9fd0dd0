"""peewee models: the live schema. Migrations keep frozen SQL of their own and never import this module.

Every table carries a uuid (stable across export, import and machines), timestamps, who changed it last and a
`version` for optimistic locking. Tables users delete from have `deleted_at` (trash). The models are not bound to
a database at import time: `db.connection.Database` binds them for the duration of each unit of work.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid as uuidlib
from collections.abc import Iterator

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def new_uuids(count: int) -> Iterator[str]:
    """`count` random (version 4) uuids at once: bulk imports make 100,000s, and one urandom call is cheaper."""
    digits = os.urandom(16 * count).hex()
    for start in range(0, 32 * count, 32):
        h = digits[start:start + 32]
        yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}  # RFC 4122: 10xx


def now() -> dt.datetime:
    """Local wall-clock time, to the second: what the team sees on its calendars."""
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    id = AutoField()
    uuid = CharField(max_length=36, unique=True, default=new_uuid)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    updated_by = CharField(default="")
    version = IntegerField(default=1)

    class Meta:
        database = None
        legacy_table_names = False


class Salesperson(BaseModel):
    name = CharField()
    code = CharField(unique=True)
    color = CharField(default="#4e79a7")
    email = CharField(default="")
    active = BooleanField(default=True)
    monthly_revenue_target_cents = IntegerField(default=0)  # schema 12: KPI targets (0: none)
    monthly_visit_target = IntegerField(default=0)


class Customer(BaseModel):
    name = CharField()
    kind = CharField(default="company")
    owner = ForeignKeyField(Salesperson, null=True, on_delete="SET NULL", backref="customers", index=False)
    tier = CharField(default="C")
    stage = CharField(default="new")
    industry = CharField(default="")
    source = CharField(default="")
    address = CharField(default="")
    city = CharField(default="")
    region = CharField(default="")
    phone = CharField(default="")
    email = CharField(default="")
    website = CharField(default="")
    notes = TextField(default="")
    cadence_days = IntegerField(null=True)
    last_contact = DateField(null=True)
    next_follow_up = DateField(null=True)
    name_norm = CharField(default="", index=True)
    name_pinyin = CharField(default="", index=True)
    name_initials = CharField(default="", index=True)
    phone_digits = CharField(default="", index=True)
    deleted_at = DateTimeField(null=True)
    sort_key = CharField(default="")
    open_feedback = IntegerField(default=0)  # kept by the services: feedback not yet replied to or closed
    # Order figures, kept by the services on every purchase write and refreshed daily (the 12 months move on):
    # derived like the search keys, so they raise no version and write no change log.
    revenue_12m_cents = IntegerField(default=0)
    orders_count = IntegerField(default=0)
    last_order = DateField(null=True)
    order_gap_days = FloatField(null=True)  # average days between orders (two orders or more)
    revenue_total_cents = IntegerField(default=0)  # every purchase ever (schema 10)
    revenue_prev_12m_cents = IntegerField(default=0)  # the 12 months before the last 12
    first_order = DateField(null=True)
    value_as_of = DateField(null=True)  # the day the order figures were counted for (order_values._stale)
    # Value and churn risk (services/insights), derived the same way: no version, no change log.
    risk_score = IntegerField(default=0)  # 0..100
    risk_reasons = TextField(default="[]")  # JSON: [[key, points, template, [values]], ...], biggest first
    suggested_tier = CharField(null=True)  # A/B/C by the 80/20 rule; NULL until counted
    tier_pinned = BooleanField(default=False)  # the tier was set by hand: suggestions leave it
    rfm = CharField(null=True)  # recency, frequency, monetary scores 1..5 as "545"; NULL without orders
    ltv_cents = IntegerField(null=True)  # lifetime value estimate
    lost_reason = CharField(default="")  # why it was marked lost (domain.insights.LOST_REASONS)
    insights_as_of = DateField(null=True)  # first counted by a full recompute (the day: the team's stats)
    last_done_at = DateTimeField(null=True)  # its latest done visit's start, kept by triggers (db/last_done.py)

    class Meta:
        # Every list query says whether it wants the trash (deleted_at), then filters or sorts by one column and
        # breaks ties by name: one index per sortable column serves both, and deep pages stay fast.
        indexes = (
            *(((("deleted_at", *column, "sort_key")), False)
              for column in ((), ("tier",), ("stage",), ("owner",), ("city",), ("last_contact",),
                             ("next_follow_up",), ("open_feedback",), ("revenue_12m_cents",), ("last_order",),
                             ("risk_score",))),
        )


class Contact(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="contacts")
    name = CharField()
    title = CharField(default="")
    mobile = CharField(default="")
    phone = CharField(default="")
    email = CharField(default="")
    im_id = CharField(default="")
    birthday_year = IntegerField(null=True)
    birthday_month = IntegerField(null=True)
    birthday_day = IntegerField(null=True)
    birthday_lunar = IntegerField(default=0)  # 0 Gregorian, 1 lunar, 2 lunar in a leap month (domain/lunar.py)
    is_primary = BooleanField(default=False)
    notes = TextField(default="")
    name_norm = CharField(default="")
    name_pinyin = CharField(default="")
    name_initials = CharField(default="")
    phone_digits = CharField(default="")
    deleted_at = DateTimeField(null=True)

    class Meta:
        # Search keys lead covering indexes: a prefix search collects customer ids without reading the table.
        indexes = (
            (("birthday_month", "birthday_day"), False),
            *(((key, "deleted_at", "customer"), False)
              for key in ("name_norm", "name_pinyin", "name_initials", "phone_digits")),
        )


# The few lunar birthdays of a period are found through their own partial index (schema 11).
Contact.add_index(Contact.index(Contact.birthday_month, Contact.birthday_day, name="contact_lunar_birthday",
                                where=Contact.birthday_lunar != 0))


class VisitSeries(BaseModel):
    """A recurring follow-up; its occurrences are ordinary visits linked to it (edit one or all)."""

    every = IntegerField()
    unit = CharField()  # day, week, month
    until = DateField(null=True)
    count = IntegerField(null=True)


class Visit(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="visits")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    salesperson = ForeignKeyField(Salesperson, null=True, on_delete="SET NULL", index=False)
    planned_start = DateTimeField(index=True)
    duration_minutes = IntegerField(default=60)
    kind = CharField(default="visit")
    purpose = CharField(default="")
    location = CharField(default="")
    status = CharField(default="planned")
    outcome = TextField(default="")
    satisfaction = IntegerField(null=True)
    next_follow_up = DateField(null=True)
    deleted_at = DateTimeField(null=True)
    series = ForeignKeyField(VisitSeries, null=True, on_delete="SET NULL", backref="visits")
    remind_minutes = IntegerField(null=True)  # a reminder this long before the start; None: no reminder

    class Meta:
        indexes = (
            (("salesperson", "planned_start"), False),
            (("customer", "planned_start"), False),
            # The calendar's periods: counts per day and first pages without reading the visits themselves.
            (("deleted_at", "planned_start", "salesperson"), False),
        )


class Feedback(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="feedback")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    visit = ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    received_at = DateTimeField(index=True)
    channel = CharField(default="phone")
    kind = CharField(default="complaint")
    category = CharField(default="other")
    severity = CharField(default="normal")
    description = TextField(default="")
    owner = ForeignKeyField(Salesperson, null=True, on_delete="SET NULL")
    status = CharField(default="new", index=True)
    first_response_at = DateTimeField(null=True)
    resolved_at = DateTimeField(null=True)
    replied_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    resolution = TextField(default="")
    satisfaction = IntegerField(null=True)
    satisfaction_comment = TextField(default="")
    deleted_at = DateTimeField(null=True)
    response_due = DateTimeField(null=True)  # working-time deadlines from the team's response targets
    resolution_due = DateTimeField(null=True)
    next_due = DateTimeField(null=True)  # the deadline still ahead (response, then resolution); NULL when resolved
    response_hours = FloatField(null=True)  # how long the first response / the resolution took, for sorting
    resolution_hours = FloatField(null=True)

    class Meta:
        # The log filters by one column and sorts by another over 200,000 items: each sort has its index.
        indexes = (
            (("deleted_at", "next_due", "received_at"), False),
            (("deleted_at", "received_at"), False),
            (("deleted_at", "status", "next_due"), False),
            (("deleted_at", "owner", "next_due"), False),
            (("deleted_at", "category", "received_at"), False),
            (("deleted_at", "severity", "received_at"), False),
            (("deleted_at", "kind", "received_at"), False),
            (("deleted_at", "response_hours"), False),
            (("deleted_at", "resolution_hours"), False),
            (("deleted_at", "description"), False),
        )


class Tag(BaseModel):
    name = CharField(unique=True)
    color = CharField(default="")


class CustomerTag(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", index=False)
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        indexes = ((("customer", "tag"), True),)


class ImportBatch(BaseModel):
    file_name = CharField()
    sha256 = CharField(default="")
    sheet = CharField(default="")
    mapping = TextField(default="{}")
    started_at = DateTimeField(default=now)
    finished_at = DateTimeField(null=True)
    counts = TextField(default="{}")
    undone_at = DateTimeField(null=True)


class Purchase(BaseModel):
    """One order line. Money is whole cents of the team's currency (exact sums; no float rounding)."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="purchases", index=False)
    date = DateField()
    order_no = CharField(default="")
    product = CharField(default="")
    quantity = DecimalField(max_digits=14, decimal_places=3, default=1)
    unit_price_cents = IntegerField(null=True)
    amount_cents = IntegerField(default=0)
    salesperson = ForeignKeyField(Salesperson, null=True, on_delete="SET NULL", index=False)
    notes = TextField(default="")
    order_key = CharField(default="", index=True)  # what identifies the order on a re-import (services/orders)
    import_batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL", index=True)
    deleted_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("customer", "date"), False),)


class Gift(BaseModel):
    """A gift or greeting given to a customer (schema 13): the care log. Money in whole cents, like purchases."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="gifts", index=False)
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL", index=False)
    date = DateField()
    occasion = CharField(default="")  # a holiday key (domain/holidays.py), "birthday", or an event in words
    item = CharField(default="")
    cost_cents = IntegerField(null=True)
    given_by = ForeignKeyField(Salesperson, null=True, on_delete="SET NULL", index=False)
    notes = TextField(default="")
    deleted_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("customer", "date"), False), (("occasion", "date"), False))


class ImportRecord(BaseModel):
    """One row an import created or updated, with the before-image needed to undo it."""

    batch = ForeignKeyField(ImportBatch, on_delete="CASCADE", backref="records")
    table_name = CharField()
    record_id = IntegerField()
    action = CharField()  # "created" or "updated"
    before = TextField(null=True)  # JSON of the row before an update


class ChangeLog(BaseModel):
    table_name = CharField()
    record_id = IntegerField()
    field = CharField()
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    changed_at = DateTimeField(default=now)
    changed_by = CharField(default="")

    class Meta:
        indexes = ((("table_name", "record_id", "changed_at"), False),)


class Setting(BaseModel):
    key = CharField(unique=True)
    value = TextField(default="null")  # JSON


class Presence(BaseModel):
    """One open window on this database (its uuid is the session): refreshed by a heartbeat, stale after a
    minute. Written without versions or change log: it is not customer data."""

    who = CharField()
    machine = CharField()
    since = DateTimeField()
    seen_at = DateTimeField(index=True)


class SchemaInfo(BaseModel):
    schema_version = IntegerField()
    app_version = CharField()
    migrated_at = DateTimeField(default=now)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Salesperson, Customer, Contact, VisitSeries, Visit, Feedback, Purchase, Tag, CustomerTag,
    ImportBatch, ImportRecord, ChangeLog, Setting, SchemaInfo, Presence, Gift,
)
