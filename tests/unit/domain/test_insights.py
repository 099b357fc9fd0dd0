"""The rules of customer value and churn risk (keepclient.domain.insights) on hand-built and synthetic histories."""

import dataclasses
import datetime as dt
import math
import random
from collections import Counter

import pytest

from keepclient.domain.insights import (
    NEXT_STEPS,
    REASON_TEMPLATES,
    CustomerHistory,
    InsightSettings,
    LifetimeValue,
    Reason,
    Risk,
    churn_risk,
    lifecycle_suggestion,
    lifetime_value,
    rank_scores,
    remaining_years,
    retention_rate,
    rfm_scores,
    tier_suggestions,
    value_tiers,
)

TODAY = dt.date(2026, 6, 1)
LONG_AGO = dt.date(2020, 1, 1)


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def history(**fields) -> CustomerHistory:
    """A customer known for years, contacted today, with nothing wrong unless `fields` say so."""
    fields.setdefault("id", 1)
    fields.setdefault("created", LONG_AGO)
    fields.setdefault("last_contact", TODAY)
    return CustomerHistory(**fields)


def texts(risk) -> list[str]:
    return [reason.text() for reason in risk.reasons]


# --- value tiers ---------------------------------------------------------------------------------------------------

def test_tiers_follow_the_cumulative_share_of_revenue():
    revenues = {1: 500, 2: 300, 3: 100, 4: 60, 5: 40}  # before-shares 0, .5, .8, .9, .96
    assert value_tiers(revenues) == {1: "A", 2: "A", 3: "B", 4: "B", 5: "C"}


def test_the_customer_crossing_80_percent_is_still_a():
    assert value_tiers({1: 700, 2: 200, 3: 100}) == {1: "A", 2: "A", 3: "B"}  # 2 takes the curve from 70% to 90%


def test_equal_revenue_is_ranked_by_id_whatever_the_order_given():
    forward = {5: 100, 3: 100, 9: 100, 1: 100, 7: 100}  # before-shares by id 1, 3, 5, 7, 9: 0, .2, .4, .6, .8
    expected = {1: "A", 3: "A", 5: "A", 7: "A", 9: "B"}
    assert value_tiers(forward) == expected
    assert value_tiers(dict(reversed(list(forward.items())))) == expected


def test_customers_without_revenue_are_c_and_do_not_count_in_the_total():
    # total 1250 (not 1200): before-shares 0, .8, .96
    assert value_tiers({1: 1000, 2: 0, 3: -50, 4: 200, 5: 50}) == {1: "A", 4: "B", 5: "C", 2: "C", 3: "C"}


def test_a_team_without_revenue_is_all_c():
    assert value_tiers({1: 0, 2: 0, 3: -10}) == {1: "C", 2: "C", 3: "C"}
    assert value_tiers({}) == {}


def test_a_single_huge_customer():
    assert value_tiers({1: 900, 2: 30, 3: 30, 4: 20, 5: 20}) == {1: "A", 2: "B", 3: "B", 4: "C", 5: "C"}
    # Holding 95% alone, it leaves nothing for B: the next customer starts at 95%.
    assert value_tiers({1: 950, 2: 25, 3: 25}) == {1: "A", 2: "C", 3: "C"}
    assert value_tiers({1: 12_345, 2: 0}) == {1: "A", 2: "C"}


def test_tier_thresholds_are_settings_compared_exactly():
    settings = InsightSettings(a_share=0.5, b_share=0.7)
    assert value_tiers({1: 50, 2: 20, 3: 30}, settings) == {1: "A", 3: "B", 2: "C"}  # before: 0, .5, .8
    # A share a hair under 70% is under 70%, though as a float it reads 0.7: compared as exact fractions.
    huge = {1: 7 * 10**16 - 1, 2: 3 * 10**16, 3: 1}
    assert value_tiers(huge, InsightSettings(a_share=0.7, b_share=0.9)) == {1: "A", 2: "A", 3: "C"}
    assert value_tiers({1: 7, 2: 3}, InsightSettings(a_share=0.7, b_share=0.9)) == {1: "A", 2: "B"}


# --- tier suggestions ----------------------------------------------------------------------------------------------

REVENUES = {1: 500, 2: 300, 3: 100, 4: 60, 5: 40, 6: 0}  # suggested A, A, B, B, C, C


