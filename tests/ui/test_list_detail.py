"""The list/detail controller on its own: records are plain rows filtered in Python, the pane a small widget.

The customers tab and the feedback log run the same controller over real databases (their own tests); these
cases pin down its contract: first block now and count later, late counts ignored, re-selection after a
refresh, save before switching, a refused save keeping the user where they were, the pane following a search.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QAbstractItemView, QLabel

from keepclient.domain.errors import ConflictError, DatabaseBusyError, ValidationError
from keepclient.ui.tasks import TaskRunner
from keepclient.ui.widgets.list_detail import COUNT_DELAY_MS, ListDetailController, ListDetailOps
from keepclient.ui.widgets.paged_model import Column, PagedTableModel
from keepclient.ui.widgets.paged_table import PagedTableView


@dataclass(frozen=True)
class Row:
    id: int
    name: str


class Pane(QLabel):
    """Shows one record's name; `edits` stand for unsaved changes; `invalid` what a refused save marked."""

    def __init__(self) -> None:
        super().__init__()
        self.shown_id: int | None = None
        self.edits: str = ""
        self.invalid: tuple[str, str] | None = None

    def is_dirty(self) -> bool:
        return bool(self.edits)

    def clear(self) -> None:
        self.shown_id, self.edits = None, ""

    def mark_invalid(self, field: str, message: str) -> None:
        self.invalid = (field, message)


class Records:
    """What a service would answer: rows whose name contains the filter text, and what each call was."""

    def __init__(self, count: int) -> None:
        self.rows = [Row(i, f"customer {i:03}") for i in range(1, count + 1)]
        self.calls: list[tuple] = []
        self.written: list[tuple[int, str]] = []
        self.refuse: Exception | None = None

    def page(self, text: str, offset: int, limit: int) -> list[Row]:
        self.calls.append(("page", text, offset))
        return [r for r in self.rows if text in r.name][offset:offset + limit]

    def count(self, text: str) -> int:
        self.calls.append(("count", text))
        return len([r for r in self.rows if text in r.name])


@pytest.fixture
def make(qtbot):
    def build(count: int = 250) -> tuple[ListDetailController, Records, Pane, list]:
        records, pane, table = Records(count), Pane(), PagedTableView()
        reports: list = []
        qtbot.addWidget(table)
        qtbot.addWidget(pane)
        controller = ListDetailController(table, pane, TaskRunner(inline=True), lambda e, q: reports.append((e, q)))
        model = PagedTableModel([Column("Name", lambda r: r.name)], records.page, block_size=50)
        conflicts: list = []

        def show(record_id: int) -> None:
            pane.shown_id, pane.edits = record_id, ""

        def write() -> None:
            if records.refuse is not None:
                raise records.refuse
            assert pane.shown_id is not None
            records.written.append((pane.shown_id, pane.edits))
            pane.edits = ""

        ops = ListDetailOps(show=show, write=write, conflict=conflicts.append,
                            counter=lambda text: lambda: records.count(text), release_thread=lambda: None)
        controller.attach(model, ops, "")
        table.resize(400, 300)
        table.show()
        controller.conflicts = conflicts  # type: ignore[attr-defined]
        return controller, records, pane, reports

    return build


def test_a_new_filter_shows_its_first_block_at_once_and_counts_once_typing_pauses(make, qtbot):
    controller, records, _pane, _reports = make()
    assert controller.model.rowCount() == 250 and ("count", "") in records.calls  # opening counts at once
    records.calls.clear()
    for text in ("c", "cu", "customer 1"):
        controller.set_filter(text, typing=True)
        assert records.calls[-1] == ("page", text, 0) and controller.model.rowCount() == 50
    assert controller.counting and not [c for c in records.calls if c[0] == "count"]
    qtbot.waitUntil(lambda: not controller.counting)
    assert [c for c in records.calls if c[0] == "count"] == [("count", "customer 1")]  # once, the last filter
    assert controller.model.rowCount() == 100
    records.calls.clear()
    controller.set_filter("customer", typing=True)
    controller.set_filter("customer 01", typing=True)  # ten rows: all in the first block, nothing to count
    qtbot.wait(2 * COUNT_DELAY_MS)
    assert [c for c in records.calls if c[0] == "count"] == [] and controller.model.rowCount() == 10


def test_a_count_of_an_older_filter_is_not_applied(make, qtbot):
    controller, records, _pane, _reports = make()
    controller.set_filter("customer", typing=True)
    stale = controller._count_request
    controller.set_filter("customer 2", typing=True)
    qtbot.waitUntil(lambda: not controller.counting)
    controller._counted(controller.model, stale[0], stale[1], 250)  # arrives late, after the newer count
    assert controller.model.rowCount() == records.count("customer 2")


def test_a_count_that_arrives_after_the_list_is_gone_is_dropped(make):
    """The window closed while a count ran on a worker: its result finds the controller deleted and is dropped
    (it raised 'Signal source has been deleted' in the event loop)."""
    import shiboken6

    controller, _records, _pane, _reports = make()
    controller.set_filter("customer 2", typing=True)
    generation, flt, _work = controller._count_request
    model = controller.model
    shiboken6.delete(controller)
    controller._counted(model, generation, flt, 111)


def test_a_refresh_keeps_the_selection_and_scroll_and_the_users_edits(make, qtbot):
    controller, records, pane, _reports = make()
    table = controller.table
    table.scrollTo(controller.model.index(120, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
    table.selectRow(120)
    assert pane.shown_id == 121
    scroll = table.verticalScrollBar().value()
    records.rows.insert(0, Row(999, "customer 000 new"))
    pane.edits = "typed"
    controller.refresh()
    assert table.verticalScrollBar().value() == scroll and table.current_id() == 121
    assert pane.edits == "typed"  # unsaved edits are never replaced by a refresh
    pane.edits = ""
    controller.refresh()
    assert pane.shown_id == 121 and controller.model.rowCount() == 251


def test_edits_are_saved_before_another_record_is_shown(make):
    controller, records, pane, _reports = make()
    controller.table.selectRow(0)
    pane.edits = "new phone"
    controller.table.selectRow(1)
    assert records.written == [(1, "new phone")] and pane.shown_id == 2


def test_a_refused_save_keeps_the_user_on_their_record(make):
    controller, records, pane, reports = make()
    controller.table.selectRow(0)
    pane.edits = "bad email"
    records.refuse = ValidationError(field="email", value="wang@")
    controller.table.selectRow(3)
    assert pane.shown_id == 1 and controller.table.current_id() == 1 and pane.invalid[0] == "email"
    records.refuse = ConflictError(table="customer", record_id=1, yours_version=2, theirs_version=3, yours={},
                                   theirs={"version": 3})
    assert not controller.save() and len(controller.conflicts) == 1 and pane.edits == "bad email"
    records.refuse = DatabaseBusyError()
    assert not controller.save() and reports[-1][1] is False  # said in a dialog, not only the status bar
    assert records.written == []


def test_the_pane_follows_the_results_once_filtering_pauses(make, qtbot):
    controller, _records, pane, _reports = make()
    controller.table.selectRow(0)
    controller.set_filter("customer 2", typing=True)
    qtbot.waitUntil(lambda: pane.shown_id == 200)  # customer 001 is no longer listed: the first result shows
    controller.set_filter("nobody", typing=True)
    qtbot.waitUntil(lambda: pane.shown_id is None)
