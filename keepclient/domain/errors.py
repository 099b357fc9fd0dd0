"""Typed errors that reach the user, each with a message template the UI and CLI translate.

Templates are marked with QT_TRANSLATE_NOOP so `pyside6-lupdate` collects them into the translation files; the
marker is the plain function of domain/translatable.py (this layer never imports Qt). Program bugs stay ordinary
exceptions.
"""

from __future__ import annotations

from typing import Any, ClassVar

from keepclient.domain.translatable import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # re-exported: many import it here


class KeepclientError(Exception):
    """An environment or input problem the user can act on (not a bug)."""

    context: ClassVar[str] = "errors"
    template: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "Something went wrong: {detail}")
    exit_code: ClassVar[int] = 1

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.template.format(**params))

    def message(self, translate: Any = None) -> str:
        """The message in the user's language when `translate(context, text)` is given."""
        text = translate(self.context, self.template) if translate else self.template
        return text.format(**self.params)


class DatabaseBusyError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The database is busy: a colleague is saving. Nothing was lost; please try again in a moment."
    )
    exit_code = 3


class SchemaTooNewError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path} was written by a newer keepclient (schema {found}, this version knows up to {known}). "
        "Please update keepclient; the file was not changed.",
    )
    exit_code = 4


class ServerSchemaTooNewError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The team server {server} holds data of a newer keepclient (schema {found}, server layout {found_layout}; "
        "this version knows up to schema {known}, layout {known_layout}). Please update keepclient; nothing was "
        "changed.",
    )
    exit_code = 4


class ServerSchemaTooOldError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The team server {server} was prepared by an older keepclient (schema {found}, server layout "
        "{found_layout}; this version's: schema {known}, layout {known_layout}) and cannot be upgraded by this "
        "version. Nothing was changed.",
    )
    exit_code = 4


class ServerNotEmptyError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The database {server} already holds tables keepclient did not make ({tables}). Prepare an empty "
        "database for keepclient; nothing was changed.")
    exit_code = 5


class ServerDriverMissingError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "This keepclient has no PostgreSQL driver, so it cannot use the team server {server}. Install "
        "keepclient again (its installers and `pip install keepclient` bring the driver, psycopg).")
    exit_code = 11


class ServerNotPreparedError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The team server {server} is not prepared for this keepclient: run keepclient server init on it "
        "first. Nothing was changed.")
    exit_code = 4


class ServerHoldsDataError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The team server {server} already holds a team's data ({tables}): a database file is moved only "
        "into an empty server. Nothing was copied.")
    exit_code = 5


class ServerCopyFailedError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Moving to the team server {server} failed ({table}): {reason}. The server was left as it was, and "
        "the database file was not changed.")
    exit_code = 9


class ServerCopyMismatchError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Moving to the team server {server} failed: the table {table} did not come back as it went in "
        "({landed} of {copied} rows came back, or their contents differ). The server was left as it was, and the "
        "database file was not changed.")
    exit_code = 9


class StaleFileSchemaError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{path} was written by an older keepclient (schema {found}; this version's is {known}). Open it "
        "once with this keepclient to upgrade it, then move it. It was not changed.")
    exit_code = 4


class ServerPermissionError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The team server {server} did not allow this login to do that: {reason}. Nothing was changed.")
    exit_code = 11


class ServerNoSuchSalespersonError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The team server {server} has no salesperson named or coded {name} (the team: {known}). Add the "
        "salesperson first, or name another with --salesperson. Nothing was changed.")
    exit_code = 8


class ServerBackupError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{server} is a team server: it is backed up on the server, with pg_dump (see Team servers in the "
        "README). Nothing was written.")
    exit_code = 2


class ServerUnavailableError(KeepclientError):
    template = QT_TRANSLATE_NOOP("errors", "The team server {server} could not be used: {reason}")
    exit_code = 11


class NotADatabaseError(KeepclientError):
    template = QT_TRANSLATE_NOOP("errors", "{path} is not a database file. It was not changed.")
    exit_code = 5


