"""What an import could not read, cell by cell, in words the person fixing the file understands.

The rule: never drop what the user gave us. A row is refused only when it names neither a company nor a person;
any other value that cannot be read leaves its field empty, stays on the record as written (a notes line) and is
reported here, one problem per cell. Texts are English templates marked for translation (context "ImportProblem");
callers pass Qt's translate to show them in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]
CONTEXT = "ImportProblem"

REASONS: dict[str, str] = {
    "no_name": QT_TRANSLATE_NOOP("ImportProblem", "no company and no person name"),
    "email": QT_TRANSLATE_NOOP("ImportProblem", "not an email address"),
    "phone": QT_TRANSLATE_NOOP("ImportProblem", "not a phone number (fewer than 7 or more than 15 digits)"),
    "unverified": QT_TRANSLATE_NOOP("ImportProblem", "a number the phone numbering plan does not know"),
    "date": QT_TRANSLATE_NOOP("ImportProblem", "not a date"),
    "tier": QT_TRANSLATE_NOOP("ImportProblem", "not a tier (A, B or C)"),
    "stage": QT_TRANSLATE_NOOP("ImportProblem", "not a stage keepclient knows"),
    "kind": QT_TRANSLATE_NOOP("ImportProblem", "neither company nor person"),
    "lunar": QT_TRANSLATE_NOOP("ImportProblem", "not yes, no or leap (a lunar birthday in a leap month)"),
    # orders (importing/orders.py)
    "no_order": QT_TRANSLATE_NOOP("ImportProblem", "no customer and no order information"),
    "no_customer": QT_TRANSLATE_NOOP("ImportProblem", "no customer in the database matches"),
    "money": QT_TRANSLATE_NOOP("ImportProblem", "not an amount of money"),
    "number": QT_TRANSLATE_NOOP("ImportProblem", "not a number"),
    "no_amount": QT_TRANSLATE_NOOP("ImportProblem", "no amount and no unit price"),
    "no_date": QT_TRANSLATE_NOOP("ImportProblem", "no date"),
}
ACTIONS: dict[str, str] = {
    "refused": QT_TRANSLATE_NOOP("ImportProblem", "row not imported"),
    "noted": QT_TRANSLATE_NOOP("ImportProblem", "field left empty, value kept in the notes"),
    "kept": QT_TRANSLATE_NOOP("ImportProblem", "kept as written, marked unverified"),
    "unmatched": QT_TRANSLATE_NOOP("ImportProblem", "row not imported (add the customer, or import with "
                                                    "--create-customers)"),
    "dated_today": QT_TRANSLATE_NOOP("ImportProblem", "dated the day of the import, value kept in the notes"),
    "zero": QT_TRANSLATE_NOOP("ImportProblem", "amount 0, row kept"),
}
# Notes lines that keep what could not be read: "Email as written: wang@" (translated with the same context).
NOTE_LINES: dict[str, str] = {
    "email": QT_TRANSLATE_NOOP("ImportProblem", "Email as written: {value}"),
    "phone": QT_TRANSLATE_NOOP("ImportProblem", "Phone as written: {value}"),
    "mobile": QT_TRANSLATE_NOOP("ImportProblem", "Mobile as written: {value}"),
    "unverified": QT_TRANSLATE_NOOP("ImportProblem", "Unverified number: {value}"),
    "extra_number": QT_TRANSLATE_NOOP("ImportProblem", "Other number: {value}"),
    "extra_email": QT_TRANSLATE_NOOP("ImportProblem", "Other email: {value}"),
    "birthday": QT_TRANSLATE_NOOP("ImportProblem", "Birthday as written: {value}"),
    "birthday_lunar": QT_TRANSLATE_NOOP("ImportProblem", "Lunar birthday as written: {value}"),
    "last_contact": QT_TRANSLATE_NOOP("ImportProblem", "Last contact as written: {value}"),
    "next_follow_up": QT_TRANSLATE_NOOP("ImportProblem", "Next follow-up as written: {value}"),
    "tier": QT_TRANSLATE_NOOP("ImportProblem", "Tier as written: {value}"),
    "stage": QT_TRANSLATE_NOOP("ImportProblem", "Stage as written: {value}"),
    "kind": QT_TRANSLATE_NOOP("ImportProblem", "Kind as written: {value}"),
    "date": QT_TRANSLATE_NOOP("ImportProblem", "Date as written: {value}"),
    "quantity": QT_TRANSLATE_NOOP("ImportProblem", "Quantity as written: {value}"),
    "unit_price": QT_TRANSLATE_NOOP("ImportProblem", "Unit price as written: {value}"),
    "amount": QT_TRANSLATE_NOOP("ImportProblem", "Amount as written: {value}"),
}


def english(_context: str, text: str) -> str:
    return text


@dataclass(slots=True)  # one per unreadable cell: there may be 100,000s
class Problem:
    """One cell an import could not read as it is: where it is, what it said, what was done and why."""

    row: int  # the row number in the file
    column: str  # the column's header as written ("" for the whole row)
    value: Any  # the cell as written
    action: str  # a key of ACTIONS
    reason: str  # a key of REASONS
    values: list[Any]  # the row's cells, for showing the row beside the problem

    @property
    def refused(self) -> bool:
        return self.action == "refused"

    @property
    def unmatched(self) -> bool:
        """An order row whose customer is not in the database: reported, not imported."""
        return self.action == "unmatched"

    def reason_text(self, translate: Translate = english) -> str:
        return translate(CONTEXT, REASONS[self.reason])

    def action_text(self, translate: Translate = english) -> str:
        return translate(CONTEXT, ACTIONS[self.action])


def note_line(field: str, value: str, translate: Translate = english) -> str:
    """The notes line that keeps an unreadable `value` of `field` on the record."""
    return translate(CONTEXT, NOTE_LINES[field]).format(value=value)


def with_lines(notes: str, lines: list[str]) -> str:
    """`notes` with `lines` added below, each only once (a second import of the same file adds nothing)."""
    present = set(notes.splitlines())
    added = [line for line in dict.fromkeys(lines) if line not in present]
    if not added:
        return notes
    return "\n".join([notes, *added]) if notes else "\n".join(added)
