"""Importing spreadsheets as a use case: preview (read, detect, map, normalize, match) and run, undo, history.

Nothing is written until `run`; a preview holds every problem (cell by cell, with what was done and why) and can be
saved as an .xlsx problem report. A mapping chosen for a file is remembered for the next file with the same headers.
A workbook exported by keepclient is read whole (its Customers and Contacts sheets), and so is its JSON export.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keepclient.db.connection import Database
from keepclient.db.models import ImportBatch, Setting
from keepclient.domain.errors import ImportFileError
from keepclient.domain.normalize import normalize_name
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import as_date, birthday_text
from keepclient.exporting.customers import CONTACT_ID_HEADER, SHEET_TITLES
from keepclient.exporting.problem_report import write_report
from keepclient.importing import columns, json_sheets, readers, undo, write
from keepclient.importing.collector import collector_paused
from keepclient.importing.orders import OrderPlan
from keepclient.importing.plan import ExistingIndex, ImportPlan, build_plan  # STORED_KEYS: the SQL's order
from keepclient.importing.problems import Translate, english
from keepclient.importing.write import ImportResult
from keepclient.services import backups
from keepclient.services.insights import refresh_if_current

EXPORT_SHEETS = tuple(title.text for title in SHEET_TITLES[:2])  # Customers and Contacts, as a JSON export's sheets
CONTACTS_HEADER_ROW = 0

@dataclass
class ImportPreview:
    path: Path
    sheet: str
    sheet_names: list[str]
    header_row: int  # index into the sheet's rows
    headers: list[Any]
    mapping: dict[int, str]
    plan: ImportPlan | OrderPlan  # an orders import's preview (services/order_imports.py) has an OrderPlan
    encoding: str
    sha256: str
    rows: list[list[Any]]
    numbers: list[int]


@dataclass
class LoadedSheet:
    path: Path
    table: readers.Sheet
    sheet_names: list[str]
    encoding: str
    sha256: str
    companion: readers.Sheet | None = None  # the Contacts sheet of a keepclient export, read along


@dataclass(frozen=True)
class ImportHistoryEntry:
    id: int
    file_name: str
    started_at: Any
    counts: dict[str, int]
    undone: bool


def _mapping_key(headers: list[Any]) -> str:
    text = "\u241f".join(columns.header_key(h) for h in headers)
    return "import.mapping." + hashlib.sha1(text.encode()).hexdigest()


class ImportService:
    def __init__(self, db: Database, user: str, region: str = "CN") -> None:
        self.db, self.user, self.region = db, user, region

    def load(self, path: str | Path, sheet: str | None = None) -> LoadedSheet:
        """Read one sheet of a file (the slow part, done once; planning can then be repeated cheaply). Without a
        sheet named, a keepclient export is read whole: its Contacts sheet comes along with its Customers."""
        path = Path(path)
        digest = _sha256(path)
        with collector_paused():
            if path.suffix.lower() == ".json" or _starts_like_json(path):
                customers, contacts = json_sheets.read_export_json(path)
                chosen = contacts if sheet == contacts.name else customers
                return LoadedSheet(path, chosen, list(EXPORT_SHEETS), "utf-8", digest,
                                   contacts if sheet is None else None)
            book = readers.open_spreadsheet(path)
            try:
                table = book.read(sheet)
                companion = _contacts_sheet(book) if sheet is None and _is_export(table) else None
            finally:
                book.close()
        return LoadedSheet(path, table, book.sheet_names, book.encoding, digest, companion)

    def preview(
        self, path: str | Path, *, sheet: str | None = None, header_row: int | None = None,
        mapping: dict[int, str] | None = None, policy: str = "fill", translate: Translate = english,
    ) -> ImportPreview:
        return self.plan(self.load(path, sheet), header_row=header_row, mapping=mapping, policy=policy,
                         translate=translate)

    def plan(self, loaded: LoadedSheet, *, header_row: int | None = None, mapping: dict[int, str] | None = None,
             policy: str = "fill", translate: Translate = english) -> ImportPreview:
        """Header row, mapping and matching for a loaded sheet; nothing is written. `translate(context, text)`
        puts the notes lines that keep unreadable values in the user's language."""
        path, table = loaded.path, loaded.table
        header_index = columns.find_header_row(table.rows) if header_row is None else header_row
        if not 0 <= header_index < len(table.rows):
            raise ImportFileError(name=path.name, reason=f"row {header_index + 1} is not in the sheet.")
        headers = table.rows[header_index]
        chosen = mapping if mapping is not None else (self.remembered_mapping(headers) or columns.map_columns(headers))
        rows, numbers = table.rows[header_index + 1:], table.numbers[header_index + 1:]
        existing = self._existing()
        with collector_paused():
            plan = build_plan(headers, rows, numbers, chosen, policy, existing, self.region, translate, _place)
            if loaded.companion is not None and loaded.companion.rows:
                other = loaded.companion
                plan = plan.merged(build_plan(
                    other.rows[0], other.rows[1:], other.numbers[1:], columns.map_columns(other.rows[0]), policy,
                    existing, self.region, translate, _place))
        return ImportPreview(path, table.name, loaded.sheet_names, header_index, headers, chosen, plan,
                             loaded.encoding, loaded.sha256, rows, numbers)

    def existing(self) -> ExistingIndex:
        """The database's customers by ID, name, phone and email, and the team's names (the orders import matches
        with it too)."""
        return self._existing()

    def _existing(self) -> ExistingIndex:
        with self.db.session() as pw:
            by_id: dict[str, int] = {}
            by_name: dict[str, int] = {}
            by_phone: dict[str, int] = {}
            by_email: dict[str, int] = {}
            # In id order: where two customers share a name or a number the older one is meant, every time (the
            # planner may read "deleted_at IS NULL" through an index in another order, one that writes change).
            for cid, uid, norm, digits, email in pw.execute_sql(
                    "SELECT id, uuid, name_norm, phone_digits, lower(email) FROM customer WHERE deleted_at IS NULL "
                    "ORDER BY id"):
                by_id[uid] = cid
                by_name.setdefault(norm, cid)
                for part in digits.split():
                    by_phone.setdefault(part, cid)
                if email:
                    by_email.setdefault(email, cid)
            for cid, digits, email in pw.execute_sql(
                    "SELECT customer_id, phone_digits, lower(email) FROM contact WHERE deleted_at IS NULL "
                    "ORDER BY customer_id, id"):
                for part in digits.split():
                    by_phone.setdefault(part, cid)
                if email:
                    by_email.setdefault(email, cid)
            salespeople: dict[str, str] = {}
            for name, code in pw.execute_sql("SELECT name, code FROM salesperson ORDER BY active, id"):
                salespeople[normalize_name(code)] = name
                salespeople[normalize_name(name)] = name
        index = ExistingIndex(by_id, by_name, by_phone, by_email, salespeople=salespeople)
        index.load = lambda ids: self._load_customers(index, ids)
        index.load_contacts = lambda uuids: self._load_contacts(index, uuids)
        return index

    def _load_customers(self, index: ExistingIndex, ids: set[int]) -> None:
        """The stored values of the customers the file matched, as the plan compares them."""
        wanted = sorted(ids - index.values.keys())
        with self.db.session() as pw:
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start:start + CHUNK]
                marks = ", ".join("?" * len(chunk))
                tags: dict[int, tuple[str, ...]] = {}
                for cid, name in pw.execute_sql(
                        f"SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                        f"WHERE ct.customer_id IN ({marks}) ORDER BY t.name", chunk):
                    tags[cid] = (*tags.get(cid, ()), name)
                for cid, *row in pw.execute_sql(_CUSTOMER_VALUES_SQL.format(marks=marks), chunk):
                    row[-2], row[-1] = as_date(row[-2]), as_date(row[-1])  # last contact, next follow-up
                    index.values[cid] = (*row, tags.get(cid, ()))  # a tuple: 100,000 dicts cost 100 MB more
                for cid, name in pw.execute_sql(
                        f"SELECT customer_id, name FROM contact WHERE deleted_at IS NULL AND customer_id IN ({marks})",
                        chunk):
                    index.contact_names.setdefault(cid, set()).add(normalize_name(name))

    def _load_contacts(self, index: ExistingIndex, uuids: set[str]) -> None:
        wanted = sorted(uuids)
        with self.db.session() as pw:
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start:start + CHUNK]
                for uid, *row, year, month, day in pw.execute_sql(
                        _CONTACT_VALUES_SQL.format(marks=", ".join("?" * len(chunk))), chunk):
                    index.contacts[uid] = (*row, birthday_text(year, month, day))  # CONTACT_STORED_KEYS

    def remembered_mapping(self, headers: list[Any]) -> dict[int, str] | None:
        with self.db.session():
            row = Setting.get_or_none(Setting.key == _mapping_key(headers))
        return {int(k): v for k, v in json.loads(row.value).items()} if row else None

    def remember_mapping(self, headers: list[Any], mapping: dict[int, str]) -> None:
        value = json.dumps({str(k): v for k, v in mapping.items()})
        with self.db.write():
            Setting.insert(key=_mapping_key(headers), value=value, updated_by=self.user).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: value}).execute()

    def run(self, preview: ImportPreview, progress: Callable[[int, int], None] | None = None,
            is_cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Write the previewed plan in one transaction: its batch id (for undo), and the records left alone
        because a colleague changed them after the preview read them. A damaged file is refused first
        (DamagedDatabaseError): thousands of rows written into broken pages would spread the damage. Then a
        backup is taken (backups/…-before-import): when it cannot be, nothing is imported."""
        self.db.ensure_writable()
        self.db.ensure_sound()
        backups.before("import", self.db)
        plan = preview.plan
        assert isinstance(plan, ImportPlan), "a customers import's preview"
        with collector_paused():
            result = write.run_import(self.db, plan, file_name=preview.path.name, sha256=preview.sha256,
                                      sheet=preview.sheet, user=self.user, progress=progress,
                                      is_cancelled=is_cancelled, written=refresh_if_current)
        self.remember_mapping(preview.headers, preview.mapping)
        return result

    def undo(self, batch_id: int, force: bool = False, today: Any = None) -> None:
        """Undo any import (customers and contacts, or orders); `today` counts the order figures (default: today)."""
        undo.undo_import(self.db, batch_id, self.user, force=force, today=today)

    def history(self) -> list[ImportHistoryEntry]:
        with self.db.session():
            return [ImportHistoryEntry(b.id, b.file_name, b.started_at, json.loads(b.counts or "{}"),
                                       b.undone_at is not None)
                    for b in ImportBatch.select().order_by(ImportBatch.id.desc())]

    @staticmethod
    def write_problem_report(preview: ImportPreview, target: str | Path, translate: Translate = english) -> Path:
        """One line per problem: the sheet row, the column, the value as written, what was done and why, then the
        row's cells as they were in the file (exporting/problem_report.py writes it, whole or not at all)."""
        width = len(preview.headers)
        headers = [translate(CONTEXT, text) for text in REPORT_HEADERS] + [str(h) for h in preview.headers]
        lines = ([problem.row, problem.column, problem.value, problem.action_text(translate),
                  problem.reason_text(translate), *list(problem.values)[:width]] for problem in preview.plan.problems)
        return write_report(Path(target), translate(CONTEXT, REPORT_SHEET), headers, lines)


CHUNK = 500
CONTEXT = "ImportProblem"
REPORT_SHEET = QT_TRANSLATE_NOOP("ImportProblem", "Problems")
REPORT_HEADERS = (QT_TRANSLATE_NOOP("ImportProblem", "Row"), QT_TRANSLATE_NOOP("ImportProblem", "Column"),
                  QT_TRANSLATE_NOOP("ImportProblem", "Value as written"),
                  QT_TRANSLATE_NOOP("ImportProblem", "What was done"), QT_TRANSLATE_NOOP("ImportProblem", "Why"))
_CUSTOMER_VALUES_SQL = """
SELECT c.id, c.version, c.name, c.kind, c.tier, c.stage, coalesce(s.name, ''), c.phone, c.email, c.address, c.city,
       c.region, c.notes, c.industry, c.source, c.website, c.last_contact, c.next_follow_up
  FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id
 WHERE c.id IN ({marks})
"""
_CONTACT_VALUES_SQL = """
SELECT uuid, id, customer_id, version, name, title, mobile, phone, email, im_id, notes, birthday_lunar,
       birthday_year, birthday_month, birthday_day
  FROM contact WHERE deleted_at IS NULL AND uuid IN ({marks})
"""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise ImportFileError(name=path.name, reason=f"{exc.strerror or exc}.") from exc
    return digest.hexdigest()


def _starts_like_json(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return json_sheets.is_export_json(fh.read(64))
    except OSError:
        return False


def _is_export(table: readers.Sheet) -> bool:
    return bool(table.rows) and columns.field_for(table.rows[0][0] if table.rows[0] else None) == "id"


def _contacts_sheet(book: readers.Spreadsheet) -> readers.Sheet | None:
    """The Contacts sheet of our own .xlsx export, read along with its Customers sheet: the second sheet, known by
    its ID columns (the sheets are named in the exporting user's language). None for anyone else's workbook, even
    when that second sheet cannot be read: it was not asked for."""
    if len(book.sheet_names) < 2:
        return None
    try:
        second = book.read(book.sheet_names[1])
    except ImportFileError:
        return None
    return second if _is_export(second) and CONTACT_ID_HEADER in second.rows[0] else None


def _place(address: str) -> Any:
    """The province and city a Chinese address names (loaded on first use)."""
    from keepclient.domain.places import place_from_address

    return place_from_address(address)
