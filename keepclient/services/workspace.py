"""An opened database with the services over it: what the window and the CLI hold on to."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from keepclient import __version__
from keepclient.db.connection import Database, open_database
from keepclient.db.server import is_server_url
from keepclient.domain.errors import DamagedDatabaseError, KeepclientError, NotADatabaseError
from keepclient.domain.types import CheckReport, DatabaseMode, DemoSummary, SearchHit
from keepclient.services.activity import ActivityService
from keepclient.services.changes import ChangeNotifier
from keepclient.services.contacts import ContactService
from keepclient.services.customer_edits import CustomerEditor
from keepclient.services.customers import CustomerService
from keepclient.services.feedback import FeedbackService
from keepclient.services.insights import InsightService
from keepclient.services.orders import OrderService
from keepclient.services.team import TeamService
from keepclient.services.visits import VisitService

if TYPE_CHECKING:
    from keepclient.services.care import CareService
    from keepclient.services.care_lists import CareListService
    from keepclient.services.dashboard import DashboardService
    from keepclient.services.exports import ExportService
    from keepclient.services.gifts import GiftService
    from keepclient.services.imports import ImportService
    from keepclient.services.kpis import KpiService
    from keepclient.services.order_imports import OrderImportService
    from keepclient.services.presence import PresenceService
    from keepclient.services.reminders import ReminderService

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
    orders: OrderService
    insights: InsightService

    @classmethod
    def open(cls, path: str | Path, *, shared: bool | None = None, user: str | None = None,
             busy_deadline: float | None = None, create: bool = True) -> Workspace:
        """Open (create, upgrade) the database at `path`; typed errors leave the file untouched.

        `create`: the user asked for a new database here (New database, `--create`, the first run's default file,
        see paths.is_default_database), so a missing or empty (0-byte) file becomes one. Pass False when opening a
        file the user chose: an empty one then raises EmptyDatabaseFileError instead of silently becoming an
        empty database. A read-only file or folder opens read-only (`read_only`).
        """
        if busy_deadline is None and os.environ.get(BUSY_DEADLINE_ENV):
            busy_deadline = float(os.environ[BUSY_DEADLINE_ENV])
        kwargs = {"busy_deadline": busy_deadline} if busy_deadline is not None else {}
        db: Database
        if isinstance(path, Path) and is_server_url(str(path).replace(":/", "://", 1)):
            raise ValueError(f"a server address given as a file path: {path}")  # a program bug: keep it loud
        if isinstance(path, str) and is_server_url(path):  # a team server (issue 19): postgresql://…
            from keepclient.db.server_database import open_server  # the driver loads only for a server

            db = open_server(path)
        else:
            db = open_database(path, shared=shared, app_version=__version__, create=create, **kwargs)
        who = user or current_user()
        return cls(db, who, CustomerService(db, who), CustomerEditor(db, who), ContactService(db, who),
                   ActivityService(db, who), VisitService(db, who), FeedbackService(db, who), TeamService(db, who),
                   OrderService(db, who), InsightService(db, who))

    def set_user(self, name: str) -> None:
        """Who saves from now on (View › I am…): the change log's author and the presence name."""
        self.user = name
        for service in (self.customers, self.editor, self.contacts, self.activity, self.visits, self.feedback,
                        self.team, self.orders, self.insights):
            service.user = name

    @cached_property
    def changes(self) -> ChangeNotifier:
        """Where the window's parts announce and hear what changed in this database."""
        return ChangeNotifier()

    @cached_property
    def presence(self) -> PresenceService:
        """This window's presence on the file (loaded on first use: the CLI never needs it)."""
        from keepclient.services.presence import PresenceService

        return PresenceService(self.db)

    @property
    def path(self) -> Path:
        """The database file (a team server's: only a label; see `source`)."""
        return self.db.path

    @property
    def source(self) -> Path | str:
        """What opens this database again: the file's path, or the team server's address."""
        return self.db.source

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

    @property
    def read_only(self) -> bool:
        """The file or its folder cannot be written: reading works, every save raises ReadOnlyDatabaseError."""
        return self.db.read_only

    def ensure_sound(self) -> None:
        """Raise DamagedDatabaseError when SQLite's quick_check finds broken pages: bulk writes (import, demo
        data) and copies (backup) must not spread the damage. Reads every page once."""
        self.db.ensure_sound()

    def generate_demo(self, customers: int, *, append: bool = False,
                      progress: Callable[[int, int], None] | None = None,
                      is_cancelled: Callable[[], bool] | None = None) -> DemoSummary:
        from keepclient.services import demo  # loaded on demand: not needed to show the window

        self.db.ensure_writable()
        self.ensure_sound()
        return demo.generate_demo(self.db, customers=customers, append=append, progress=progress,
                                  is_cancelled=is_cancelled)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Customers matching `query`, best first (the CLI's search; the list filters with CustomerFilter)."""
        from keepclient.services.search import search_customers

        return search_customers(self.db, query, limit)

    @property
    def imports(self) -> ImportService:
        """The import use case (loaded on first use: readers and calamine are not needed at start-up)."""
        from keepclient.services.imports import ImportService

        return ImportService(self.db, self.user)

    @property
    def order_imports(self) -> OrderImportService:
        """The orders import use case (loaded on first use, like `imports`)."""
        from keepclient.services.order_imports import OrderImportService

        return OrderImportService(self.db, self.user)

    @property
    def care(self) -> CareService:
        """The care calendar: observed holidays, the team's region (loaded on first use)."""
        from keepclient.services.care import CareService

        return CareService(self.db, self.user)

    @property
    def gifts(self) -> GiftService:
        """The gift and greeting log (loaded on first use)."""
        from keepclient.services.gifts import GiftService

        return GiftService(self.db, self.user)

    @property
    def reminders(self) -> ReminderService:
        """Reminders of planned visits due in a span of time (read-only; loaded on first use)."""
        from keepclient.services.reminders import ReminderService

        return ReminderService(self.db)

    @property
    def care_lists(self) -> CareListService:
        """Care lists for an occasion: whom to greet or send a gift (read-only; loaded on first use)."""
        from keepclient.services.care_lists import CareListService

        return CareListService(self.db)

    @property
    def kpis(self) -> KpiService:
        """The team KPIs (issue 16): read-only, safe to call on a worker thread."""
        from keepclient.services.kpis import KpiService

        return KpiService(self.db, self.user)

    @property
    def dashboard(self) -> DashboardService:
        """The Dashboard tab's figures beside the KPIs (at risk by owner, the Pareto input): read-only, safe to call
        on a worker thread."""
        from keepclient.services.dashboard import DashboardService

        return DashboardService(self.db, self.user)

    @property
    def exports(self) -> ExportService:
        """The export use case (openpyxl loads on first use)."""
        from keepclient.services.exports import ExportService

        return ExportService(self.db, self.user)

    def backup(self, dest: Path | None = None) -> Path:
        from keepclient.services import maintenance

        self.ensure_sound()
        return maintenance.backup(self.db, dest)

    def check(self) -> CheckReport:
        """Integrity, schema and counts; a damaged file is reported (integrity lists SQLite's complaints), not
        raised: this is how the user learns about the damage."""
        from keepclient.services import maintenance

        try:
            return maintenance.check(self.db)
        except (DamagedDatabaseError, NotADatabaseError) as exc:
            problems = self.db.quick_check() or self.db.integrity_check() or [exc.message()]
            try:
                with self.db.session() as pw:
                    version = int(pw.execute_sql("PRAGMA user_version").fetchone()[0])
            except KeepclientError:
                version = 0
            return CheckReport(path=str(self.path), mode=str(self.mode), integrity="; ".join(problems[:3]),
                               schema_version=version, app_version="", counts={})

    def daily_backup(self, now: dt.datetime | None = None) -> Path | None:
        """The first open of a day backs the database up (backups/…-daily) and rotates the automatic backups;
        None when a backup of today exists or there are no customers yet. Call right after opening; it reads the
        whole file, so the window runs it off the GUI thread (then release_thread). Raises StorageError or
        CopyCheckFailedError when it fails: say so and keep working."""
        from keepclient.services import backups

        return backups.daily_backup(self.db, now=now)

    def backup_before(self, reason: str) -> Path | None:
        """A backup before a risky action ("import", "empty-trash"); raises when none could be taken, and the
        caller then does not go ahead."""
        from keepclient.services import backups

        return backups.before(reason, self.db)

    def empty_trash(self) -> int:
        """Back up (backups/…-before-empty-trash), then delete the trash for good; nothing is deleted when the
        backup fails. The window's Edit › Empty trash… should call this rather than editor.empty_trash()."""
        self.backup_before("empty-trash")
        return self.editor.empty_trash()

    def release_thread(self) -> None:
        self.db.release_thread()

    def close(self) -> None:
        if "presence" in self.__dict__:  # checked in: colleagues stop seeing us at once, not after a minute
            self.presence.checkout()
        self.db.close()