def test_suggestions_list_the_differences_by_revenue_with_the_pareto_curve():
    current = {1: "A", 2: "B", 3: "B", 4: "A", 5: "C", 6: "B"}
    suggestions = tier_suggestions(REVENUES, current, pinned={})
    assert [(s.customer_id, s.current, s.suggested, s.revenue_12m_cents) for s in suggestions] == [
        (2, "B", "A", 300), (4, "A", "B", 60), (6, "B", "C", 0)]
    assert [s.share for s in suggestions] == pytest.approx([0.3, 0.06, 0.0])
    assert [s.cumulative_share for s in suggestions] == pytest.approx([0.8, 0.96, 1.0])


def test_pinned_tiers_are_kept_unless_asked():
    current = {1: "C", 2: "C", 3: "B", 4: "B", 5: "C", 6: "C"}
    pinned = {1: True, 2: False}
    assert [s.customer_id for s in tier_suggestions(REVENUES, current, pinned)] == [2]
    assert [s.customer_id for s in tier_suggestions(REVENUES, current, pinned, include_pinned=True)] == [1, 2]


def test_a_customer_without_a_tier_is_suggested_one():
    [suggestion] = tier_suggestions({1: 100, 2: 0}, {2: "C"}, {})
    assert (suggestion.customer_id, suggestion.current, suggestion.suggested) == (1, "", "A")
    assert (suggestion.share, suggestion.cumulative_share) == (1.0, 1.0)


def test_no_suggestion_when_the_tiers_agree_and_zero_shares_without_revenue():
    assert tier_suggestions(REVENUES, {1: "A", 2: "A", 3: "B", 4: "B", 5: "C", 6: "C"}, {}) == []
    [suggestion] = tier_suggestions({1: 0, 2: 0}, {1: "A", 2: "C"}, {})
    assert (suggestion.customer_id, suggestion.suggested, suggestion.share, suggestion.cumulative_share) == (
        1, "C", 0.0, 0.0)


# --- RFM -----------------------------------------------------------------------------------------------------------

def buyer(id_: int, last_order_days: int, orders: int, revenue: int) -> CustomerHistory:
    return history(id=id_, last_order=days_ago(last_order_days), first_order=days_ago(900), orders_count=orders,
                   revenue_12m_cents=revenue)


def test_rank_scores_with_few_values():
    assert rank_scores({}) == {}
    assert rank_scores({1: 10.0}) == {1: 3}
    assert rank_scores({1: 10.0, 2: 20.0}) == {1: 2, 2: 4}
    assert rank_scores({1: 1.0, 2: 2.0, 3: 3.0}) == {1: 1, 2: 3, 3: 5}
    assert rank_scores({1: 1.0, 2: 2.0, 3: 3.0, 4: 4.0}) == {1: 1, 2: 2, 3: 4, 4: 5}
    assert rank_scores({i: float(i) for i in range(1, 6)}) == {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}


def test_rank_scores_of_eleven_are_spread_over_quintiles():
    scores = rank_scores({i: float(i * 7 % 11) for i in range(11)})  # 11 distinct values, shuffled ids
    by_value = [scores[i] for i in sorted(scores, key=lambda i: i * 7 % 11)]
    assert by_value == [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5]
    assert sorted(Counter(scores.values()).items()) == [(1, 2), (2, 2), (3, 3), (4, 2), (5, 2)]


def test_rank_scores_give_ties_the_same_score():
    assert rank_scores({1: 5.0, 2: 5.0, 3: 5.0, 4: 5.0}) == {1: 3, 2: 3, 3: 3, 4: 3}
    # positions 0, 1-2, 3, 4 of 5: the tied pair scores at its middle (position 1.5 -> 1 + floor(5 x 2 / 5) = 3)
    assert rank_scores({1: 1.0, 2: 2.0, 3: 2.0, 4: 3.0, 5: 4.0}) == {1: 1, 2: 3, 3: 3, 4: 4, 5: 5}


def test_rfm_of_five_customers_five_best():
    histories = [buyer(1, 300, 2, 10_000), buyer(2, 100, 4, 40_000), buyer(3, 10, 9, 90_000),
                 buyer(4, 200, 3, 30_000), buyer(5, 40, 6, 50_000)]
    assert rfm_scores(histories, TODAY) == {1: (1, 1, 1), 2: (3, 3, 3), 3: (5, 5, 5), 4: (2, 2, 2), 5: (4, 4, 4)}


def test_rfm_recency_fewer_days_is_better_and_the_scores_are_independent():
    histories = [buyer(1, 5, 1, 10_000), buyer(2, 400, 20, 99_000)]
    assert rfm_scores(histories, TODAY) == {1: (4, 2, 2), 2: (2, 4, 4)}