class ForeignDatabaseError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{path} is a database of another program, not of keepclient. It was not changed."
    )
    exit_code = 5


class StorageError(KeepclientError):
    """The disk refused: full, read-only, removed, or a broken network share."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Could not write to {path}: {reason}. Work saved before this moment is safe."
    )
    exit_code = 6


class DatabaseMissingError(KeepclientError):
    template = QT_TRANSLATE_NOOP("errors", "There is no database at {path}.")
    exit_code = 6


class CommitFailedError(StorageError):
    """SQLite could not finish saving (disk full, I/O error, lost lock): it rolled the whole save back."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Could not save to {path}: {reason}. This change was not saved; work saved before it is safe. "
        "Free some disk space or check the connection to the folder, then try again.")


class StorageChangedError(StorageError):
    """The open file is no longer the file at its path: deleted, moved, or replaced (often by a sync client)."""

    template = QT_TRANSLATE_NOOP(
        "errors", "{path} was deleted, moved or replaced (for example by a sync program) after keepclient opened "
        "it. Nothing more was saved; open the database again.")


class ReadOnlyDatabaseError(StorageError):
    """The file or its folder cannot be written: the database is open for reading only."""

    template = QT_TRANSLATE_NOOP(
        "errors", "{path} is read-only (the file or its folder cannot be written), so it is open for reading only "
        "and changes cannot be saved.")


class ReadOnlyUpgradeError(ReadOnlyDatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{path} was written by an older keepclient and must be upgraded before it can be used, but it is "
        "read-only (the file or its folder cannot be written). It was not changed.")


class SharedLockingUnsupportedError(StorageError):
    """The shared folder does not make one computer's write lock visible to another: saves would collide."""

    template = QT_TRANSLATE_NOOP(
        "errors", "The folder of {path} does not support the file locking a shared database needs ({reason}), so "
        "colleagues' saves could overwrite each other. It was not opened; use a different shared folder or open "
        "it as a local database.")


class EmptyDatabaseFileError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{path} is empty (0 bytes): it holds no database. It was not changed; to start a new database "
        "there, create one (New database, or --create).")
    exit_code = 5


class DamagedDatabaseError(KeepclientError):
    """SQLite found broken pages: writing into the file or copying it would spread the damage."""

    template = QT_TRANSLATE_NOOP(
        "errors", "{path} is damaged ({detail}). Nothing was written to it or copied from it. Restore it from a "
        "backup (keepclient restore).")
    exit_code = 9


class UnreadableArgumentError(KeepclientError):
    """Text that cannot be stored or searched: a NUL character, or bytes that are not text in this locale."""

    template = QT_TRANSLATE_NOOP(
        "errors", "{value} contains a NUL character or bytes that are not text in this system's encoding. "
        "Nothing was done.")
    exit_code = 2


