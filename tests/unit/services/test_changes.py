"""The change notifier: every listener hears each announcement once, in order, until it stops listening."""

from keepclient.services.changes import Change, ChangeNotifier, Topic


def test_listeners_hear_each_change_in_order_until_they_stop() -> None:
    notifier = ChangeNotifier()
    heard: list[tuple[str, Change]] = []
    stop_first = notifier.subscribe(lambda change: heard.append(("first", change)))
    notifier.subscribe(lambda change: heard.append(("second", change)))
    saved = Change.of(Topic.CUSTOMERS, customer_ids=[7])
    notifier.announce(saved)
    stop_first()
    stop_first()  # stopping twice is harmless
    notifier.announce(Change.anything())
    assert [who for who, _ in heard] == ["first", "second", "second"]
    assert heard[0][1] is saved


def test_a_change_says_which_customers_and_topics_it_touches() -> None:
    saved = Change.of(Topic.FEEDBACK, customer_ids=[3, 4])
    assert saved.touches(Topic.FEEDBACK, Topic.VISITS) and not saved.touches(Topic.TEAM)
    assert saved.concerns(3) and not saved.concerns(5) and not saved.concerns(None)
    anything = Change.anything()
    assert anything.colleague and anything.concerns(5) and all(anything.touches(t) for t in Topic)
    assert not Change.anything(colleague=False).colleague


def test_a_listener_may_stop_listening_while_hearing() -> None:
    notifier = ChangeNotifier()
    heard: list[str] = []
    stops: list = []

    def once(_change: Change) -> None:
        heard.append("once")
        stops[0]()

    stops.append(notifier.subscribe(once))
    notifier.subscribe(lambda _change: heard.append("always"))
    notifier.announce(Change.of(Topic.TEAM))
    notifier.announce(Change.of(Topic.TEAM))
    assert heard == ["once", "always", "always"]
