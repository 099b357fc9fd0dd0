"""What each column of the dashboard's table means (its tooltip, with how the cell was counted), and which list a
double-click opens. Texts in the "KpiDefinitions" context, translated where shown."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from keepclient.domain.translatable import QT_TRANSLATE_NOOP

AT_RISK = "at_risk"  # the column beside the service's KPIs: customers at risk now, by owner (services/dashboard)

DEFINITIONS: dict[str, str] = {
    "visits_planned": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Visits planned to start in the period, whatever their status now."),
    "visits_done": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Visits planned in the period and done, against the period's visit target."),
    "visits_missed": QT_TRANSLATE_NOOP("KpiDefinitions", "Visits planned in the period and marked missed."),
    "visits_cancelled": QT_TRANSLATE_NOOP("KpiDefinitions", "Visits planned in the period and cancelled."),
    "follow_up_on_time": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Of the customers they own (added by the period's end), the share still within their "
                          "follow-up interval on the period's last day."),
    "overdue_now": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Their customers whose next follow-up is before today (the Due panel's count). "
                          "Double-click to list them."),
    "a_coverage": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Of their tier-A customers, the share with a done visit (by anyone) in the period. "
                          "Double-click to list their A customers."),
    "response_median": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Median hours to the first response, over the feedback they own received in the period, "
                          "against the team's target for normal severity. Double-click to list the feedback."),
    "response_on_time": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "The share of that feedback answered by its deadline (per severity, in working time)."),
    "resolution_median": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Median hours to resolution, over the feedback they own received in the period, against "
                          "the team's target for normal severity. Double-click to list the feedback."),
    "resolution_on_time": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "The share of that feedback resolved by its deadline (per severity, in working time)."),
    "satisfaction": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "The average score (1-5) of their done visits and of their feedback received in the "
                          "period."),
    "retention": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Of their customers who ordered in the previous period of the same length, the share "
                          "who ordered again in this one."),
    "new_customers": QT_TRANSLATE_NOOP("KpiDefinitions", "Their customers added in the period."),
    "lost_customers": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Their customers whose stage was set to Lost in the period."),
    "revenue": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Order lines dated in the period (for the line's salesperson, else the customer's owner), "
                          "against the period's target."),
    "average_order_value": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Revenue divided by orders (lines sharing an order number are one order; without one, "
                          "one per customer and day)."),
    AT_RISK: QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Their customers at or above the team's at-risk threshold now. Double-click for the "
                          "At risk view."),
}
AT_RISK_CAPTION = QT_TRANSLATE_NOOP("KpiDefinitions", "At risk now")

# Where a double-click on a cell (or Enter) leads: the Customers tab with a filter, the Feedback tab, or the
# Calendar's agenda; for the customer figures counted by services/kpis, the Customers tab limited to exactly the
# customers counted (`KpiService.customer_ids`, read off the UI thread).
OVERDUE, A_CUSTOMERS, AT_RISK_VIEW, FEEDBACK = "overdue", "a_customers", "at_risk", "feedback"
VISITS = "visits"
BY_REVENUE = "by_revenue"  # the Pareto curve: the customers in scope by 12-month revenue, highest first
NEW_CUSTOMERS, LOST_CUSTOMERS, RETAINED, ON_TIME, REVENUE_CUSTOMERS = (
    "new_customers", "lost_customers", "retention", "follow_up_on_time", "revenue")
CLICK_THROUGH: dict[str, str] = {
    "overdue_now": OVERDUE, "a_coverage": A_CUSTOMERS, AT_RISK: AT_RISK_VIEW,
    "response_median": FEEDBACK, "response_on_time": FEEDBACK, "resolution_median": FEEDBACK,
    "resolution_on_time": FEEDBACK, "satisfaction": FEEDBACK,
    "visits_planned": VISITS, "visits_done": VISITS, "visits_missed": VISITS, "visits_cancelled": VISITS,
    "new_customers": NEW_CUSTOMERS, "lost_customers": LOST_CUSTOMERS, "revenue": REVENUE_CUSTOMERS,
    "average_order_value": REVENUE_CUSTOMERS, "retention": RETAINED, "follow_up_on_time": ON_TIME,
}
# What a double-click shows, for the columns whose definition does not say it (added to the cell's tooltip).
CLICK_HINTS: dict[str, str] = {
    "visits_planned": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: their visits in the period in the Calendar's agenda, each with its status."),
    "visits_done": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: their visits in the period in the Calendar's agenda, each with its status."),
    "visits_missed": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: their visits in the period in the Calendar's agenda, each with its status."),
    "visits_cancelled": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: their visits in the period in the Calendar's agenda, each with its status."),
    "satisfaction": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: shows the feedback they own received in the period (the visits' scores are "
                          "in the Calendar)."),
    "new_customers": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: lists exactly these customers."),
    "lost_customers": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: lists exactly these customers (also any won back since)."),
    "revenue": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: lists the customers whose order lines make up this revenue, sorted by "
                          "revenue in the last 12 months (not in the period), highest first."),
    "average_order_value": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: lists the customers whose orders are counted here, sorted by revenue in "
                          "the last 12 months (not in the period), highest first."),
    "retention": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: lists the customers retained (ordered in the previous period and again in "
                          "this one), latest order first."),
    "follow_up_on_time": QT_TRANSLATE_NOOP(
        "KpiDefinitions", "Double-click: lists the customers still within their follow-up interval on the period's "
                          "last day, by next follow-up."),
}


class ListRequest(NamedTuple):
    """A double-clicked number: the list behind it (`kind`, one of CLICK_THROUGH's values) of one owner (None: the
    whole team) over the period shown."""

    kind: str
    owner_id: int | None
    start: dt.date
    end: dt.date
