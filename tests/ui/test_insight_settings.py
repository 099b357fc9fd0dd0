"""File › Value and risk settings…: the team's settings shown, changed (everyone's value and risk recomputed in the
background, the At risk view following the new threshold), refused values said in the dialog, the defaults put
back, and nothing changeable on a read-only database."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from keepclient.domain.insights import InsightSettings
from keepclient.services.workspace import Workspace
from keepclient.ui.insight_settings_dialog import InsightSettingsDialog
from tests.ui.helpers import names


def drifting_brown(path: Path, ids: dict[str, int], **settings: object) -> int:
    """Brown Foods: last visited 200 days ago, two complaints unanswered for two months; returns Brown's risk
    under these settings (stored, with everyone's)."""
    ws = Workspace.open(path, user="tester")
    now = dt.datetime.now().replace(microsecond=0)
    ws.activity.log_contact(ids["brown"], kind="visit", when=now - dt.timedelta(days=200), outcome="Routine")
    for text in ("Late delivery", "Wrong invoice"):
        ws.feedback.create(ids["brown"], description=text, severity="high", received_at=now - dt.timedelta(days=60))
    ws.insights.set_settings(settings)
    ws.insights.recompute()
    risk = ws.insights.value(ids["brown"]).risk.score
    ws.close()
    return risk


def open_settings(window) -> InsightSettingsDialog:
    window.insight_settings_action.trigger()
    dialog = window.insight_settings_dialog
    assert isinstance(dialog, InsightSettingsDialog) and dialog.isVisible()
    return dialog


def ok(dialog: InsightSettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_saving_lowers_the_threshold_and_everyone_is_recomputed(open_window, team_db, qtbot):
    path, ids, _people = team_db
    risk = drifting_brown(path, ids, at_risk_threshold=95, a_share=0.7)
    assert 20 < risk < 95
    window, _ = open_window(path)
    area = window.customers
    area.sidebar.select("At risk")
    qtbot.waitUntil(lambda: area.current_filter().min_risk == 95)
    assert names(window) == []

    dialog = open_settings(window)
    assert dialog.spins["at_risk_threshold"].value() == 95
    assert dialog.spins["a_share"].value() == 70 and dialog.spins["a_share"].suffix().strip() == "%"
    assert dialog.spins["revenue_drop"].value() == 30 and dialog.spins["weight_complaints"].value() == 20
    assert dialog.spins["lost_after_days"].value() == 180 and dialog.spins["ltv_max_years"].value() == 10.0
    dialog.spins["at_risk_threshold"].setValue(risk)
    dialog.spins["weight_no_contact"].setValue(0)  # no visit for 200 days no longer counts
    ok(dialog)
    assert not dialog.isVisible()
    stored = window.workspace.insights.settings()
    assert (stored.at_risk_threshold, stored.weight_no_contact, stored.a_share) == (risk, 0, 0.7)  # the rest kept
    # The At risk view follows the new threshold; Brown's risk is recomputed without the no-contact points.
    qtbot.waitUntil(lambda: area.current_filter().min_risk == risk)
    qtbot.waitUntil(lambda: window.workspace.insights.value(ids["brown"]).risk.score < risk)
    assert window.statusBar().currentMessage() == "Value and risk recomputed."
    lowered = window.workspace.insights.value(ids["brown"]).risk.score
    dialog = open_settings(window)
    dialog.spins["at_risk_threshold"].setValue(lowered)
    ok(dialog)
    qtbot.waitUntil(lambda: area.current_filter().min_risk == lowered)
    qtbot.waitUntil(lambda: names(window) == ["Brown Foods Ltd"])
    assert window.workspace.insights.at_risk_ids() == {ids["brown"]}


def test_a_refused_value_keeps_the_dialog_open_and_changes_nothing(open_window, team_db, qtbot):
    path, _ids, _people = team_db
    window, _ = open_window(path)
    before = window.workspace.insights.settings()
    dialog = open_settings(window)
    dialog.spins["at_risk_threshold"].setValue(30)
    dialog.spins["a_share"].setValue(97)  # more than A and B together (95%)
    ok(dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == ("The share of tier A cannot be more than the share of tiers A and B together, "
                                     "which is at most 100 %.")
    assert dialog.spins["a_share"].styleSheet() and dialog.spins["at_risk_threshold"].value() == 30  # kept as typed
    assert window.workspace.insights.settings() == before
    dialog.spins["b_share"].setValue(98)
    ok(dialog)
    assert not dialog.isVisible()
    after = window.workspace.insights.settings()
    assert (after.a_share, after.b_share, after.at_risk_threshold) == (0.97, 0.98, 30)


def test_restore_defaults_puts_the_starting_values_back(open_window, team_db, qtbot):
    path, _ids, _people = team_db
    ws = Workspace.open(path, user="tester")
    ws.insights.set_settings({"at_risk_threshold": 40, "weight_missed_visits": 3, "b_share": 0.9,
                              "no_order_factor": 3.5, "ltv_floor_years": 2.0})
    ws.close()
    window, _ = open_window(path)
    dialog = open_settings(window)
    assert (dialog.spins["b_share"].value(), dialog.spins["no_order_factor"].value()) == (90, 3.5)
    dialog.restore_button.click()
    defaults = InsightSettings()
    assert dialog.spins["at_risk_threshold"].value() == defaults.at_risk_threshold
    assert dialog.spins["weight_missed_visits"].value() == defaults.weight_missed_visits
    assert window.workspace.insights.settings().at_risk_threshold == 40  # only OK saves
    ok(dialog)
    assert asdict(window.workspace.insights.settings()) == asdict(defaults)


def test_a_read_only_database_shows_the_settings_but_changes_nothing(make_window, team_db, qtbot, monkeypatch):
    from keepclient.db import connection

    ws = Workspace.open(team_db[0], user="tester")
    ws.insights.set_settings({"at_risk_threshold": 40})
    ws.close()
    monkeypatch.setattr(connection, "is_read_only", lambda _path: True)
    window, _ = make_window()
    assert window.open_workspace(team_db[0], offer_demo=False)
    dialog = open_settings(window)
    assert dialog.spins["at_risk_threshold"].value() == 40
    assert not any(spin.isEnabled() for spin in dialog.spins.values())
    assert dialog.restore_button is None and dialog.buttons.button(QDialogButtonBox.StandardButton.Ok) is None
    assert "read-only" in dialog.message.text()
    dialog.submit()  # nothing to save with
    assert window.workspace.insights.settings().at_risk_threshold == 40
