import datetime as dt

from keepclient.domain.cadence import interval_days, next_follow_up

CREATED = dt.date(2025, 1, 10)


def test_default_intervals_by_tier():
    on = dt.date(2026, 6, 1)
    assert [interval_days(t, created=CREATED, on=on) for t in "ABC"] == [14, 30, 90]


def test_new_customers_weekly_in_first_month():
    assert interval_days("C", created=CREATED, on=CREATED + dt.timedelta(days=29)) == 7
    assert interval_days("C", created=CREATED, on=CREATED + dt.timedelta(days=30)) == 90


def test_a_contact_before_the_customer_was_entered_is_not_a_new_customers_start_up():
    """A visit logged late or an imported history predates creation: the tier's interval, not the weekly start-up."""
    assert interval_days("A", created=CREATED, on=CREATED - dt.timedelta(days=1)) == 14
    assert interval_days("C", created=CREATED, on=CREATED - dt.timedelta(days=400)) == 90
    assert next_follow_up(CREATED - dt.timedelta(days=13), "A", created=CREATED) == CREATED + dt.timedelta(days=1)
    no_start_up = {"new_period": 0}
    assert interval_days("A", created=CREATED, on=CREATED - dt.timedelta(days=1), by_tier=no_start_up) == 14


def test_override_wins():
    assert interval_days("A", created=CREATED, on=CREATED, override=45) == 45


def test_next_follow_up_from_last_contact_or_creation():
    assert next_follow_up(dt.date(2026, 2, 20), "A", created=CREATED) == dt.date(2026, 3, 6)
    assert next_follow_up(None, "B", created=CREATED) == CREATED + dt.timedelta(days=7)
    assert next_follow_up(dt.date(2024, 2, 29), "C", created=dt.date(2020, 1, 1)) == dt.date(2024, 5, 29)


def test_team_rules_replace_the_defaults():
    rules = {"A": 7, "B": 21, "C": 60, "new_days": 3, "new_period": 14}
    on = dt.date(2026, 6, 1)
    assert [interval_days(t, created=CREATED, on=on, by_tier=rules) for t in "ABC"] == [7, 21, 60]
    assert interval_days("C", created=CREATED, on=CREATED + dt.timedelta(days=13), by_tier=rules) == 3
    assert interval_days("C", created=CREATED, on=CREATED + dt.timedelta(days=14), by_tier=rules) == 60


def test_cadence_rules_are_checked():
    import pytest

    from keepclient.domain.cadence import checked_rules
    from keepclient.domain.errors import ValidationError

    assert checked_rules({"A": "10"})["A"] == 10
    assert checked_rules({"new_period": 0})["new_period"] == 0
    for bad in ({"A": 0}, {"B": "soon"}, {"C": 4000}, {"new_days": -1}):
        with pytest.raises(ValidationError):
            checked_rules(bad)