@pytest.mark.parametrize(("count", "expected"), [
    (1, [3]), (2, [2, 4]), (4, [1, 2, 4, 5]), (5, [1, 2, 3, 4, 5]), (11, [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5])])
def test_rfm_with_few_customers(count, expected):
    histories = [buyer(i, 10 * (count - i), i + 1, 1000 * (i + 1)) for i in range(count)]  # customer i: rank i
    scores = rfm_scores(histories, TODAY)
    assert [scores[i] for i in range(count)] == [(s, s, s) for s in expected]


def test_rfm_leaves_out_customers_without_orders():
    histories = [buyer(1, 10, 3, 500), history(id=2), history(id=3, orders_count=2)]  # 3: orders, date unknown
    scores = rfm_scores(histories, TODAY)
    assert set(scores) == {1, 3}
    assert scores[3][0] == 2 and scores[1][0] == 4  # no last-order date: the worst recency
    assert rfm_scores([history(id=2)], TODAY) == {}


# --- retention and lifetime value ----------------------------------------------------------------------------------

def test_retention_is_the_share_of_last_years_customers_who_ordered_again():
    histories = [history(id=i, revenue_prev_12m_cents=1000, revenue_12m_cents=500 if i < 3 else 0) for i in range(5)]
    histories[4] = history(id=4, revenue_prev_12m_cents=1000, last_order=days_ago(364))  # a free order still counts
    histories += [history(id=9, revenue_12m_cents=9000)]  # new this year: not in the base
    assert retention_rate(histories, TODAY) == pytest.approx(4 / 5)


def test_retention_with_too_little_history_is_one_half():
    assert retention_rate([], TODAY) == 0.5
    few = [history(id=i, revenue_prev_12m_cents=1000, revenue_12m_cents=1000) for i in range(4)]
    assert retention_rate(few, TODAY) == 0.5
    gone = history(id=9, revenue_prev_12m_cents=10, last_order=days_ago(365))  # 365 days: not in the last 12 months
    assert retention_rate([*few, gone], TODAY) == 0.8


def test_remaining_years_from_retention():
    assert remaining_years(0.0) == 1.0
    assert remaining_years(0.5) == 2.0
    assert remaining_years(0.8) == pytest.approx(5.0)
    assert remaining_years(0.95) == 10.0  # 20 years, capped
    assert remaining_years(1.0) == 10.0
    assert remaining_years(1.2) == 10.0 and remaining_years(-1.0) == 1.0
    assert remaining_years(0.9, InsightSettings(ltv_max_years=3.0)) == 3.0


def test_lifetime_value_of_a_customer_with_years_of_history():
    customer = history(first_order=days_ago(1461), revenue_total_cents=400_000)  # 4 years
    assert lifetime_value(customer, 0.8, TODAY) == LifetimeValue(
        cents=500_000, yearly_cents=100_000, years_known=4.0, remaining_years=pytest.approx(5.0))


def test_lifetime_value_with_little_history_uses_the_floor():
    customer = history(first_order=days_ago(90), revenue_total_cents=120_000)
    value = lifetime_value(customer, 0.75, TODAY)
    assert value == LifetimeValue(cents=480_000, yearly_cents=120_000, years_known=1.0, remaining_years=4.0)
    floor_of_two = lifetime_value(customer, 0.75, TODAY, InsightSettings(ltv_floor_years=2.0))
    assert (floor_of_two.yearly_cents, floor_of_two.cents, floor_of_two.years_known) == (60_000, 240_000, 2.0)


def test_lifetime_value_with_full_retention_is_capped():
    customer = history(first_order=days_ago(730), revenue_total_cents=1_000_000)
    value = lifetime_value(customer, 1.0, TODAY)
    assert value.remaining_years == 10.0
    assert value.years_known == pytest.approx(730 / 365.25)
    assert value.yearly_cents == 500_342  # 1,000,000 / 1.99863 years = 500,342.47, rounded half up
    assert value.cents == 5_003_425


def test_lifetime_value_without_orders_or_with_refunds_only_is_zero():
    assert lifetime_value(history(), 0.5, TODAY) == LifetimeValue(0, 0, 1.0, 2.0)
    refunds = history(first_order=days_ago(400), revenue_total_cents=-5000)
    assert (lifetime_value(refunds, 0.5, TODAY).cents, lifetime_value(refunds, 0.5, TODAY).yearly_cents) == (0, 0)


