"""The block-paged model: counts up front, fetches on demand, keeps few blocks, survives a failed read."""

from __future__ import annotations

from PySide6.QtCore import Qt

from keepclient.domain.errors import DatabaseBusyError
from keepclient.ui.widgets.paged_model import Column, PagedTableModel


class Source:
    """Rows 0..n-1 as plain tuples; can be told to fail like a busy share."""

    def __init__(self, rows: int, failures: int = 0) -> None:
        self.rows, self.failures, self.calls = rows, failures, []

    def count(self) -> int:
        return self.rows

    def page(self, _flt: object, offset: int, limit: int) -> list[tuple[int, str]]:
        self.calls.append(offset)
        if self.failures:
            self.failures -= 1
            raise DatabaseBusyError()
        return [(i, f"row {i}") for i in range(offset, min(offset + limit, self.rows))]


def make(source: Source, **kwargs) -> PagedTableModel:
    model = PagedTableModel([Column("No.", lambda r: r[0], align_right=True), Column("Text", lambda r: r[1])],
                            source.page, **kwargs)
    model.reload(None)
    model.set_total(model.generation, source.count())
    return model


def test_rows_are_fetched_per_block_and_few_blocks_are_kept(qtmodeltester):
    source = Source(10_000)
    model = make(source, block_size=100, max_blocks=3)
    assert model.rowCount() == 10_000 and source.calls == [0]  # the first block, read by the reload
    assert model.data(model.index(5_432, 1)) == "row 5432"
    assert model.data(model.index(5_499, 0)) == 5499
    assert source.calls == [0, 5_400]
    for row in range(0, 10_000, 100):
        model.item(row)
    assert model.cached_blocks() == 3
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DecorationRole) is None
    qtmodeltester.check(model)


def test_a_failed_read_is_reported_and_retried(qtbot):
    source = Source(250)
    model = make(source, block_size=100)
    source.failures = 1  # the next block's read fails like a busy share
    model.RETRY_MS = 10
    messages = []
    model.fetch_failed.connect(messages.append)
    assert model.data(model.index(120, 1)) is None
    assert "colleague is saving" in messages[0]
    with qtbot.waitSignal(model.dataChanged) as changed:
        pass
    assert changed.args[0].row() == 100 and changed.args[1].row() == 199
    assert model.data(model.index(120, 1)) == "row 120"


def test_a_reload_shows_the_first_block_now_and_takes_only_its_own_count(qtbot):
    source = Source(450)
    model = make(source, block_size=100)
    asked = []
    model.count_needed.connect(lambda generation, flt: asked.append((generation, flt)))
    model.reload("new search")
    assert model.rowCount() == 100 and asked == [(model.generation, "new search")]  # first block only, count asked
    old = model.generation
    model.reload("newer search", keep_total=True)
    assert model.rowCount() == 100
    assert not model.set_total(old, 450) and model.rowCount() == 100  # a late count of an older search is ignored
    assert model.set_total(model.generation, 450) and model.rowCount() == 450
    model.reload("refresh", keep_total=True)
    assert model.rowCount() == 450  # a refresh keeps the length (and the scroll position) until the count arrives
    assert model.set_total(model.generation, 120) and model.rowCount() == 120 and model.cached_blocks() == 1
    source.rows = 30
    asked.clear()
    model.reload("short")
    assert model.rowCount() == 30 and model.known_total() == 30 and asked == []  # all there: nothing to count
    model.count_always = True
    model.reload("short")
    assert asked == [(model.generation, "short")]
