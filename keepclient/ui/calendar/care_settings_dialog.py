"""File › Care settings…: which holidays the team observes (the calendar's Care layer, the Due panel) and the team's
region, which decides whether working time for response targets follows China's public holidays and 调休.

The dialog shows `CareSettings` and hands what the user changed to `save`: the holidays switched on, those switched
off and the region when it changed, applied by the service to what is stored then (a colleague's change to another
holiday is kept). A refused value (ValidationError) is said in the dialog and everything chosen stays. Without `save`
(a read-only database) the settings are shown and nothing can be changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain import holidays as holiday_rules
from keepclient.domain.errors import KeepclientError
from keepclient.domain.holidays import HolidayKind
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons, message_label

if TYPE_CHECKING:
    from keepclient.services.care import CareSettings

CHINA = "CN"
OTHER_REGION = "ZZ"  # "another region" (CLDR's code for an unknown region): working time counts weekends only
# (observe, stop observing, region or None when unchanged); raises KeepclientError (ValidationError)
Save = Callable[[list[str], list[str], str | None], object]


def traditional(kind: HolidayKind) -> bool:
    """A festival of the lunar calendar (除夕 included), as opposed to a public day of the Gregorian one."""
    return kind.solar is None


class CareSettingsDialog(QDialog):
    """Observed holidays in two groups and the region for working time; OK saves what changed."""

    def __init__(self, settings: CareSettings, save: Save | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careSettingsDialog")
        self.setWindowTitle(self.tr("Care settings"))
        self.save = save
        self.loaded = settings
        self.boxes: dict[str, QCheckBox] = {}

        intro = QLabel(self.tr("These settings are shared by the whole team. The holidays chosen here are shown in "
                               "the calendar's Care layer and listed in the Due panel two weeks ahead."))
        intro.setWordWrap(True)
        festivals = self._holiday_group(self.tr("Traditional festivals"),
                                        [k for k in holiday_rules.KINDS if traditional(k)])
        public = self._holiday_group(self.tr("Public days"), [k for k in holiday_rules.KINDS if not traditional(k)])
        holidays = QHBoxLayout()
        holidays.addWidget(festivals, 1)
        holidays.addWidget(public, 1)

        self.china = QRadioButton(self.tr("China: public holidays and make-up working days (调休)"))
        self.china.setObjectName("care_region_china")
        self.other = QRadioButton(self.tr("Another region: weekends only"))
        self.other.setObjectName("care_region_other")
        region = QGroupBox(self.tr("Working time for response targets"))
        region_layout = QVBoxLayout(region)
        hint = QLabel(self.tr("Feedback deadlines count working time. In China, public holidays are days off and "
                              "make-up working days are working days; elsewhere only weekends are off. Deadlines "
                              "already set are kept."))
        hint.setWordWrap(True)
        region_layout.addWidget(hint)
        region_layout.addWidget(self.china)
        region_layout.addWidget(self.other)

        self.message = message_label("careSettingsMessage")
        if save is None:
            self.buttons = dialog_buttons(self)
            self.all_button: QPushButton | None = None
            self.message.setStyleSheet("")
            self.message.setText(self.tr("The database is open read-only: these settings can be seen but not "
                                         "changed."))
            for widget in (*self.boxes.values(), self.china, self.other):
                widget.setEnabled(False)
        else:
            self.buttons = dialog_buttons(self, self.submit)
            self.all_button = add_button(self.buttons, self.tr("Observe all"), self.observe_all, reset=True)
            self.all_button.setObjectName("careObserveAll")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(holidays)
        layout.addWidget(region)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.show_settings(settings)

    def _holiday_group(self, title: str, kinds: list[HolidayKind]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        for row, kind in enumerate(kinds):
            name = QCoreApplication.translate(holiday_rules.CONTEXT, kind.name_en)
            check = QCheckBox(name if kind.name_zh in name else f"{name} ({kind.name_zh})")
            check.setObjectName(f"care_holiday_{kind.key}")
            self.boxes[kind.key] = check
            grid.addWidget(check, row, 0)
        grid.setRowStretch(len(kinds), 1)
        return box

    # -- values ------------------------------------------------------------------------------------------------
    def show_settings(self, settings: CareSettings) -> None:
        for key, box in self.boxes.items():
            box.setChecked(key in settings.observed)
        (self.china if settings.region == CHINA else self.other).setChecked(True)

    def observed(self) -> list[str]:
        """The holidays ticked, in the standard order."""
        return [key for key in holiday_rules.KEYS if self.boxes[key].isChecked()]

    def region(self) -> str | None:
        """The region chosen, or None when the choice is the one loaded (another region stays as stored)."""
        if self.china.isChecked():
            return None if self.loaded.region == CHINA else CHINA
        return None if self.loaded.region != CHINA else OTHER_REGION

    def observe_all(self) -> None:
        for box in self.boxes.values():
            box.setChecked(True)

    # -- saving ------------------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.save is None:
            return
        self.message.clear()
        chosen = set(self.observed())
        observe = [key for key in holiday_rules.KEYS if key in chosen and key not in self.loaded.observed]
        stop = [key for key in holiday_rules.KEYS if key not in chosen and key in self.loaded.observed]
        region = self.region()
        if observe or stop or region is not None:
            try:
                self.save(observe, stop, region)
            except KeepclientError as exc:
                self.message.setText(exc.message(QCoreApplication.translate))
                return
        self.accept()


def care_settings_dialog(settings: CareSettings, save: Save | None, parent: QWidget | None = None,
                         ) -> CareSettingsDialog:
    """The dialog, ready to `open()` (deleted when closed)."""
    dialog = CareSettingsDialog(settings, save, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
