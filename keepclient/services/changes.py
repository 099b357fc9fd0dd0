"""What changed in the open database, announced once and heard by every part of the window that shows it.

The area that saves announces the change (customer ids, and which kinds of records moved); the customer list,
the calendar, the feedback log and the status bar each subscribe and decide for themselves what to read again.
A colleague's save seen through the database's write counter is announced the same way, as `Change.anything()`.
No Qt here: the window announces on its own thread, the CLI simply has no subscribers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Topic(StrEnum):
    CUSTOMERS = "customers"  # names, dates, owners, tiers, tags, contacts, trash
    VISITS = "visits"
    FEEDBACK = "feedback"
    PURCHASES = "purchases"
    TEAM = "team"  # salespeople added, renamed or (de)activated; customers handed over
    INSIGHTS = "insights"  # the team's value and risk settings (tier shares, at-risk threshold, weights)
    CARE = "care"  # the team's care settings (observed holidays, region for working time)


@dataclass(frozen=True)
class Change:
    """`customer_ids` empty means any customer may have changed; `colleague`: saved by another connection (or
    another user's action we only learn of by the write counter), so nothing is known beyond "something"."""

    topics: frozenset[Topic]
    customer_ids: frozenset[int] = field(default_factory=frozenset)
    colleague: bool = False

    @classmethod
    def of(cls, *topics: Topic, customer_ids: Iterable[int] = ()) -> Change:
        return cls(frozenset(topics), frozenset(customer_ids))

    @classmethod
    def anything(cls, *, colleague: bool = True) -> Change:
        return cls(frozenset(Topic), colleague=colleague)

    def touches(self, *topics: Topic) -> bool:
        return not self.topics.isdisjoint(topics)

    def concerns(self, customer_id: int | None) -> bool:
        """Whether a record of `customer_id` may be among the changed ones."""
        return customer_id is not None and (not self.customer_ids or customer_id in self.customer_ids)


Listener = Callable[[Change], None]


class ChangeNotifier:
    """Listeners are called in the order they subscribed, on the announcing thread."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Start hearing changes; the returned function stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