# --- churn risk: each signal alone ---------------------------------------------------------------------------------

def test_a_steady_customer_has_no_risk():
    steady = history(cadence_days=30, last_contact=days_ago(10), last_order=days_ago(20), order_gap_days=30,
                     revenue_12m_cents=100_000, revenue_prev_12m_cents=90_000, recent_scores=(5, 4, 4))
    assert churn_risk(steady, TODAY) == churn_risk(steady, TODAY, InsightSettings())
    risk = churn_risk(steady, TODAY)
    assert (risk.score, risk.reasons, risk.next_step) == (0, (), "")


def test_no_contact_beyond_the_cadence():
    risk = churn_risk(history(cadence_days=30, last_contact=days_ago(94)), TODAY)
    assert texts(risk) == ["no visit for 94 days, due every 30"]
    assert risk.reasons[0] == Reason("no_contact", 25, REASON_TEMPLATES["no_contact"], ("94", "30"))
    assert (risk.score, risk.next_step) == (25, "")


def test_no_contact_points_grow_from_half_to_the_whole_weight():
    def points(days: int) -> int:
        return churn_risk(history(cadence_days=30, last_contact=days_ago(days)), TODAY).score
    assert [points(30), points(31), points(60), points(90), points(400)] == [0, 13, 19, 25, 25]


def test_a_customer_never_contacted_counts_from_its_creation():
    risk = churn_risk(history(created=days_ago(50), last_contact=None, cadence_days=14), TODAY)
    assert texts(risk) == ["no visit for 50 days, due every 14"]
    assert churn_risk(history(created=days_ago(10), last_contact=None, cadence_days=14), TODAY).score == 0
    assert churn_risk(history(last_contact=days_ago(500)), TODAY).score == 0  # no cadence: no signal


def test_no_order_for_much_longer_than_usual():
    risk = churn_risk(history(last_order=days_ago(120), order_gap_days=35), TODAY)
    assert texts(risk) == ["no order for 120 days, usually every 35"]
    assert risk.score == 26  # 30 x (1 + 50/70) / 2 = 25.7
    assert churn_risk(history(last_order=days_ago(70), order_gap_days=35), TODAY).score == 0  # just 2x: not yet
    assert churn_risk(history(last_order=days_ago(71), order_gap_days=35), TODAY).score == 15
    assert churn_risk(history(last_order=days_ago(140), order_gap_days=35), TODAY).score == 30
    assert texts(churn_risk(history(last_order=days_ago(100), order_gap_days=34.5), TODAY)) == [
        "no order for 100 days, usually every 35"]


def test_no_order_needs_a_usual_interval():
    assert churn_risk(history(last_order=days_ago(400), orders_count=1), TODAY).score == 0
    factor_three = InsightSettings(no_order_factor=3.0)
    assert churn_risk(history(last_order=days_ago(100), order_gap_days=35), TODAY, factor_three).score == 0


def test_revenue_down_year_on_year():
    risk = churn_risk(history(revenue_prev_12m_cents=100_000, revenue_12m_cents=54_000), TODAY)
    assert texts(risk) == ["revenue \u221246% year on year"]  # the Unicode minus sign
    assert risk.reasons[0].values == ("−46",)
    assert risk.score == 12  # 20 x (1 + 0.16/0.7) / 2 = 12.3


def test_revenue_down_thresholds():
    def drop(before: int, now: int) -> tuple[int, list[str]]:
        risk = churn_risk(history(revenue_prev_12m_cents=before, revenue_12m_cents=now), TODAY)
        return risk.score, texts(risk)
    assert drop(100_000, 70_000) == (10, ["revenue −30% year on year"])  # exactly the threshold counts
    assert drop(100_000, 70_001) == (0, [])
    assert drop(100_000, 0) == (20, ["revenue −100% year on year"])
    assert drop(300, 100) == (15, ["revenue −67% year on year"])
    assert drop(0, 0) == (0, []) and drop(0, 5000) == (0, []) and drop(5000, 9000) == (0, [])


def test_open_and_overdue_complaints():
    risk = churn_risk(history(open_complaints=2, overdue_complaints=1), TODAY)
    assert texts(risk) == ["2 complaints open, 1 overdue"]
    assert risk.score == 20
    assert texts(churn_risk(history(open_complaints=1), TODAY)) == ["1 complaint open, 0 overdue"]
    assert churn_risk(history(open_complaints=1), TODAY).score == 10
    assert churn_risk(history(open_complaints=1, overdue_complaints=1), TODAY).score == 15
    assert texts(churn_risk(history(overdue_complaints=1), TODAY)) == ["1 complaint open, 1 overdue"]


