"""A double-clicked number opens the list behind it where the app has one: customers overdue, A customers or at
risk in the Customers tab filtered to that owner; feedback items in the Feedback tab filtered to that owner and the
period. The window (any `ListHost`) is the host; this module never imports it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from keepclient.domain.types import CustomerFilter, FeedbackFilter
from keepclient.ui.dashboard.definitions import A_CUSTOMERS, AT_RISK_VIEW, FEEDBACK, OVERDUE, ListRequest

if TYPE_CHECKING:
    from keepclient.ui.customers.area import CustomerArea
    from keepclient.ui.feedback.log_view import FeedbackLog


class ListHost(Protocol):
    @property
    def tabs(self) -> QTabWidget: ...

    @property
    def customers(self) -> CustomerArea: ...

    @property
    def feedback_tab(self) -> QWidget: ...

    @property
    def feedback(self) -> FeedbackLog: ...

    def show_at_risk_of(self, owner_id: int | None) -> None: ...


def open_list(host: ListHost, request: ListRequest) -> bool:
    """Show the list behind `request`; False when the app has none for it."""
    if request.kind == AT_RISK_VIEW:
        host.show_at_risk_of(request.owner_id)
        return True
    if request.kind in (OVERDUE, A_CUSTOMERS):
        from keepclient.ui.customers.views_sidebar import SavedView

        if request.kind == OVERDUE:
            name = QCoreApplication.translate("ViewsSidebar", "Overdue follow-ups")
            flt = CustomerFilter(owner_id=request.owner_id, follow_up="overdue", sort="next_follow_up")
        else:
            name = QCoreApplication.translate("ViewsSidebar", "A customers")
            flt = CustomerFilter(owner_id=request.owner_id, tiers=("A",))
        host.tabs.setCurrentWidget(host.customers)
        host.customers.apply_view(SavedView(name, flt))
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