class ConflictError(KeepclientError):
    """Someone saved the record after it was read: both versions travel with the error."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "Someone else changed this {table} record (version {theirs_version}) after you opened it "
        "(version {yours_version}). Nothing was overwritten.",
    )
    exit_code = 7

    def __init__(
        self, *, table: str, record_id: int, yours_version: int, theirs_version: int,
        yours: dict[str, Any], theirs: dict[str, Any],
    ) -> None:
        self.record_id = record_id
        self.yours = yours
        self.theirs = theirs
        super().__init__(table=table, yours_version=yours_version, theirs_version=theirs_version)


class ValidationError(KeepclientError):
    """A value the user typed cannot be saved; `field` says which input to point at."""

    template = QT_TRANSLATE_NOOP("errors", "{value} is not valid here.")
    exit_code = 2

    def __init__(self, *, field: str, value: object = "", **params: object) -> None:
        self.field = field
        super().__init__(value=value, **params)


class InvalidPhoneError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "\"{value}\" is not a valid phone number.")


class InvalidEmailError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "\"{value}\" is not a valid email address.")


class RequiredFieldError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "This field cannot be empty.")


class InvalidDateError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "\"{value}\" is not a possible date.")


class YearOutOfRangeError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "Holidays are known for the years {first} to {last}, not {value}.")


class RecordNotFoundError(KeepclientError):
    template = QT_TRANSLATE_NOOP("errors", "The {table} record {record_id} no longer exists.")
    exit_code = 8


class DatabaseNotEmptyError(KeepclientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The database already holds {customers} customers; demo data is only added with --append."
    )
    exit_code = 1


class ImportFileError(KeepclientError):
    """A file that cannot be imported; nothing was written."""

    template = QT_TRANSLATE_NOOP("errors", "{name} cannot be read: {reason} Nothing was imported.")
    exit_code = 10


class NotASpreadsheetError(ImportFileError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{name} is not a spreadsheet keepclient can read (.xlsx, .xlsm, .xls, .ods, .csv, .txt). "
        "Nothing was imported.")


class BrokenSpreadsheetError(ImportFileError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{name} is damaged or incomplete and cannot be read. Nothing was imported.")


class EncryptedSpreadsheetError(ImportFileError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{name} is protected by a password. Open it in Excel or WPS, save it without a password, and "
        "import that copy. Nothing was imported.")


class OversizedSpreadsheetError(ImportFileError):
    template = QT_TRANSLATE_NOOP(
        "errors", "{name} is too large to import safely ({reason}). Nothing was imported.")


class EmptySheetError(ImportFileError):
    template = QT_TRANSLATE_NOOP("errors", "The sheet \"{sheet}\" of {name} has no rows to import.")


class ImportEditedSinceError(KeepclientError):
    """Undoing an import would throw away later edits of some of its records."""

    template = QT_TRANSLATE_NOOP(
        "errors", "{count} imported records were changed after the import. Undo anyway to discard those changes?")
    exit_code = 7

    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__(count=len(names))


class CancelledError(KeepclientError):
    template = QT_TRANSLATE_NOOP("errors", "Cancelled. Nothing was written.")
    exit_code = 130


class TargetExistsError(StorageError):
    """A backup or restore never writes over a file that is already there."""

    template = QT_TRANSLATE_NOOP("errors", "{path} already exists. Choose another name; nothing was changed.")


class CopyCheckFailedError(KeepclientError):
    """A fresh copy of a database did not pass SQLite's integrity check, so it was not kept under its name."""

    template = QT_TRANSLATE_NOOP(
        "errors", "The copy of {source} failed its integrity check ({reason}), so it was not kept. The database may "
        "be damaged: run `keepclient check`.")
    exit_code = 9


class DamagedBackupError(KeepclientError):
    """A backup that cannot be restored: not a complete, healthy SQLite file."""

    template = QT_TRANSLATE_NOOP(
        "errors", "{path} is damaged or incomplete ({reason}) and cannot be restored. Nothing was changed.")
    exit_code = 9


class ForeignBackupError(KeepclientError):
    """A file to restore that is a database, but not a keepclient one."""

    template = QT_TRANSLATE_NOOP(
        "errors", "{path} is not a keepclient backup (it is a database of another program). Nothing was changed.")
    exit_code = 5


class DuplicateSalespersonError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "There is already a salesperson called \"{value}\".")


class DuplicateCodeError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "The code \"{value}\" is already used by {name}.")


class InvalidColorError(ValidationError):
    template = QT_TRANSLATE_NOOP("errors", "\"{value}\" is not a colour; use the form #rrggbb.")


class InactiveSalespersonError(ValidationError):
    """Inactive salespeople keep their history but take on no new work."""

    template = QT_TRANSLATE_NOOP("errors", "{value} is no longer active and cannot take on customers.")


class HandoverTargetError(ValidationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Choose at least one colleague other than {value} to hand the customers over to.")


class UnknownSalespersonError(ValidationError):
    exit_code = 8
    template = QT_TRANSLATE_NOOP("errors", "There is no salesperson called \"{value}\".")