def test_falling_satisfaction_over_the_last_three_scores():
    risk = churn_risk(history(recent_scores=(2, 4, 5)), TODAY)  # newest first
    assert texts(risk) == ["satisfaction 5 → 2 over the last three scores"]
    assert risk.score == 15
    assert churn_risk(history(recent_scores=(4, 5, 5)), TODAY).score == 8  # a fall of 1: half of 15
    assert churn_risk(history(recent_scores=(3, 3, 5, 1)), TODAY).score == 11  # only the newest three: 5 -> 3


def test_satisfaction_not_falling_or_too_few_scores():
    for scores in [(5, 3, 2), (4, 1, 4), (2, 5), (1,), ()]:
        assert churn_risk(history(recent_scores=scores), TODAY).score == 0, scores
    assert churn_risk(history(recent_scores=(3, 3, 3, 5)), TODAY).score == 0  # the fourth is older than three


def test_missed_or_cancelled_visits():
    risk = churn_risk(history(missed_visits_90d=2), TODAY)
    assert texts(risk) == ["2 visits missed or cancelled in 90 days"]
    assert risk.score == 8
    assert [churn_risk(history(missed_visits_90d=n), TODAY).score for n in (0, 1, 3, 9)] == [0, 5, 10, 10]
    assert texts(churn_risk(history(missed_visits_90d=1), TODAY)) == ["1 visit missed or cancelled in 90 days"]


# --- churn risk: signals combined ----------------------------------------------------------------------------------

DRIFTING = history(cadence_days=30, last_contact=days_ago(94), last_order=days_ago(120), order_gap_days=35,
                   revenue_prev_12m_cents=100_000, revenue_12m_cents=54_000, open_complaints=2, overdue_complaints=1,
                   recent_scores=(2, 4, 5), missed_visits_90d=2)


def test_every_signal_together_biggest_first_capped_at_100():
    risk = churn_risk(DRIFTING, TODAY)
    assert texts(risk) == [
        "no order for 120 days, usually every 35",
        "no visit for 94 days, due every 30",
        "2 complaints open, 1 overdue",
        "satisfaction 5 → 2 over the last three scores",
        "revenue −46% year on year",
        "2 visits missed or cancelled in 90 days",
    ]
    assert [reason.points for reason in risk.reasons] == [26, 25, 20, 15, 12, 8]
    assert risk.score == 100  # 106, capped
    assert risk.next_step == NEXT_STEPS["no_order"] == "Call about their next order"


def test_two_signals_and_the_threshold_for_a_next_step():
    risk = churn_risk(history(cadence_days=30, last_contact=days_ago(94), open_complaints=2, overdue_complaints=1,
                              missed_visits_90d=2), TODAY)
    assert (risk.score, risk.next_step) == (53, "Plan a visit")
    just_below = churn_risk(history(cadence_days=30, last_contact=days_ago(94), open_complaints=2,
                                    overdue_complaints=1), TODAY)
    assert (just_below.score, just_below.next_step) == (45, "")
    lower_bar = churn_risk(history(cadence_days=30, last_contact=days_ago(94), open_complaints=2,
                                   overdue_complaints=1), TODAY, InsightSettings(at_risk_threshold=45))
    assert lower_bar.next_step == "Plan a visit"


def test_equal_points_put_the_complaint_first():
    risk = churn_risk(history(open_complaints=2, overdue_complaints=1, revenue_prev_12m_cents=100,
                              revenue_12m_cents=0, recent_scores=(1, 3, 5), missed_visits_90d=3), TODAY)
    assert [reason.key for reason in risk.reasons] == ["complaints", "revenue_down", "satisfaction", "missed_visits"]
    assert (risk.score, risk.next_step) == (65, "Resolve the open complaint first")


def test_weights_are_settings_and_zero_switches_a_signal_off():
    settings = InsightSettings(weight_no_order=0, weight_no_contact=50, weight_complaints=0)
    risk = churn_risk(DRIFTING, TODAY, settings)
    assert [(reason.key, reason.points) for reason in risk.reasons] == [
        ("no_contact", 50), ("satisfaction", 15), ("revenue_down", 12), ("missed_visits", 8)]
    assert risk.score == 85


