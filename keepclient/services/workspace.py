"""An opened database with the services over it: what the window and the CLI hold on to."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from keepclient import __version__
from keepclient.db.connection import Database, open_database
from keepclient.domain.types import CheckReport, DatabaseMode, DemoSummary, SearchHit
from keepclient.services.activity import ActivityService
from keepclient.services.contacts import ContactService
from keepclient.services.customer_edits import CustomerEditor
from keepclient.services.customers import CustomerService
from keepclient.services.feedback import FeedbackService
from keepclient.services.team import TeamService
from keepclient.services.visits import VisitService

BUSY_DEADLINE_ENV = "KEEPCLIENT_BUSY_DEADLINE"  # seconds to wait for a colleague's lock before giving up


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers, services)
        return "unknown"


@dataclass
class Workspace:
    db: Database
    user: str
    customers: CustomerService
    editor: CustomerEditor
    contacts: ContactService
    activity: ActivityService
    visits: VisitService
    feedback: FeedbackService
    team: TeamService

    @classmethod
    def open(cls, path: str | Path, *, shared: bool | None = None, user: str | None = None,
             busy_deadline: float | None = None, create: bool = True) -> Workspace:
        """Open (create, upgrade) the database at `path`; typed errors leave the file untouched."""
        if busy_deadline is None and os.environ.get(BUSY_DEADLINE_ENV):
            busy_deadline = float(os.environ[BUSY_DEADLINE_ENV])
        kwargs = {"busy_deadline": busy_deadline} if busy_deadline is not None else {}
        db = open_database(path, shared=shared, app_version=__version__, create=create, **kwargs)
        who = user or current_user()
        return cls(db, who, CustomerService(db, who), CustomerEditor(db, who), ContactService(db, who),
                   ActivityService(db, who), VisitService(db, who), FeedbackService(db, who), TeamService(db, who))

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def mode(self) -> DatabaseMode:
        return self.db.mode

    @property
    def sync_warning(self) -> str | None:
        """The cloud-sync service whose folder holds the file, if any."""
        return self.db.warnings[0] if self.db.warnings else None

    @property
    def upgrade_backup(self) -> Path | None:
        """Where the copy taken before a schema upgrade went, when this open upgraded the file."""
        return self.db.backup_path

    def data_version(self) -> int:
        """Moves when a colleague (another connection) saves anything: the window then refreshes."""
        return self.db.data_version()

    def generate_demo(self, customers: int, *, append: bool = False,
                      progress: Callable[[int, int], None] | None = None,
                      is_cancelled: Callable[[], bool] | None = None) -> DemoSummary:
        from keepclient.services import demo  # loaded on demand: not needed to show the window

        return demo.generate_demo(self.db, customers=customers, append=append, progress=progress,
                                  is_cancelled=is_cancelled)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Customers matching `query`, best first (the CLI's search; the list filters with CustomerFilter)."""
        from keepclient.services.search import search_customers

        return search_customers(self.db, query, limit)

    @property
    def imports(self):
        """The import use case (loaded on first use: readers and calamine are not needed at start-up)."""
        from keepclient.services.imports import ImportService

        return ImportService(self.db, self.user)

    @property
    def exports(self):
        """The export use case (openpyxl loads on first use)."""
        from keepclient.services.exports import ExportService

        return ExportService(self.db, self.user)

    def backup(self, dest: Path | None = None) -> Path:
        from keepclient.services import maintenance

        return maintenance.backup(self.db, dest)

    def check(self) -> CheckReport:
        from keepclient.services import maintenance

        return maintenance.check(self.db)

    def release_thread(self) -> None:
        self.db.release_thread()

    def close(self) -> None:
        self.db.close()
