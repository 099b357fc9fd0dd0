"""Importing spreadsheets as a use case: preview (read, detect, map, normalize, match) and run, undo, history.

Nothing is written until `run`; a preview holds every problem row with its reason and can be saved as an .xlsx
problem report. A mapping chosen for a file is remembered for the next file with the same headers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, ImportBatch, Setting
from keepclient.domain.errors import ImportFileError
from keepclient.domain.normalize import normalize_name
from keepclient.importing import columns, readers, write
from keepclient.importing.collector import collector_paused
from keepclient.importing.plan import CUSTOMER_FIELDS, ExistingIndex, ImportPlan, build_plan


@dataclass
class ImportPreview:
    path: Path
    sheet: str
    sheet_names: list[str]
    header_row: int  # index into the sheet's rows
    headers: list[Any]
    mapping: dict[int, str]
    plan: ImportPlan
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
        """Read one sheet of a file (the slow part, done once; planning can then be repeated cheaply)."""
        path = Path(path)
        with collector_paused():
            book = readers.open_spreadsheet(path)
            try:
                table = book.read(sheet)
            finally:
                book.close()
        return LoadedSheet(path, table, book.sheet_names, book.encoding, hashlib.sha256(path.read_bytes()).hexdigest())

    def preview(
        self, path: str | Path, *, sheet: str | None = None, header_row: int | None = None,
        mapping: dict[int, str] | None = None, policy: str = "fill",
    ) -> ImportPreview:
        return self.plan(self.load(path, sheet), header_row=header_row, mapping=mapping, policy=policy)

    def plan(self, loaded: LoadedSheet, *, header_row: int | None = None, mapping: dict[int, str] | None = None,
             policy: str = "fill") -> ImportPreview:
        """Header row, mapping and matching for a loaded sheet; nothing is written."""
        path, table = loaded.path, loaded.table
        header_index = columns.find_header_row(table.rows) if header_row is None else header_row
        if not 0 <= header_index < len(table.rows):
            raise ImportFileError(name=path.name, reason=f"row {header_index + 1} is not in the sheet.")
        headers = table.rows[header_index]
        chosen = mapping if mapping is not None else (self.remembered_mapping(headers) or columns.map_columns(headers))
        rows, numbers = table.rows[header_index + 1:], table.numbers[header_index + 1:]
        with collector_paused():
            plan = build_plan(headers, rows, numbers, chosen, policy, self._existing(), self.region)
        return ImportPreview(path, table.name, loaded.sheet_names, header_index, headers, chosen, plan,
                             loaded.encoding, loaded.sha256, rows, numbers)

    def _existing(self) -> ExistingIndex:
        with self.db.session() as pw:
            by_id, by_name, by_phone, by_email = {}, {}, {}, {}
            for cid, uid, norm, digits, email in pw.execute_sql(
                    "SELECT id, uuid, name_norm, phone_digits, lower(email) FROM customer WHERE deleted_at IS NULL"):
                by_id[uid] = cid
                by_name.setdefault(norm, cid)
                for part in digits.split():
                    by_phone.setdefault(part, cid)
                if email:
                    by_email.setdefault(email, cid)
            for cid, digits, email in pw.execute_sql(
                    "SELECT customer_id, phone_digits, lower(email) FROM contact WHERE deleted_at IS NULL"):
                for part in digits.split():
                    by_phone.setdefault(part, cid)
                if email:
                    by_email.setdefault(email, cid)
        index = ExistingIndex(by_id, by_name, by_phone, by_email)

        def load(ids: set[int]) -> None:
            wanted = sorted(ids)
            with self.db.session():
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start:start + 500]
                    for row in Customer.select().where(Customer.id.in_(chunk)).dicts():
                        index.values[row["id"]] = {k: row[k] for k in (*CUSTOMER_FIELDS, "name")}
                    for cid, name in Contact.select(Contact.customer, Contact.name).where(
                            Contact.customer.in_(chunk) & Contact.deleted_at.is_null()).tuples():
                        index.contact_names.setdefault(cid, set()).add(normalize_name(name))

        index.load = load
        return index

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
            is_cancelled: Callable[[], bool] | None = None) -> int:
        """Write the previewed plan in one transaction; returns the import batch id."""
        with collector_paused():
            batch = write.run_import(self.db, preview.plan, file_name=preview.path.name, sha256=preview.sha256,
                                     sheet=preview.sheet, user=self.user, progress=progress,
                                     is_cancelled=is_cancelled)
        self.remember_mapping(preview.headers, preview.mapping)
        return batch

    def undo(self, batch_id: int, force: bool = False) -> None:
        write.undo_import(self.db, batch_id, self.user, force=force)

    def history(self) -> list[ImportHistoryEntry]:
        with self.db.session():
            return [ImportHistoryEntry(b.id, b.file_name, b.started_at, json.loads(b.counts or "{}"),
                                       b.undone_at is not None)
                    for b in ImportBatch.select().order_by(ImportBatch.id.desc())]

    @staticmethod
    def write_problem_report(preview: ImportPreview, target: str | Path) -> Path:
        """The problem rows as they were in the file, with a column saying why each was not imported."""
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Problems")
        sheet.append(["Row", *[str(h) for h in preview.headers], "Problem"])
        width = len(preview.headers)
        for problem in preview.plan.problems:
            values = list(problem.values)[:width]
            sheet.append([problem.row, *values, *[None] * (width - len(values)), problem.reason])
        target = Path(target)
        book.save(target)
        return target