def test_lost_and_prospect_customers_still_get_a_score():
    for stage in ("lost", "prospect"):
        risk = churn_risk(dataclasses.replace(DRIFTING, stage=stage), TODAY)
        assert risk == churn_risk(DRIFTING, TODAY)
    prospect = churn_risk(history(stage="prospect", created=days_ago(45), last_contact=None, cadence_days=7), TODAY)
    assert texts(prospect) == ["no visit for 45 days, due every 7"]


def test_reasons_are_filled_in_the_users_language():
    chinese = {"no visit for %1 days, due every %2": "%1 天未拜访（应每 %2 天一次）",
               "revenue %1% year on year": "营收同比 %1%"}

    def translate(context: str, text: str) -> str:
        assert context == "insights"
        return chinese.get(text, text)

    risk = churn_risk(DRIFTING, TODAY)
    by_key = {reason.key: reason for reason in risk.reasons}
    assert by_key["no_contact"].text(translate) == "94 天未拜访（应每 30 天一次）"
    assert by_key["revenue_down"].text(translate) == "营收同比 −46%"
    assert by_key["complaints"].text(translate) == "2 complaints open, 1 overdue"


def test_risk_depends_only_on_the_day_given():
    later = TODAY + dt.timedelta(days=30)
    assert churn_risk(DRIFTING, TODAY) == churn_risk(DRIFTING, TODAY)
    assert texts(churn_risk(DRIFTING, later))[:2] == ["no order for 150 days, usually every 35",
                                                       "no visit for 124 days, due every 30"]


# --- lifecycle -----------------------------------------------------------------------------------------------------

AT_RISK = churn_risk(DRIFTING, TODAY)
CALM = churn_risk(history(), TODAY)


def test_active_and_mature_customers_at_risk():
    for stage in ("active", "mature"):
        assert lifecycle_suggestion(history(stage=stage), AT_RISK, TODAY) == "at_risk"
        assert lifecycle_suggestion(history(stage=stage), CALM, TODAY) is None
    assert lifecycle_suggestion(history(stage="active"), Risk(score=50), TODAY) == "at_risk"
    assert lifecycle_suggestion(history(stage="active"), Risk(score=49), TODAY) is None
    for stage in ("prospect", "new", "won_back"):
        assert lifecycle_suggestion(history(stage=stage), AT_RISK, TODAY) is None


def test_at_risk_becomes_lost_after_long_without_order_or_contact():
    def suggestion(order: int | None, contact: int | None, created: dt.date = LONG_AGO) -> str | None:
        customer = history(stage="at_risk", created=created, last_order=None if order is None else days_ago(order),
                           last_contact=None if contact is None else days_ago(contact))
        return lifecycle_suggestion(customer, AT_RISK, TODAY)
    assert suggestion(200, 181) == "lost"
    assert suggestion(180, 180) == "lost"
    assert suggestion(400, 179) is None  # a recent contact
    assert suggestion(100, 400) is None  # a recent order
    assert suggestion(None, 200) == "lost"
    assert suggestion(None, None) == "lost"
    assert suggestion(None, None, created=days_ago(100)) is None
    assert lifecycle_suggestion(history(stage="at_risk", last_contact=days_ago(100)), CALM, TODAY,
                                InsightSettings(lost_after_days=90)) == "lost"


def test_lost_becomes_won_back_on_a_new_order():
    lost_on = days_ago(60)
    assert lifecycle_suggestion(history(stage="lost", stage_since=lost_on, last_order=days_ago(5)), CALM,
                                TODAY) == "won_back"
    assert lifecycle_suggestion(history(stage="lost", stage_since=lost_on, last_order=lost_on), CALM, TODAY) is None
    assert lifecycle_suggestion(history(stage="lost", stage_since=lost_on, last_order=days_ago(90)), AT_RISK,
                                TODAY) is None
    assert lifecycle_suggestion(history(stage="lost", stage_since=lost_on), CALM, TODAY) is None


def test_lost_without_the_day_it_was_lost_counts_orders_younger_than_the_lost_period():
    assert lifecycle_suggestion(history(stage="lost", last_order=days_ago(30)), AT_RISK, TODAY) == "won_back"
    assert lifecycle_suggestion(history(stage="lost", last_order=days_ago(180)), CALM, TODAY) is None
    assert lifecycle_suggestion(history(stage="lost"), CALM, TODAY) is None


# --- a synthetic team ----------------------------------------------------------------------------------------------

