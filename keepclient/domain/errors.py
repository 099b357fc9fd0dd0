"""Typed errors that reach the user, each with a message template the UI and CLI translate.

Templates are marked with QT_TRANSLATE_NOOP so `pyside6-lupdate` collects them into the translation files; the
marker is a plain function here because this layer never imports Qt. Program bugs stay ordinary exceptions.
"""

from __future__ import annotations

from typing import Any, ClassVar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it now."""
    return text


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
