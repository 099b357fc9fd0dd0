"""Visits as an iCalendar (.ics) file that Outlook, Apple Calendar and Google Calendar import.

Each event's UID comes from the visit's uuid and its SEQUENCE from the row version, so importing a newer export
updates the events already in the calendar instead of adding copies. Stored times are naive wall-clock times of
the office; they are written with the TZID of an IANA zone and a VTIMEZONE for it. Outlook ignores RDATE lists in
VTIMEZONE components (events shift by an hour in summer), so zones with a plain yearly rule get the RRULE form
Google and Outlook themselves write; other zones fall back to icalendar's exact transition list.
"""

from __future__ import annotations

import calendar as monthly
import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from keepclient import __version__
from keepclient.domain.enums import VisitKind, VisitStatus
from keepclient.domain.errors import CancelledError, ValidationError
from keepclient.domain.labels import QT_TRANSLATE_NOOP, Label, Translate
from keepclient.domain.types import ScheduleEntry
from keepclient.exporting.files import replaced_atomically, synced
from keepclient.exporting.labels import Labels, english_labels, labeller, translated

UID_DOMAIN = "keepclient"
PRODID = f"-//keepclient//keepclient {__version__}//EN"
PROGRESS_STEP = 500

# The stored values an event names (their texts are domain/labels.py's), and the captions of its description in
# context "labels", so the same words share one translation with the window.
VALUES = (VisitKind, VisitStatus)
CAPTIONS: dict[str, Label] = {
    "contact": QT_TRANSLATE_NOOP("labels", "Contact"),
    "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
    "purpose": QT_TRANSLATE_NOOP("labels", "Purpose"),
    "outcome": QT_TRANSLATE_NOOP("labels", "Outcome"),
    "salesperson": QT_TRANSLATE_NOOP("labels", "Salesperson"),
    "status": QT_TRANSLATE_NOOP("labels", "Status"),
}
LABELS: dict[str, str] = english_labels(CAPTIONS, VALUES)  # in English: what an export says without labels
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def translated_labels(translate: Translate) -> dict[str, str]:
    """LABELS in the user's language, from a `translate(context, text, disambiguation=None)` such as
    QCoreApplication.translate."""
    return translated(CAPTIONS, translate, VALUES)


def local_zone_name() -> str:
    """The IANA name of this computer's time zone ("Asia/Shanghai"), or "UTC" when it cannot be told.

    tzlocal reads it on Windows (mapping the Windows zone name), macOS and Linux alike."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
        if name:
            ZoneInfo(name)
            return name
    except Exception:  # any trouble reading the system setting means we do not know the zone
        pass
    return "UTC"


def ics_bytes(entries: Iterable[ScheduleEntry], *, tz: str, calendar_name: str, labels: Labels | None = None,
              now: dt.datetime | None = None) -> bytes:
    """The .ics file's content for `entries` (see write_ics)."""
    content: bytes = _calendar(list(entries), tz, calendar_name, labels, now).to_ical()
    return content


def write_ics(path: str | Path, entries: Iterable[ScheduleEntry], *, tz: str, calendar_name: str,
              labels: Labels | None = None, now: dt.datetime | None = None,
              progress: Callable[[int, int], None] | None = None,
              is_cancelled: Callable[[], bool] | None = None) -> int:
    """Write `entries` to `path` as an .ics file; returns how many events it holds.

    `tz` is the IANA zone the stored wall-clock times belong to (local_zone_name() for this computer); `labels`
    gives kind, status and caption texts in the user's language (translated_labels), English by default; `now`
    is the DTSTAMP (default: the current time). The file is written next to `path` and moved over it, so a
    failure never leaves half a file. `progress(done, total)` is called as events are made, and
    `is_cancelled()` stops the export with CancelledError before anything is written. Raises StorageError when
    the disk refuses, ValidationError for an unknown zone.
    """
    path = Path(path)
    items = list(entries)
    data = _calendar(items, tz, calendar_name, labels, now, progress, is_cancelled).to_ical()
    with replaced_atomically(path) as temp, temp.open("xb") as fh:
        fh.write(data)
        synced(fh)
    return len(items)


