"""RefreshWhenShown: a view on show hears each change at once; a hidden one hears them merged, once, when shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from keepclient.services.changes import Change, ChangeNotifier, Topic
from keepclient.ui.widgets.refresh_when_shown import RefreshWhenShown, merged


@pytest.fixture
def tabs(qtbot) -> QTabWidget:
    """Two tabs, each page holding its view inside (as LazyTab holds the calendar), the first on show."""
    tabs = QTabWidget()
    for name in ("first", "second"):
        page = QWidget()
        QVBoxLayout(page).addWidget(QLabel(name))
        tabs.addTab(page, name)
    qtbot.addWidget(tabs)
    return tabs


def view(tabs: QTabWidget, index: int) -> QWidget:
    return tabs.widget(index).findChild(QLabel)


def test_a_view_on_show_hears_each_change_at_once(tabs: QTabWidget):
    tabs.show()
    heard: list[Change] = []
    notifier = ChangeNotifier()
    notifier.subscribe(RefreshWhenShown(view(tabs, 0), heard.append))
    notifier.announce(Change.of(Topic.VISITS, customer_ids=[1]))
    notifier.announce(Change.of(Topic.FEEDBACK))
    assert heard == [Change.of(Topic.VISITS, customer_ids=[1]), Change.of(Topic.FEEDBACK)]


def test_a_hidden_view_hears_the_merged_changes_once_when_shown_again(tabs: QTabWidget):
    tabs.show()
    heard: list[Change] = []
    listener = RefreshWhenShown(view(tabs, 1), heard.append)
    listener(Change.of(Topic.VISITS, customer_ids=[1]))
    listener(Change.of(Topic.CUSTOMERS, customer_ids=[2]))
    assert heard == [] and listener.waiting is not None

    tabs.setCurrentIndex(1)
    assert heard == [Change.of(Topic.VISITS, Topic.CUSTOMERS, customer_ids=[1, 2])]
    assert listener.waiting is None
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert len(heard) == 1  # nothing changed meanwhile: nothing to read again


def test_before_the_window_is_shown_its_current_tab_counts_as_on_show(tabs: QTabWidget):
    heard_first: list[Change] = []
    heard_second: list[Change] = []
    first, second = RefreshWhenShown(view(tabs, 0), heard_first.append), RefreshWhenShown(view(tabs, 1),
                                                                                          heard_second.append)
    first(Change.of(Topic.TEAM))
    second(Change.of(Topic.TEAM))
    assert heard_first == [Change.of(Topic.TEAM)] and heard_second == []
    tabs.show()
    tabs.setCurrentIndex(1)
    assert heard_second == [Change.of(Topic.TEAM)]


def test_forget_drops_what_was_collected(tabs: QTabWidget):
    tabs.show()
    heard: list[Change] = []
    listener = RefreshWhenShown(view(tabs, 1), heard.append)
    listener(Change.anything())
    listener.forget()
    tabs.setCurrentIndex(1)
    assert heard == []


def test_merging_keeps_every_topic_and_any_customer_wins():
    one = Change.of(Topic.VISITS, customer_ids=[1])
    assert merged(one, Change.of(Topic.FEEDBACK, customer_ids=[2])) == Change.of(
        Topic.VISITS, Topic.FEEDBACK, customer_ids=[1, 2])
    assert merged(one, Change.of(Topic.TEAM)).customer_ids == frozenset()  # the team change may concern anyone
    assert merged(one, Change.anything()) == Change.anything()  # a colleague's save: nothing more is known
    assert not merged(one, Change.anything(colleague=False)).colleague
