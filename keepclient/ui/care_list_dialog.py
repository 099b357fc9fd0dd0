"""Make a care list from the window (Customer › Care list…): choose the occasion (the team's observed holidays, or
the birthdays of a month), the year, the tiers and whose customers, then save it as PDF or .xlsx.

The list is the care-list service's, drawn by printing/care_list.py and written by exporting/care_list.py (the same
code as `keepclient care-list`). File choosers and errors go through the Prompter so tests script them; the last
folder and the paper are remembered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.domain.gifts import BIRTHDAY, CareList
from keepclient.domain.holidays import FIRST_YEAR, LAST_YEAR
from keepclient.exporting.care_list import translated_labels, write_care_list_xlsx
from keepclient.printing.care_list import write_care_list_pdf
from keepclient.ui.customers.gift_dialog import occasion_text
from keepclient.ui.prompts import Prompter
from keepclient.ui.settings import OutputChoices, user_qsettings
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons, finish_form

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


class CareListChoices(OutputChoices):
    GROUP = "care_list"


class CareListDialog(QDialog):
    """Occasion, year (and month for birthdays), tiers, owner and paper; Save PDF… and Save Excel…, several times."""

    def __init__(self, workspace: Workspace, *, prompter: Prompter | Any = None, today: dt.date | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None, occasion: str | None = None,
                 year: int | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter or Prompter(self)
        self.choices = CareListChoices(settings or user_qsettings())
        self.setWindowTitle(self.tr("Care list"))
        self.last_pages = 0
        day = today or dt.date.today()
        self.occasion = QComboBox()
        for key in workspace.care.observed_holidays():
            self.occasion.addItem(occasion_text(key), key)
        self.occasion.addItem(self.tr("Birthdays of a month"), BIRTHDAY)
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year or day.year)
        if occasion is not None and self.occasion.findData(occasion) >= 0:  # asked for (the Due panel's holiday)
            self.occasion.setCurrentIndex(self.occasion.findData(occasion))
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setValue(day.month)
        self.tiers: dict[str, QCheckBox] = {}
        tiers = QHBoxLayout()
        for tier in ("A", "B", "C"):
            box = self.tiers[tier] = QCheckBox(tier)
            box.setChecked(True)
            tiers.addWidget(box)
        tiers.addStretch(1)
        self.owner = QComboBox()
        self.owner.addItem(self.tr("Everyone's customers"), None)
        for person in workspace.team.salespeople(active_only=False):
            self.owner.addItem(person.name, person.id)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(self.choices.paper), 0))
        for name, widget in (("occasion", self.occasion), ("year", self.year), ("month", self.month),
                             ("owner", self.owner), ("paper", self.paper)):
            widget.setObjectName(f"care_{name}")

        form = QFormLayout()
        note = QLabel(self.tr("The customers to greet or send a gift, by salesperson, tier and name, with contact, "
                              "phone, address and the last gift for the same occasion."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("&Occasion:"), self.occasion)
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Month:"), self.month)
        form.addRow(self.tr("Tiers:"), tiers)
        form.addRow(self.tr("&Whose:"), self.owner)
        form.addRow(self.tr("&Paper:"), self.paper)
        buttons = dialog_buttons(self)
        self.pdf_button = add_button(buttons, self.tr("Save &PDF…"), self.save_pdf)
        self.excel_button = add_button(buttons, self.tr("Save &Excel…"), self.save_excel)
        self.message = finish_form(self, form, buttons, "care_message")
        self.occasion.currentIndexChanged.connect(self._update)
        for box in self.tiers.values():
            box.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.month.setEnabled(self.occasion.currentData() == BIRTHDAY)
        some = any(box.isChecked() for box in self.tiers.values())
        self.message.setText("" if some else self.tr("Choose at least one tier."))
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(some)

    def chosen_tiers(self) -> list[str] | None:
        tiers = [tier for tier, box in self.tiers.items() if box.isChecked()]
        return None if len(tiers) == len(self.tiers) else tiers

    def care_list(self) -> CareList | None:
        """The list as chosen, from the service; None after telling the user why it could not be made."""
        occasion = self.occasion.currentData()
        owner = self.owner.currentData()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.workspace.care_lists.care_list(
                occasion, self.year.value(), tiers=self.chosen_tiers(), owner_ids=None if owner is None else [owner],
                month=self.month.value() if occasion == BIRTHDAY else None)
        except KeepclientError as exc:
            self.prompter.error(self.tr("Care list"), exc.message(QCoreApplication.translate))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def suggested_file(self, suffix: str) -> Path:
        occasion = self.occasion.currentData()
        when = f"{self.year.value()}-{self.month.value():02d}" if occasion == BIRTHDAY else str(self.year.value())
        return self.choices.folder / f"{self.tr('care-list')}-{self.occasion.currentText()}-{when}{suffix}"

    def save_pdf(self) -> Path | None:
        def write(path: Path, care: CareList) -> None:
            self.last_pages = write_care_list_pdf(path, care, paper=self.paper.currentData())

        return self._save(self.tr("Save care list as PDF"), ".pdf", PDF_FILTER, write)

    def save_excel(self) -> Path | None:
        def write(path: Path, care: CareList) -> None:
            write_care_list_xlsx(path, care, occasion=self.occasion.currentText(),
                                 labels=translated_labels(QCoreApplication.translate))

        return self._save(self.tr("Save care list as Excel"), ".xlsx", XLSX_FILTER, write)

    def _save(self, title: str, suffix: str, filters: str, write: Callable[[Path, CareList], None]) -> Path | None:
        self.choices.paper = self.paper.currentData()
        path = self.prompter.save_file(title, self.suggested_file(suffix), filters)
        if path is None:
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        care = self.care_list()
        if care is None:
            return None
        try:
            write(path, care)
        except KeepclientError as exc:
            self.prompter.error(title, exc.message(QCoreApplication.translate))
            return None
        self.choices.folder = path.parent
        return path


def open_care_list(parent: QWidget | None, workspace: Workspace | None, *, prompter: Prompter | Any = None,
                   today: dt.date | None = None, settings: QSettings | None = None, occasion: str | None = None,
                   year: int | None = None) -> CareListDialog | None:
    """Show the care list dialog (for `occasion` in `year` when given); returns it, already open (None without a
    database)."""
    if workspace is None:
        return None
    dialog = CareListDialog(workspace, prompter=prompter, today=today, settings=settings, parent=parent,
                            occasion=occasion, year=year)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
