"""Large imports set the customer and contact indexes aside and rebuild them in the same transaction; the result
must be indistinguishable from a row-by-row import: same indexes, same search documents, undoable, and nothing
left behind when it fails half way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from keepclient.db import bulk, order_values, search_docs
from keepclient.domain.errors import CancelledError
from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace

ROWS = 60


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(bulk, "MIN_ROWS", 10)  # the bulk path on a small file
    workspace = Workspace.open(tmp_path / "bulk.db", user="tester")
    workspace.editor.create("已有客户", phone="010 6552 9988")
    yield workspace
    workspace.close()


def _sheet(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "联系人", "手机", "城市", "备注"])
    for n in range(ROWS):
        person = ("曾" if n % 3 == 0 else "王") + "小" + "一二三四五六七八九十"[n % 10]
        company = f"华信{n}号贸易有限公司" if n % 4 else ""  # every fourth row: a person customer
        sheet.append([company, person, f"138{n:08d}", "上海", f"第{n}行"])
    book.save(path)
    return path


def _indexes(ws: Workspace) -> list[tuple[str, str]]:
    return ws.db.pw.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                "AND tbl_name IN ('customer', 'contact') ORDER BY name").fetchall()


def _automerge(ws: Workspace) -> list[tuple]:
    """The full-text indexes' automerge settings, as FTS5 keeps them in its config tables."""
    pw = ws.db.pw
    return [*pw.execute_sql("SELECT 'fts', v FROM customer_fts_config WHERE k = 'automerge'"),
            *pw.execute_sql("SELECT 'han', v FROM customer_han_config WHERE k = 'automerge'")]


def _documents(ws: Workspace) -> list[tuple]:
    pw = ws.db.pw
    return [*pw.execute_sql("SELECT rowid, doc FROM customer_fts ORDER BY rowid"),
            *pw.execute_sql("SELECT rowid, doc FROM customer_han ORDER BY rowid")]


def test_bulk_import_rebuilds_indexes_and_matches_a_full_rebuild(ws: Workspace, tmp_path: Path):
    indexes = _indexes(ws)
    preview = ws.imports.preview(_sheet(tmp_path / "big.xlsx"))
    assert preview.plan.summary()["new"] == ROWS
    with ws.db.session() as pw:
        assert bulk.worth_deferring(pw, "customer", ROWS)
    batch = ws.imports.run(preview).batch
    assert _indexes(ws) == indexes and len(indexes) > 10
    assert _automerge(ws) == [("fts", search_docs.DEFAULT_AUTOMERGE), ("han", search_docs.DEFAULT_AUTOMERGE)]
    written = _documents(ws)
    with ws.db.write() as pw:
        search_docs.rebuild(pw)
    assert written == _documents(ws)  # documents built from the import's values = built from the stored rows
    assert ws.customers.count() == ROWS + 1
    assert ws.customers.count(CustomerFilter(text="zengxiaoyi")) > 0  # special surname reading, via a contact
    assert ws.customers.count(CustomerFilter(text="cengxiaoyi")) > 0  # and the everyday one
    assert ws.customers.count(CustomerFilter(text="13800000042")) == 1
    plan = ws.db.pw.execute_sql("EXPLAIN QUERY PLAN SELECT id FROM contact WHERE customer_id = 3").fetchall()
    assert any("INDEX" in row[-1] for row in plan), plan
    ws.imports.undo(batch)
    assert ws.customers.count() == 1 and _indexes(ws) == indexes


def test_imported_customers_have_their_order_figures_counted_for_the_day_they_came(ws: Workspace, tmp_path: Path):
    """They have no orders: the recompute after the import has nothing to recount for them."""
    ws.imports.run(ws.imports.preview(_sheet(tmp_path / "big.xlsx")))
    with ws.db.write() as pw:
        days = pw.execute_sql("SELECT DISTINCT value_as_of, substr(created_at, 1, 10) FROM customer WHERE id > 1"
                              ).fetchall()
        assert len(days) == 1 and days[0][0] == days[0][1], days
        day = dt.date.fromisoformat(days[0][0])
        assert order_values.stale_count(pw, day) <= 1  # at most the customer created before the import
        before = pw.execute_sql("SELECT * FROM customer WHERE id > 1 ORDER BY id").fetchall()
        order_values.refresh_stale(pw, day)
        assert pw.execute_sql("SELECT * FROM customer WHERE id > 1 ORDER BY id").fetchall() == before


def test_a_cancelled_bulk_import_keeps_indexes_and_writes_nothing(ws: Workspace, tmp_path: Path):
    indexes = _indexes(ws)
    documents = _documents(ws)
    preview = ws.imports.preview(_sheet(tmp_path / "big.xlsx"))
    calls = []

    def cancel_after_rows_went_in() -> bool:
        calls.append(1)
        return True  # checked after the first chunk of new rows was written, with the indexes dropped

    with pytest.raises(CancelledError):
        ws.imports.run(preview, is_cancelled=cancel_after_rows_went_in)
    assert calls and _indexes(ws) == indexes and _documents(ws) == documents
    assert _automerge(ws) == []  # the bulk merge setting went with the rolled-back rows
    assert ws.customers.count() == 1 and ws.imports.history() == []


def test_full_text_segments_merge_less_often_only_while_many_documents_go_in(ws: Workspace):
    with ws.db.write() as pw:
        with search_docs.bulk_merging(pw, bulk.MIN_ROWS - 1):
            assert _automerge(ws) == []  # a few documents: FTS5's default, never written down
        with search_docs.bulk_merging(pw, bulk.MIN_ROWS):
            assert _automerge(ws) == [("fts", search_docs.BULK_AUTOMERGE), ("han", search_docs.BULK_AUTOMERGE)]
        assert _automerge(ws) == [("fts", search_docs.DEFAULT_AUTOMERGE), ("han", search_docs.DEFAULT_AUTOMERGE)]


def test_only_large_imports_into_smaller_tables_set_indexes_aside(ws: Workspace, monkeypatch: pytest.MonkeyPatch):
    with ws.db.session() as pw:
        assert not bulk.worth_deferring(pw, "customer", 5)  # under MIN_ROWS
        monkeypatch.setattr(bulk, "MIN_ROWS", 0)
        assert bulk.worth_deferring(pw, "customer", 1) and not bulk.worth_deferring(pw, "customer", 0)
        with pytest.raises(RuntimeError), bulk.indexes_deferred(pw, ("customer",)):
            pass  # outside a transaction a failure could not bring the indexes back
    assert len(_indexes(ws)) > 10


def test_the_collector_pauses_while_any_bulk_work_runs_and_resumes_after():
    import gc

    from keepclient.importing import collector
    from keepclient.importing.collector import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a second task at the same time
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled() and gc.get_freeze_count() > 0  # what the work made is set aside, not walked at once
    collector.thaw()
    assert gc.get_freeze_count() == 0