def _calendar(entries: list[ScheduleEntry], tz: str, calendar_name: str, labels: Labels | None,
              now: dt.datetime | None, progress: Callable[[int, int], None] | None = None,
              is_cancelled: Callable[[], bool] | None = None) -> Calendar:
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(field="tz", value=tz) from exc
    text = labeller(LABELS, labels)
    stamp = now or dt.datetime.now(dt.UTC)
    stamp = (stamp if stamp.tzinfo else stamp.replace(tzinfo=zone)).astimezone(dt.UTC).replace(microsecond=0)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", calendar_name)
    cal.add("x-wr-calname", calendar_name)
    cal.add("x-wr-timezone", tz)
    tzids: set[str] = set()
    for done, entry in enumerate(entries):
        if done % PROGRESS_STEP == 0:  # events cost ~0.4 ms each: a team's year is tens of seconds
            if is_cancelled is not None and is_cancelled():
                raise CancelledError()
            if progress is not None:
                progress(done, len(entries))
        event = _event(entry, zone, stamp, text)
        tzids.update(str(event[key].params["TZID"]) for key in ("DTSTART", "DTEND") if "TZID" in event[key].params)
        cal.add_component(event)
    if entries and tzids:
        first = dt.date(max(min(e.start for e in entries).year - 1, 2), 1, 1)
        last = dt.date(min(max(e.end for e in entries).year + 2, 9999), 1, 1)
        for tzid in sorted(tzids):
            cal.subcomponents.insert(0, vtimezone(tzid, first, last))
    return cal


def _event(entry: ScheduleEntry, zone: ZoneInfo, stamp: dt.datetime, text: Callable[[str], str]) -> Event:
    start = entry.start.replace(tzinfo=zone)
    # minutes are a duration: a visit across a DST change still lasts that long
    end = (start.astimezone(dt.UTC) + dt.timedelta(minutes=max(entry.minutes, 0))).astimezone(zone)
    summary = f"{text(entry.kind)} · {entry.customer}"
    if entry.status in ("cancelled", "missed"):
        summary += f" · {text(entry.status)}"
    lines = [
        (text("contact"), entry.contact), (text("phone"), entry.phone), (text("purpose"), entry.purpose),
        (text("outcome"), entry.outcome), (text("salesperson"), entry.salesperson),
        (text("status"), text(entry.status)),
    ]
    event = Event()
    event.add("uid", f"{entry.uuid}@{UID_DOMAIN}")
    event.add("sequence", max(int(entry.version), 0))
    event.add("dtstamp", stamp)
    event.add("last-modified", entry.updated_at.replace(tzinfo=zone).astimezone(dt.UTC).replace(microsecond=0))
    event.add("dtstart", start.replace(microsecond=0))
    event.add("dtend", end.replace(microsecond=0))
    event.add("summary", summary)
    if entry.address:
        event.add("location", entry.address)
    event.add("description", "\n".join(f"{caption}: {value}" for caption, value in lines if value))
    event.add("status", "CANCELLED" if entry.status == "cancelled" else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if entry.status == "cancelled" else "OPAQUE")
    if entry.salesperson:
        event.add("categories", [entry.salesperson])
    if entry.remind_minutes is not None and entry.status == "planned":  # the visit's reminder, as a VALARM
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(minutes=-entry.remind_minutes))
        event.add_component(alarm)
    return event


# --- VTIMEZONE -----------------------------------------------------------------------------------------------

Transition = tuple[dt.datetime, dt.timedelta, dt.timedelta]  # UTC instant, offset before, offset after


def vtimezone(tzid: str, first: dt.date, last: dt.date) -> Timezone:
    """A VTIMEZONE for `tzid` valid from `first` to `last`: yearly RRULEs when the zone follows one fixed rule
    over that span (what Outlook understands), else icalendar's exact list of transitions."""
    zone = ZoneInfo(tzid)
    # rules start a year early, so each observance has begun by `first` (south of the equator the year
    # starts in summer time)
    transitions = _transitions(zone, dt.date(max(first.year - 1, 1), 1, 1), last)
    simple = _rule_form(tzid, zone, first, transitions)
    if simple is not None and _agrees(simple, zone, first, last, transitions):
        return simple
    return Timezone.from_tzid(tzid, first_date=first, last_date=last)


