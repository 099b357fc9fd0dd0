"""A double-clicked number opens the list behind it: customers overdue, A customers or at risk in the Customers
tab filtered to that owner; feedback items in the Feedback tab filtered to that owner and the period; visits in the
Calendar's agenda of that salesperson over the period (each with its status). New and lost customers, retention,
follow-up on time, revenue and average order value open the Customers tab limited to exactly the customers counted
(`KpiService.customer_ids`: the report's own queries), read off the UI thread (a whole team's take most of a second
on 100,000 customers) with a caption saying which they are; the list shows the tab once they are read. Retention
lists the customers retained (its numerator), follow-up on time those within their interval; revenue and average
order value are sorted by 12-month revenue (the list has no order by the period's). The window (any `ListHost`) is
the host; this module never imports it."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QTabWidget, QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import CustomerFilter, FeedbackFilter
from keepclient.ui.dashboard.definitions import (
    A_CUSTOMERS,
    AT_RISK_VIEW,
    BY_REVENUE,
    FEEDBACK,
    LOST_CUSTOMERS,
    NEW_CUSTOMERS,
    ON_TIME,
    OVERDUE,
    RETAINED,
    REVENUE_CUSTOMERS,
    VISITS,
    ListRequest,
)
from keepclient.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.calendar.area import CalendarArea
    from keepclient.ui.customers.area import CustomerArea
    from keepclient.ui.feedback.log_view import FeedbackLog


class ListHost(Protocol):
    workspace: Workspace | None
    runner: TaskRunner

    @property
    def tabs(self) -> QTabWidget: ...

    @property
    def customers(self) -> CustomerArea: ...

    @property
    def calendar_tab(self) -> QWidget: ...

    @property
    def calendar(self) -> CalendarArea: ...

    @property
    def feedback_tab(self) -> QWidget: ...

    @property
    def feedback(self) -> FeedbackLog: ...

    def show_at_risk_of(self, owner_id: int | None) -> None: ...


# The Customers tab's lists: the built-in view's name (its words in the views sidebar) and filter, for an owner.
CUSTOMER_LISTS: dict[str, tuple[str, CustomerFilter]] = {
    OVERDUE: ("Overdue follow-ups", CustomerFilter(follow_up="overdue", sort="next_follow_up")),
    A_CUSTOMERS: ("A customers", CustomerFilter(tiers=("A",))),
    BY_REVENUE: ("All customers", CustomerFilter(sort="revenue_12m", descending=True)),
}
# The lists of exactly the customers counted: the figure (services/kpis.CUSTOMER_KPIS), the list's order, whether
# the owner filter applies too (customers are theirs by owner; revenue by the lines' salesperson, so another
# owner's customer can be among them) and the caption ("%1": whose, "%2": the period).
EXACT_LISTS: dict[str, tuple[str, CustomerFilter, bool, str]] = {
    NEW_CUSTOMERS: ("new_customers", CustomerFilter(), True,
                    QT_TRANSLATE_NOOP("ClickThrough", "New customers of %1, %2")),
    LOST_CUSTOMERS: ("lost_customers", CustomerFilter(), True,
                     QT_TRANSLATE_NOOP("ClickThrough", "Customers of %1 set to Lost, %2")),
    RETAINED: ("retention", CustomerFilter(sort="last_order", descending=True), True,
               QT_TRANSLATE_NOOP("ClickThrough", "Retained customers of %1, %2 (ordered in the previous period "
                                                 "and again in this one)")),
    ON_TIME: ("follow_up_on_time", CustomerFilter(sort="next_follow_up"), True,
              QT_TRANSLATE_NOOP("ClickThrough", "Customers of %1 within their follow-up interval at the end of "
                                                "%2")),
    REVENUE_CUSTOMERS: ("revenue", CustomerFilter(sort="revenue_12m", descending=True), False,
                        QT_TRANSLATE_NOOP("ClickThrough", "Customers behind the revenue of %1, %2 (sorted by "
                                                          "12-month revenue)")),
}
_requests = itertools.count(1)
_latest = [0]  # the newest exact list asked for: an older one read later is dropped


def open_list(host: ListHost, request: ListRequest) -> bool:
    """Show the list behind `request`; False when the app has none for it."""
    if request.kind == AT_RISK_VIEW:
        host.show_at_risk_of(request.owner_id)
        return True
    if request.kind in EXACT_LISTS:
        return _open_exact_list(host, request)
    if request.kind in CUSTOMER_LISTS:
        from keepclient.ui.customers.views_sidebar import SavedView

        name, flt = CUSTOMER_LISTS[request.kind]
        host.tabs.setCurrentWidget(host.customers)
        host.customers.apply_view(SavedView(QCoreApplication.translate("ViewsSidebar", name),
                                            flt._replace(owner_id=request.owner_id)))
        return True
    if request.kind == VISITS:
        previous = host.tabs.currentWidget()
        host.tabs.setCurrentWidget(host.calendar_tab)
        people = None if request.owner_id is None else [request.owner_id]
        if host.calendar.workspace is None or not host.calendar.show_agenda(people, request.start, request.end):
            host.tabs.setCurrentWidget(previous)  # a deactivated salesperson: the calendar offers them no more
            return False
        return True
    if request.kind == FEEDBACK:
        host.tabs.setCurrentWidget(host.feedback_tab)
        log = host.feedback
        if log.workspace is None:
            return False
        log.filters.apply(FeedbackFilter(owner_id=request.owner_id, received_from=request.start,
                                         received_to=request.end), notify=False)
        log.filter_changed(False)
        return True
    return False


def _open_exact_list(host: ListHost, request: ListRequest) -> bool:
    """Read the customers behind the figure off the UI thread, then show them in the Customers tab."""
    workspace = host.workspace
    if workspace is None:
        return False
    figure, flt, by_owner, caption = EXACT_LISTS[request.kind]
    number = next(_requests)
    _latest[0] = number

    def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> tuple[list[int], str]:
        ids = workspace.kpis.customer_ids(figure, request.start, request.end, request.owner_id)
        whose = "" if request.owner_id is None else workspace.team.salesperson(request.owner_id)[0].name
        return ids, whose

    def arrived(found: tuple[list[int], str]) -> None:
        if number != _latest[0] or workspace is not host.workspace:
            return  # a newer list was asked for, or another database is open now
        from keepclient.ui.customers.views_sidebar import SavedView

        ids, whose = found
        whose = whose or QCoreApplication.translate("ClickThrough", "the whole team")
        text = QCoreApplication.translate("ClickThrough", caption).replace("%1", whose).replace(
            "%2", period_text(request.start, request.end))
        shown = flt._replace(owner_id=request.owner_id if by_owner else None, ids=tuple(ids), caption=text)
        host.tabs.setCurrentWidget(host.customers)
        host.customers.apply_view(SavedView(text, shown))
        host.customers.sidebar.deselect()  # the list is none of the views: choosing one (even the last) applies it

    def failed(error: Exception) -> None:
        if not isinstance(error, KeepclientError):
            raise error  # a bug: the window's error hook reports it
        host.customers.report(error, quiet=True)

    task = Task(work, cleanup=workspace.release_thread)
    task.then(arrived, failed)
    host.runner.start(task)
    return True


def period_text(start: dt.date, end: dt.date) -> str:
    """"3/1/27 – 3/31/27": the period as the dashboard's status line writes it (the locale's short dates)."""
    def day(value: dt.date) -> str:
        return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)

    return QCoreApplication.translate("ClickThrough", "%1 – %2").replace("%1", day(start)).replace("%2", day(end))
