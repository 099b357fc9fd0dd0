"""The dashboard's table: one row per salesperson and the team's total pinned at the bottom, a column per KPI (and
customers at risk now). Plain data from the KPI service; numbers in the user's locale, money in the team's
currency; each cell's tooltip says what the KPI means and how this value was counted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from keepclient.domain.kpis import CAPTION, CONTEXT, HOURS, KIND, KPI_KEYS, MONEY, SCORE, SHARE, Kpi, KpiReport
from keepclient.domain.kpis import SalespersonKpis as Row
from keepclient.ui.dashboard.definitions import (
    AT_RISK,
    AT_RISK_CAPTION,
    CLICK_HINTS,
    CLICK_THROUGH,
    DEFINITIONS,
    ListRequest,
)
from keepclient.ui.widgets.money import money_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value a column sorts by
COLUMNS: tuple[str, ...] = ("name", *KPI_KEYS, AT_RISK)
MINE_BACKGROUND = QColor("#fff3c4")
_Index = QModelIndex | QPersistentModelIndex


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class KpiTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: KpiReport | None = None
        self.rows: list[Row] = []  # the salespeople, in the order shown (the total is always last)
        self.at_risk: Mapping[int, int] = {}
        self.me: int | None = None
        self.whole_team = True
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in ---------------------------------------------------------------------------------------------
    def set_report(self, report: KpiReport, at_risk: Mapping[int, int], *, whole_team: bool) -> None:
        self.beginResetModel()
        self.report, self.at_risk, self.whole_team = report, dict(at_risk), whole_team
        self.rows = list(report.rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def set_me(self, me: int | None) -> None:
        self.me = me
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def row_of(self, row: int) -> Row | None:
        """The salesperson (or, for the last row, the team total) shown in `row`."""
        if self.report is None or not 0 <= row < self.rowCount():
            return None
        return self.rows[row] if row < len(self.rows) else self.report.total

    def mine_row(self) -> int | None:
        return next((i for i, r in enumerate(self.rows) if self.me is not None and r.salesperson_id == self.me), None)

    # -- the table ---------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() or self.report is None else len(self.rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.caption(key)
        if role == Qt.ItemDataRole.ToolTipRole and key in DEFINITIONS:
            return _translate("KpiDefinitions", DEFINITIONS[key])
        return None

    def caption(self, key: str) -> str:
        if key == "name":
            return self.tr("Salesperson")
        if key == AT_RISK:
            return _translate("KpiDefinitions", AT_RISK_CAPTION)
        return _translate(CONTEXT, CAPTION[key])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = COLUMNS[index.column()]
        total = row.salesperson_id is None
        mine = not total and row.salesperson_id == self.me
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == SORT_ROLE:
            return self.raw(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "name":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (total or mine):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and mine:
            return QBrush(MINE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and mine:
            return QBrush(QColor("black"))  # readable on the highlight in a dark theme too
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    # -- values ------------------------------------------------------------------------------------------------
    def name_of(self, row: Row) -> str:
        if row.salesperson_id is None:
            return self.tr("Whole team") if self.whole_team else self.tr("Total")
        name = row.name if row.active else self.tr("%1 (inactive)").replace("%1", row.name)
        return self.tr("%1 (me)").replace("%1", name) if row.salesperson_id == self.me else name

    def at_risk_of(self, row: Row) -> int:
        if row.salesperson_id is not None:
            return int(self.at_risk.get(row.salesperson_id, 0))
        if self.whole_team:
            return sum(self.at_risk.values())
        return sum(int(self.at_risk.get(r.salesperson_id or 0, 0)) for r in self.rows)

    def raw(self, row: Row, key: str) -> Any:
        if key == "name":
            return row.name
        if key == AT_RISK:
            return self.at_risk_of(row)
        figure = row.figures.get(key)
        return None if figure is None else figure.value

    def text(self, row: Row, key: str) -> str:
        if key == "name":
            return self.name_of(row)
        if key == AT_RISK:
            return QLocale().toString(self.at_risk_of(row))
        figure = row.figures.get(key)
        return "–" if figure is None else self.value_text(figure)

    def value_text(self, figure: Kpi) -> str:
        """A KPI's value as the locale writes it ("–" when there is nothing to count), with its attainment when it
        is held against a target ("¥12,000.00 (80%)")."""
        if figure.value is None:
            return "–"
        locale = QLocale()
        kind = KIND.get(figure.key)
        if kind == SHARE:
            text = percent(figure.value)
        elif kind == HOURS:
            text = self.tr("%1 h").replace("%1", locale.toString(figure.value, "f", 1))
        elif kind == SCORE:
            text = locale.toString(figure.value, "f", 2)
        elif kind == MONEY:
            text = money_text(round(figure.value), self.report.currency if self.report else "CNY")
        else:
            text = locale.toString(round(figure.value))
        attainment = figure.attainment
        if attainment is not None and figure.key in ("visits_done", "revenue"):
            text += f" ({percent(attainment or 0.0)})"
        return text

    def tooltip(self, row: Row, key: str) -> str:
        """The KPI's caption and definition, then how this value was counted (domain/kpis: Kpi.explain)."""
        if key == "name":
            return self.name_of(row)
        lines = [f"<b>{self.caption(key)}</b>", _translate("KpiDefinitions", DEFINITIONS[key])]
        if key in CLICK_HINTS and (row.salesperson_id is not None or self.whole_team):
            lines.append(_translate("KpiDefinitions", CLICK_HINTS[key]))
        if key == AT_RISK:
            lines.append(self.text(row, key))
        else:
            figure = row.figures.get(key)
            if figure is not None:
                lines.append(self.tr("Counted: %1").replace("%1", figure.text(_translate)))
        return "<br>".join(lines)

    def request_at(self, index: _Index) -> ListRequest | None:
        """The list behind a cell (a double-click opens it); None where the app has no such list (yet)."""
        row = self.row_of(index.row()) if index.isValid() else None
        if row is None or self.report is None:
            return None
        kind = CLICK_THROUGH.get(COLUMNS[index.column()])
        if kind is None or (row.salesperson_id is None and not self.whole_team):
            return None  # the total of chosen salespeople is no single owner's list
        return ListRequest(kind, row.salesperson_id, self.report.start, self.report.end)

    # -- sorting: the total stays at the bottom ------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key = COLUMNS[column] if 0 <= column < len(COLUMNS) else "name"
        descending = order == Qt.SortOrder.DescendingOrder
        known = [r for r in self.rows if self.raw(r, key) is not None]
        unknown = [r for r in self.rows if self.raw(r, key) is None]  # nothing to count: last either way
        if key == "name":
            known.sort(key=lambda r: (QLocale().toLower(r.name), r.salesperson_id or 0), reverse=descending)
        else:
            known.sort(key=lambda r: (self.raw(r, key), r.name), reverse=descending)
        self.rows = known + unknown


def percent(share: float) -> str:
    """0.675 → "67.5%" (the locale's decimal mark and percent sign; whole numbers without decimals)."""
    locale = QLocale()
    value = 100 * share
    digits = 0 if abs(value - round(value)) < 0.05 else 1
    return locale.toString(value, "f", digits) + locale.percent()
