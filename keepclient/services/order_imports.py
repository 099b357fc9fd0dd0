"""Importing order lists as a use case: preview (read, detect, map, read lines, match customers, find the lines
already stored) and run, with the contacts import's readers, problem report, backup, history and undo.

Nothing is written until `run`. The run takes a backup first (backups/…-before-import), writes in one transaction
and is undone by `ImportService.undo` (keepclient undo-import N) like any import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from keepclient.db.connection import Database
from keepclient.domain.errors import ImportFileError
from keepclient.importing import columns, orders
from keepclient.importing.collector import collector_paused
from keepclient.importing.order_write import run_order_import
from keepclient.importing.problems import Translate, english
from keepclient.importing.write import ImportResult
from keepclient.services import backups
from keepclient.services.imports import ImportPreview, ImportService, LoadedSheet

WHOLE_TABLE = 5000  # more customers than this: one pass over the purchase table beats lookups by customer


# An orders preview is an ImportPreview whose plan is an orders.OrderPlan: the wizard's pages, the problem report
# and the CLI read both the same way.
OrderPreview = ImportPreview


class OrderImportService:
    def __init__(self, db: Database, user: str, region: str = "CN") -> None:
        self.db, self.user, self.region = db, user, region
        self.imports = ImportService(db, user, region)

    def preview(self, path: str | Path, *, sheet: str | None = None, header_row: int | None = None,
                mapping: dict[int, str] | None = None, create_customers: bool = False,
                today: dt.date | None = None, translate: Translate = english) -> OrderPreview:
        return self.plan(self.imports.load(path, sheet), header_row=header_row, mapping=mapping,
                         create_customers=create_customers, today=today, translate=translate)

    def plan(self, loaded: LoadedSheet, *, header_row: int | None = None, mapping: dict[int, str] | None = None,
             create_customers: bool = False, today: dt.date | None = None,
             translate: Translate = english) -> OrderPreview:
        """Header row, mapping, lines and matching for a loaded sheet; nothing is written. `today` dates the lines
        without a readable date."""
        path, table = loaded.path, loaded.table
        header_index = columns.find_header_row(table.rows, vocabulary=orders.ORDERS) if header_row is None \
            else header_row
        if not 0 <= header_index < len(table.rows):
            raise ImportFileError(name=path.name, reason=f"row {header_index + 1} is not in the sheet.")
        headers = table.rows[header_index]
        chosen = mapping if mapping is not None else orders.map_order_columns(headers)
        rows, numbers = table.rows[header_index + 1:], table.numbers[header_index + 1:]
        existing = self.imports.existing()
        index = orders.CustomerIndex(existing.by_id, existing.by_name, existing.by_phone,
                                     set(existing.by_id.values()), existing.salespeople)
        with collector_paused():
            plan = orders.build_order_plan(headers, rows, numbers, chosen, index, self._stored,
                                           create_customers=create_customers, today=today or dt.date.today(),
                                           translate=translate, region=self.region)
        return OrderPreview(path, table.name, loaded.sheet_names, header_index, headers, chosen, plan,
                            loaded.encoding, loaded.sha256, rows, numbers)

    def _stored(self, customer_ids: set[int]) -> Iterator[orders.Identity]:
        """The identities of these customers' purchases (not in the trash)."""
        sql = "SELECT customer_id, order_key, date, product, amount_cents FROM purchase WHERE deleted_at IS NULL"
        with self.db.session() as pw:
            if len(customer_ids) > WHOLE_TABLE:
                for cid, key, day, product, amount in pw.execute_sql(sql):
                    if cid in customer_ids:
                        yield orders.stored_identity(cid, key, day, product, amount)
                return
            wanted = sorted(customer_ids)
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                for row in pw.execute_sql(f"{sql} AND customer_id IN ({', '.join('?' * len(chunk))})", chunk):
                    yield orders.stored_identity(*row)

    def start_backup(self) -> Future[Path]:
        """Check the database and take the before-import backup on a thread of its own, while the file is read and
        matched (`run(..., backup=)` waits for it). Copying and verifying a large database is SQLite's work, which
        runs beside Python's: on the 100,000-customer demo it took 10 of the import's 45 seconds when done in turn."""
        def take() -> Path:
            try:
                self._check_and_back_up()
                return self.db.path
            finally:
                self.db.release_thread()

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-before-import")
        future = pool.submit(take)
        pool.shutdown(wait=False)  # the backup goes on; the pool takes no more work
        return future

    def _check_and_back_up(self) -> None:
        """A damaged database is refused, and a backup taken, before anything is written (as for contacts)."""
        self.db.ensure_writable()
        self.db.ensure_sound()
        backups.before("import", self.db)

    def run(self, preview: OrderPreview, *, today: dt.date | None = None,
            progress: Callable[[int, int], None] | None = None,
            is_cancelled: Callable[[], bool] | None = None, backup: Future[Path] | None = None) -> ImportResult:
        """Write the previewed new lines in one transaction (batch id for undo), after the checks and the backup
        (`backup`: those started by `start_backup`; its errors are raised here and nothing is written)."""
        if backup is None:
            self._check_and_back_up()
        else:
            backup.result()
        plan = preview.plan
        assert isinstance(plan, orders.OrderPlan), "an orders import's preview"
        with collector_paused():
            return run_order_import(self.db, plan, file_name=preview.path.name, sha256=preview.sha256,
                                    sheet=preview.sheet, user=self.user, today=today or dt.date.today(),
                                    progress=progress, is_cancelled=is_cancelled)

    @staticmethod
    def write_problem_report(preview: OrderPreview, target: str | Path, translate: Translate = english) -> Path:
        return ImportService.write_problem_report(preview, target, translate)
