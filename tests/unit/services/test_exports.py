"""The customer export asks for its rows with a filter object, and the service answers with the list's own rows:
the same customers in the same order as the list shows for that filter, streamed rather than loaded at once."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from keepclient.domain.types import CustomerFilter
from keepclient.exporting.customers import CustomerSelection, Row, write_customers
from keepclient.services.exports import CustomerExportRows
from keepclient.services.workspace import Workspace

FILTERS = [
    CustomerFilter(),
    CustomerFilter(tiers=("A", "B"), sort="city", descending=True),
    CustomerFilter(text="有限", sort="revenue_12m"),
    CustomerFilter(stages=("active", "at_risk"), sort="next_follow_up"),
    CustomerFilter(trash=True),
]


def list_names(ws: Workspace, flt: CustomerFilter) -> list[str]:
    return [row.name for row in ws.customers.rows(0, 10_000, flt)]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr(f)[:60])
def test_export_rows_are_the_lists_rows_for_the_same_filter(workspace: Workspace, flt: CustomerFilter) -> None:
    with workspace.db.session() as pw:
        source = CustomerExportRows(pw)
        selection = CustomerSelection(flt)
        exported = [row["name"] for row in source.customers(selection)]
        assert source.count(selection) == workspace.customers.count(flt) == len(exported)
    assert exported == list_names(workspace, flt)


def test_a_selection_narrows_the_filter_to_the_chosen_ids_in_list_order(workspace: Workspace) -> None:
    flt = CustomerFilter(sort="name", descending=True)
    shown = workspace.customers.rows(0, 20, flt)
    chosen = tuple(row.id for row in reversed(shown[::3]))
    with workspace.db.session() as pw:
        source = CustomerExportRows(pw)
        names = [row["name"] for row in source.customers(CustomerSelection(flt, chosen))]
        assert source.count(CustomerSelection(flt, ())) == 0
        assert list(source.customers(CustomerSelection(flt, ()))) == []
    assert names == [row.name for row in shown[::3]]


def test_rows_stream_from_a_cursor(workspace: Workspace) -> None:
    with workspace.db.session() as pw:
        source = CustomerExportRows(pw)
        selection = CustomerSelection()
        for rows in (source.customers(selection), source.contacts(selection), source.orders(selection)):
            assert isinstance(rows, Iterator) and not isinstance(rows, list | tuple)
            first = next(rows)
            assert first["customer_id" if "customer_id" in first else "id"]


class RecordingSource:
    """A row source that notes what the exporter asked for."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, object]] = []

    def count(self, selection: CustomerSelection) -> int:
        self.asked.append(("count", selection))
        return 1

    def customers(self, selection: CustomerSelection) -> Iterator[Row]:
        self.asked.append(("customers", selection))
        yield {"id": "u-1", "name": "=Acme", "kind": "company", "tier": "A", "stage": "new", "owner": "",
               "city": "", "region": "", "address": "", "phone": "+86 21 5555 1234", "email": "", "industry": "",
               "source": "", "website": "", "tags": "", "last_contact": None, "next_follow_up": None, "notes": ""}

    def contacts(self, selection: CustomerSelection) -> Iterator[Row]:
        self.asked.append(("contacts", selection))
        yield from ()

    def orders(self, selection: CustomerSelection) -> Iterator[Row]:
        self.asked.append(("orders", selection))
        yield from ()


def test_the_exporter_asks_its_source_with_a_filter_object_never_sql(tmp_path: Path) -> None:
    source = RecordingSource()
    selection = CustomerSelection(CustomerFilter(text="acme", tiers=("A",)), (7,))
    assert write_customers(tmp_path / "out.csv", selection, source) == 1

    assert source.asked == [("count", selection), ("customers", selection)]
    rows = list(csv.reader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][:2] == ["u-1", "'=Acme"] and rows[1][9] == "+86 21 5555 1234"


def test_an_unknown_format_is_refused_before_any_row_is_read(tmp_path: Path) -> None:
    source = RecordingSource()
    with pytest.raises(ValueError, match="unknown export format"):
        write_customers(tmp_path / "out.txt", CustomerSelection(), source)
    assert source.asked == []
