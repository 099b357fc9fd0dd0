"""A double-clicked number opens the list behind it: customers overdue, A customers or at risk in the Customers
tab filtered to that owner; feedback items in the Feedback tab filtered to that owner and the period; visits in the
Calendar's agenda of that salesperson over the period (each with its status). Where the app has no list of exactly
what was counted, the closest one (the cell's tooltip says which): new customers → all the owner's customers, lost
ones → the Win back view of the owner's, revenue and average order value → the owner's customers by 12-month
revenue, retention → by last order, follow-up on time → by next follow-up. The window (any `ListHost`) is the host;
this module never imports it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from keepclient.domain.types import CustomerFilter, FeedbackFilter
from keepclient.ui.dashboard.definitions import (
    A_CUSTOMERS,
    AT_RISK_VIEW,
    BY_FOLLOW_UP,
    BY_LAST_ORDER,
    BY_REVENUE,
    CUSTOMERS,
    FEEDBACK,
    LOST,
    OVERDUE,
    VISITS,
    ListRequest,
)

if TYPE_CHECKING:
    from keepclient.ui.calendar.area import CalendarArea
    from keepclient.ui.customers.area import CustomerArea
    from keepclient.ui.feedback.log_view import FeedbackLog


class ListHost(Protocol):
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
    CUSTOMERS: ("All customers", CustomerFilter()),
    LOST: ("Win back", CustomerFilter(stages=("lost",), sort="ltv", descending=True)),
    BY_REVENUE: ("All customers", CustomerFilter(sort="revenue_12m", descending=True)),
    BY_LAST_ORDER: ("All customers", CustomerFilter(sort="last_order", descending=True)),
    BY_FOLLOW_UP: ("All customers", CustomerFilter(sort="next_follow_up")),
}


def open_list(host: ListHost, request: ListRequest) -> bool:
    """Show the list behind `request`; False when the app has none for it."""
    if request.kind == AT_RISK_VIEW:
        host.show_at_risk_of(request.owner_id)
        return True
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
