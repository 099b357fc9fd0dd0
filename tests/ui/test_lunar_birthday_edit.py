"""The contact dialog's "Lunar" checkbox beside the birthday: read into the contact's birthday_lunar, a leap-month
birthday kept while the box stays checked."""

from __future__ import annotations

from keepclient.domain.types import ContactInfo
from keepclient.ui.customers import dialogs


def _contact(lunar: int) -> ContactInfo:
    return ContactInfo(7, 1, "王芳", "", "", "", "", "", True, 1980, 5, 10, "", lunar)


def test_the_lunar_box_sets_the_flag(qtbot):
    dialog = dialogs.contact(None)
    qtbot.addWidget(dialog)
    edit = dialog.widgets["birthday"]
    edit.set_value((None, 8, 15))
    assert not edit.lunar.isChecked() and edit.lunar.text() == "Lunar"
    assert dialogs.contact_values(dialog.values())["birthday_lunar"] == 0
    edit.lunar.setChecked(True)
    values = dialogs.contact_values(dialog.values())
    assert (values["birthday_month"], values["birthday_day"], values["birthday_lunar"]) == (8, 15, 1)


def test_an_existing_leap_month_birthday_stays_one(qtbot):
    dialog = dialogs.contact(None, _contact(2))
    qtbot.addWidget(dialog)
    edit = dialog.widgets["birthday"]
    assert edit.lunar.isChecked()
    assert dialogs.contact_values(dialog.values())["birthday_lunar"] == 2
    edit.lunar.setChecked(False)
    assert dialogs.contact_values(dialog.values())["birthday_lunar"] == 0
    edit.lunar.setChecked(True)
    assert dialogs.contact_values(dialog.values())["birthday_lunar"] == 2
    plain = dialogs.contact(None, _contact(0))
    qtbot.addWidget(plain)
    assert not plain.widgets["birthday"].lunar.isChecked()