def synthetic_team(seed: int, size: int = 300, drifting_share: float = 0.15,
                   ) -> tuple[list[CustomerHistory], set[int]]:
    """Steady customers (ordering and visited on time, some noise: an odd complaint, a late visit, a missed one,
    a wobbling score) and drifting ones (orders stopped, revenue falling, complaints open, scores falling, visits
    overdue; each of those with some probability)."""
    rng = random.Random(seed)
    histories: list[CustomerHistory] = []
    drifting: set[int] = set()
    for customer_id in range(1, size + 1):
        cadence = rng.choice((14, 30, 90))
        gap = rng.uniform(15, 90)
        before = rng.randint(50_000, 5_000_000)
        created = days_ago(rng.randint(400, 3000))
        if rng.random() < drifting_share:
            drifting.add(customer_id)
            stopped = rng.random() < 0.75
            last_order = days_ago(int(gap * rng.uniform(2.2, 6)) if stopped else rng.randint(0, int(gap)))
            now = int(before * (rng.uniform(0.1, 0.7) if rng.random() < 0.7 else rng.uniform(0.8, 1.2)))
            open_ = rng.randint(1, 3) if rng.random() < 0.6 else 0
            overdue = rng.randint(0, open_)
            oldest = rng.randint(3, 5)
            scores = ((rng.randint(1, oldest - 1), rng.randint(1, 5), oldest) if rng.random() < 0.6
                      else tuple(rng.choice((3, 4, 5)) for _ in range(3)))
            contact = int(cadence * rng.uniform(1.1, 4)) if rng.random() < 0.6 else rng.randint(0, cadence)
            missed = rng.randint(1, 3) if rng.random() < 0.4 else 0
        else:  # steady, with noise: a late order or visit, a dip in revenue, a complaint, a wobbling score
            last_order = days_ago(rng.randint(0, int(gap * (2.6 if rng.random() < 0.1 else 1.6))))
            now = int(before * rng.uniform(0.6, 1.4))
            open_ = rng.choice((1, 1, 2)) if rng.random() < 0.12 else 0
            overdue = 1 if open_ and rng.random() < 0.3 else 0
            scores = tuple(rng.choice((3, 4, 4, 5, 5)) for _ in range(3))
            contact = int(cadence * rng.uniform(1.0, 2.5)) if rng.random() < 0.25 else rng.randint(0, cadence)
            missed = rng.choice((1, 1, 2)) if rng.random() < 0.15 else 0
        histories.append(CustomerHistory(
            id=customer_id, created=created, stage="active", cadence_days=cadence, last_contact=days_ago(contact),
            revenue_12m_cents=now, revenue_prev_12m_cents=before, revenue_total_cents=before + now + before,
            orders_count=rng.randint(5, 40), first_order=created, last_order=last_order, order_gap_days=gap,
            open_complaints=open_, overdue_complaints=overdue, recent_scores=scores, missed_visits_90d=missed))
    return histories, drifting


