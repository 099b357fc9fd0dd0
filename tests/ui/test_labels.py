"""Every value the database stores has a display name in both languages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from keepclient.domain import enums
from keepclient.ui.labels import LABELS, date_text, label
from tests.ui.helpers import default_locale


def test_every_stored_value_has_a_label():
    stored = {member.value for enum in vars(enums).values()
              if isinstance(enum, type) and issubclass(enum, enums.StrEnum) and enum is not enums.StrEnum
              for member in enum}
    assert stored - set(LABELS) == set()


def test_label_falls_back_to_the_value():
    assert label("at_risk") == "At risk"
    assert label("something-new") == "something-new"


def test_dates_follow_the_locale():
    with default_locale(QLocale.Language.English, QLocale.Country.UnitedStates):
        assert date_text(dt.date(2026, 11, 23)) == "11/23/26"
    with default_locale(QLocale.Language.Chinese, QLocale.Country.China):
        assert date_text(dt.date(2026, 11, 23)) == "2026/11/23"
    with default_locale(QLocale.Language.German, QLocale.Country.Germany):
        assert date_text(dt.date(2026, 11, 23)) == "23.11.26"
    assert date_text(None) == ""