def _transitions(zone: ZoneInfo, first: dt.date, last: dt.date) -> list[Transition]:
    """Every change of the zone's UTC offset between `first` and `last`, found to the second."""
    t = dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)
    end = dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC)
    step = dt.timedelta(hours=6)
    found: list[Transition] = []
    before = t.astimezone(zone).utcoffset() or dt.timedelta(0)
    while t < end:
        if (t + step).astimezone(zone).utcoffset() == before:
            t += step
            continue
        lo, hi = 0, int(step.total_seconds())  # seconds after t: still `before` at lo, changed at hi
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if (t + dt.timedelta(seconds=mid)).astimezone(zone).utcoffset() == before:
                lo = mid
            else:
                hi = mid
        t += dt.timedelta(seconds=hi)
        after = t.astimezone(zone).utcoffset() or dt.timedelta(0)
        found.append((t, before, after))
        before = after
    return found


def _rule_form(tzid: str, zone: ZoneInfo, first: dt.date, transitions: list[Transition]) -> Timezone | None:
    vtz = Timezone()
    vtz.add("tzid", tzid)
    vtz.add("x-lic-location", tzid)
    if not transitions:
        moment = dt.datetime(first.year, first.month, first.day, 12, tzinfo=dt.UTC).astimezone(zone)
        standard = TimezoneStandard()
        standard.add("dtstart", dt.datetime(first.year, first.month, first.day))
        standard.add("tzoffsetfrom", moment.utcoffset())
        standard.add("tzoffsetto", moment.utcoffset())
        standard.add("tzname", moment.tzname() or tzid)
        vtz.add_component(standard)
        return vtz
    groups: dict[tuple[dt.timedelta, dt.timedelta], list[dt.datetime]] = {}
    for instant, before, after in transitions:
        groups.setdefault((before, after), []).append(instant)
    if len(groups) != 2:
        return None
    for (before, after), instants in sorted(groups.items(), key=lambda item: item[1][0]):
        onsets = [(i + before).replace(tzinfo=None) for i in instants]  # local time in the offset before
        byday = _yearly_weekday(onsets)
        if byday is None:
            return None
        part = TimezoneDaylight() if after > before else TimezoneStandard()
        part.add("dtstart", onsets[0])
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("tzname", instants[0].astimezone(zone).tzname() or tzid)
        part.add("rrule", {"FREQ": "YEARLY", "BYMONTH": onsets[0].month, "BYDAY": byday})
        vtz.add_component(part)
    return vtz


def _yearly_weekday(onsets: list[dt.datetime]) -> str | None:
    """"-1SU" or "2SU" when every onset is that weekday of the same month at the same time, one per year."""
    if len({o.year for o in onsets}) != len(onsets) or len({(o.month, o.weekday(), o.time()) for o in onsets}) != 1:
        return None
    weekday = _WEEKDAYS[onsets[0].weekday()]
    if all(o.day + 7 > monthly.monthrange(o.year, o.month)[1] for o in onsets):
        return f"-1{weekday}"
    nth = {(o.day - 1) // 7 + 1 for o in onsets}
    return f"{nth.pop()}{weekday}" if len(nth) == 1 else None


def _agrees(vtz: Timezone, zone: ZoneInfo, first: dt.date, last: dt.date, transitions: list[Transition]) -> bool:
    """Whether a calendar program reading `vtz` gets the same UTC offsets as the zone database, checked on
    either side of every transition and between them (icalendar builds the reader's view of the component)."""
    reader = vtz.to_tz(lookup_tzid=False)
    begin = dt.datetime(first.year, first.month, first.day, 12, tzinfo=dt.UTC)
    end = dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC) - dt.timedelta(hours=12)
    instants = [begin, end]
    margin = dt.timedelta(hours=6)
    points = [begin, *(t for t, _b, _a in transitions if begin < t < end), end]
    for earlier, later in itertools.pairwise(points):
        instants += [earlier + margin, earlier + (later - earlier) / 2, later - margin]
    for instant in instants:
        wall = instant.astimezone(zone)
        if wall.replace(tzinfo=reader).utcoffset() != wall.utcoffset():
            return False
    return True