@pytest.mark.parametrize("seed", [1, 7, 2026])
def test_drifting_customers_rank_above_steady_ones(seed):
    histories, drifting = synthetic_team(seed)
    assert 30 <= len(drifting) <= 65
    risks = {h.id: churn_risk(h, TODAY) for h in histories}
    ranked = sorted(risks, key=lambda customer_id: (-risks[customer_id].score, customer_id))
    top_decile = ranked[:len(ranked) // 10]
    precision = sum(1 for customer_id in top_decile if customer_id in drifting) / len(top_decile)
    assert precision >= 0.8, precision
    flagged = [customer_id for customer_id, risk in risks.items() if risk.score >= 50]
    assert sum(1 for customer_id in flagged if customer_id in drifting) / len(flagged) >= 0.8
    mean_drifting = sum(risks[i].score for i in drifting) / len(drifting)
    mean_steady = sum(risks[i].score for i in risks if i not in drifting) / (len(risks) - len(drifting))
    assert mean_drifting > 2 * mean_steady
    for customer_id in flagged:  # every at-risk customer says why and what to do
        assert risks[customer_id].reasons and risks[customer_id].next_step in NEXT_STEPS.values()
    suggestions = {h.id: lifecycle_suggestion(h, risks[h.id], TODAY) for h in histories}
    assert {customer_id for customer_id, stage in suggestions.items() if stage == "at_risk"} == set(flagged)


def test_the_synthetic_team_feeds_every_rule():
    histories, _drifting = synthetic_team(3)
    retention = retention_rate(histories, TODAY)
    assert 0.5 < retention <= 1.0
    tiers = value_tiers({h.id: h.revenue_12m_cents for h in histories})
    revenue = {tier: sum(h.revenue_12m_cents for h in histories if tiers[h.id] == tier) for tier in "ABC"}
    total = sum(revenue.values())
    smallest_a = min(h.revenue_12m_cents for h in histories if tiers[h.id] == "A")
    assert revenue["A"] - smallest_a < 0.8 * total <= revenue["A"]  # the A customers just make 80%
    assert revenue["A"] + revenue["B"] >= 0.95 * total > revenue["A"]
    assert set(rfm_scores(histories, TODAY)) == {h.id for h in histories}
    assert all(lifetime_value(h, retention, TODAY).cents > 0 for h in histories)


# --- the fast paths against the exact formulas they replace ----------------------------------------------------------

def _reference_revenue_down(before: int, now: int, revenue_drop: float, weight: int) -> tuple[int, str] | None:
    """The revenue_down signal in Fractions, as the module docstring states it: (points, percent text) or None."""
    from fractions import Fraction
    if before <= 0:
        return None
    drop, least = Fraction(before - now, before), Fraction(repr(float(revenue_drop)))
    if drop <= 0 or drop < least:
        return None
    strength = min(1.0, max(0.0, float((drop - least) / (1 - least)) if least < 1 else 1.0))
    points = math.floor(weight * (1 + strength) / 2 + 0.5)
    return points, f"\u2212{int(drop * 100 + Fraction(1, 2))}"


def _reference_tiers(revenues: dict[int, int], a_share: float, b_share: float) -> dict[int, str]:
    from fractions import Fraction
    total = sum(revenue for revenue in revenues.values() if revenue > 0)
    tiers = dict.fromkeys(revenues, "C")
    if total <= 0:
        return tiers
    a_limit, b_limit = Fraction(repr(a_share)) * total, Fraction(repr(b_share)) * total
    before = 0
    for customer_id, revenue in sorted(revenues.items(), key=lambda item: (-item[1], item[0])):
        if revenue <= 0:
            break
        tiers[customer_id] = "A" if before < a_limit else "B" if before < b_limit else "C"
        before += revenue
    return tiers


def _reference_rank_scores(values: dict[int, float]) -> dict[int, int]:
    ordered = sorted(values.items(), key=lambda item: item[1])
    scores, n = {}, len(ordered)
    for position, (key, value) in enumerate(ordered):
        r0 = min(i for i, (_k, v) in enumerate(ordered) if v == value)
        r1 = max(i for i, (_k, v) in enumerate(ordered) if v == value)
        assert r0 <= position <= r1
        scores[key] = 1 + (5 * (r0 + r1 + 1)) // (2 * n)
    return scores


@pytest.mark.parametrize("seed", range(5))
def test_the_integer_hot_paths_equal_the_exact_fractions(seed):
    rng = random.Random(seed)
    for _ in range(2000):
        before = rng.choice((0, 1, 3, 7, 10, 100, rng.randint(1, 10**7)))
        now = rng.choice((0, before, before - 1, rng.randint(-100, before + 100), int(before * rng.random())))
        drop = rng.choice((0.3, 0.1 + 0.2, 0.0, 1.0, 0.5, 0.333, round(rng.random(), rng.randint(1, 4))))
        weight = rng.choice((0, 1, 20, 33))
        settings = InsightSettings(revenue_drop=drop, weight_revenue_down=weight)
        reason = next((r for r in churn_risk(history(revenue_prev_12m_cents=before, revenue_12m_cents=now),
                                             TODAY, settings).reasons), None)
        expected = _reference_revenue_down(before, now, drop, weight)
        if expected is None or expected[0] <= 0:
            assert reason is None
        else:
            assert reason is not None and (reason.points, reason.values) == (expected[0], (expected[1],))
    for _ in range(300):
        revenues = {i: rng.choice((0, -5, 1, 2, 5, 10, 100, rng.randint(1, 10**6))) for i in rng.sample(range(60), 30)}
        a, b = rng.choice((0.8, 0.5, 0.1 + 0.7, 1.0, 0.0)), rng.choice((0.95, 0.9, 1.0, 0.3))
        assert value_tiers(revenues, InsightSettings(a_share=a, b_share=b)) == _reference_tiers(revenues, a, b)
        values = {i: rng.choice((1.0, 2, 2.0, -math.inf, 3, rng.random())) for i in range(rng.randint(0, 25))}
        assert rank_scores(values) == _reference_rank_scores(values)
