"""Visits written to .ics files and read back with icalendar: events, stable UIDs, time zones, text, failures.

Time zone checks read each instant twice: through the zone database (what Google and Apple do with a known TZID)
and through the file's own VTIMEZONE alone (what Outlook does), so a wrong VTIMEZONE cannot hide.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzlocal
from icalendar import Calendar, Event, Timezone

from keepclient.domain.errors import StorageError, ValidationError
from keepclient.domain.types import ScheduleEntry
from keepclient.exporting import ics
from keepclient.exporting.ics import ics_bytes, local_zone_name, translated_labels, write_ics

NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
UTC = dt.UTC


def entry(start: dt.datetime, *, minutes: int = 60, uid: str | None = None, version: int = 1, kind: str = "visit",
          status: str = "planned", customer: str = "上海华信贸易有限公司", purpose: str = "回访新产品使用情况",
          outcome: str = "", address: str = "上海市浦东新区碧波路690号", salesperson: str = "李娜") -> ScheduleEntry:
    return ScheduleEntry(
        visit_id=1, uuid=uid or str(uuid.uuid4()), version=version, updated_at=dt.datetime(2026, 11, 20, 17, 45),
        start=start, minutes=minutes, kind=kind, status=status, salesperson_id=1, salesperson=salesperson,
        customer_id=1, customer=customer, contact="张伟", phone="138-1234-5678", address=address, purpose=purpose,
        outcome=outcome, last_note="")


def export(tmp_path: Path, entries: list[ScheduleEntry], *, tz: str = "Asia/Shanghai", name: str = "visits.ics",
           **kwargs) -> Calendar:
    path = tmp_path / name
    assert write_ics(path, entries, tz=tz, calendar_name="keepclient visits", now=NOW, **kwargs) == len(entries)
    return Calendar.from_ical(path.read_bytes())


def events(cal: Calendar) -> dict[str, Event]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def instant(event: Event, key: str = "DTSTART") -> dt.datetime:
    return event[key].dt.astimezone(UTC)


def instant_by_vtimezone(cal: Calendar, event: Event, key: str = "DTSTART") -> dt.datetime:
    """The UTC instant a program gets that knows nothing of the TZID but the file's VTIMEZONE."""
    prop = event[key]
    (vtz,) = [t for t in cal.walk("VTIMEZONE") if str(t["TZID"]) == str(prop.params["TZID"])]
    reader = vtz.to_tz(lookup_tzid=False)
    return prop.dt.replace(tzinfo=None).replace(tzinfo=reader).astimezone(UTC)


def test_every_visit_becomes_one_event_with_its_details(tmp_path: Path):
    visits = [entry(dt.datetime(2026, 11, 23, 9, 30)), entry(dt.datetime(2026, 11, 24, 14, 0), kind="call"),
              entry(dt.datetime(2026, 11, 25, 10, 0), salesperson="王强")]
    cal = export(tmp_path, visits)

    assert str(cal["X-WR-CALNAME"]) == "keepclient visits" and str(cal["VERSION"]) == "2.0"
    assert str(cal["METHOD"]) == "PUBLISH" and "keepclient" in str(cal["PRODID"])
    found = events(cal)
    assert sorted(found) == sorted(f"{v.uuid}@keepclient" for v in visits)
    first = found[f"{visits[0].uuid}@keepclient"]
    assert str(first["SUMMARY"]) == "Visit · 上海华信贸易有限公司"
    assert str(first["LOCATION"]) == "上海市浦东新区碧波路690号"
    assert str(first["DESCRIPTION"]).split("\n") == [
        "Contact: 张伟", "Phone: 138-1234-5678", "Purpose: 回访新产品使用情况", "Salesperson: 李娜", "Status: Planned"]
    assert first["CATEGORIES"].cats == ["李娜"]
    assert str(first["STATUS"]) == "CONFIRMED" and int(first["SEQUENCE"]) == 1
    assert first["DTSTAMP"].dt == NOW
    assert first["LAST-MODIFIED"].dt == dt.datetime(2026, 11, 20, 9, 45, tzinfo=UTC)  # 17:45 in Shanghai
    assert instant(first, "DTEND") - instant(first) == dt.timedelta(minutes=60)
    assert str(found[f"{visits[1].uuid}@keepclient"]["SUMMARY"]) == "Call · 上海华信贸易有限公司"
    assert found[f"{visits[2].uuid}@keepclient"]["CATEGORIES"].cats == ["王强"]


def test_a_second_export_updates_the_same_events(tmp_path: Path):
    visits = [entry(dt.datetime(2026, 11, 23, 9, 30)), entry(dt.datetime(2026, 11, 24, 14, 0))]
    before = events(export(tmp_path, visits))
    moved = visits[0]._replace(version=3, start=dt.datetime(2026, 11, 26, 15, 0), purpose="签订年度合同")
    after = events(export(tmp_path, [moved, visits[1]]))  # the same file, written again

    assert set(after) == set(before)
    uid = f"{moved.uuid}@keepclient"
    assert int(after[uid]["SEQUENCE"]) == 3 > int(before[uid]["SEQUENCE"])
    assert instant(after[uid]) == dt.datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
    assert "签订年度合同" in str(after[uid]["DESCRIPTION"])
    untouched = f"{visits[1].uuid}@keepclient"
    assert after[untouched].to_ical() == before[untouched].to_ical()


def test_shanghai_times_carry_their_zone_and_a_vtimezone(tmp_path: Path):
    visit = entry(dt.datetime(2026, 11, 23, 9, 30), minutes=90)
    path = tmp_path / "sh.ics"
    write_ics(path, [visit], tz="Asia/Shanghai", calendar_name="x", now=NOW)
    raw = path.read_bytes().decode()
    assert "DTSTART;TZID=Asia/Shanghai:20261123T093000\r\n" in raw
    assert "DTEND;TZID=Asia/Shanghai:20261123T110000\r\n" in raw
    assert raw.index("BEGIN:VTIMEZONE") < raw.index("BEGIN:VEVENT")

    cal = Calendar.from_ical(raw)
    (vtz,) = cal.walk("VTIMEZONE")
    assert str(vtz["TZID"]) == "Asia/Shanghai" and str(cal["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    (event,) = cal.walk("VEVENT")
    assert instant(event) == instant_by_vtimezone(cal, event) == dt.datetime(2026, 11, 23, 1, 30, tzinfo=UTC)
    assert instant_by_vtimezone(cal, event, "DTEND") == dt.datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(("wall", "utc"), [
    (dt.datetime(2026, 3, 29, 1, 30), dt.datetime(2026, 3, 29, 0, 30)),  # still winter time (+1)
    (dt.datetime(2026, 3, 29, 3, 30), dt.datetime(2026, 3, 29, 1, 30)),  # summer time (+2) after 02:00 -> 03:00
    (dt.datetime(2026, 7, 1, 9, 0), dt.datetime(2026, 7, 1, 7, 0)),
    (dt.datetime(2026, 10, 25, 1, 30), dt.datetime(2026, 10, 24, 23, 30)),  # still summer time
    (dt.datetime(2026, 10, 25, 3, 30), dt.datetime(2026, 10, 25, 2, 30)),  # winter time after 03:00 -> 02:00
    (dt.datetime(2026, 12, 1, 9, 0), dt.datetime(2026, 12, 1, 8, 0)),
])
def test_berlin_wall_clock_times_around_the_dst_changes(tmp_path: Path, wall: dt.datetime, utc: dt.datetime):
    cal = export(tmp_path, [entry(wall), entry(dt.datetime(2026, 1, 5, 9, 0))], tz="Europe/Berlin")
    (event,) = [e for e in cal.walk("VEVENT") if e["DTSTART"].dt.replace(tzinfo=None) == wall]
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Berlin"
    assert instant(event) == utc.replace(tzinfo=UTC)
    assert instant_by_vtimezone(cal, event) == utc.replace(tzinfo=UTC)


def test_berlin_vtimezone_uses_yearly_rules_outlook_understands(tmp_path: Path):
    raw = ics_bytes([entry(dt.datetime(2026, 3, 29, 9, 0))], tz="Europe/Berlin", calendar_name="x", now=NOW)
    (vtz,) = Calendar.from_ical(raw).walk("VTIMEZONE")
    text = vtz.to_ical().decode()
    assert "RDATE" not in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text and "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    daylight, standard = vtz.walk("DAYLIGHT")[0], vtz.walk("STANDARD")[0]
    assert daylight["DTSTART"].dt.time() == dt.time(2, 0) and standard["DTSTART"].dt.time() == dt.time(3, 0)


def test_a_visit_across_the_spring_change_lasts_its_minutes(tmp_path: Path):
    cal = export(tmp_path, [entry(dt.datetime(2026, 3, 29, 1, 30), minutes=60)], tz="Europe/Berlin")
    (event,) = cal.walk("VEVENT")
    assert event["DTEND"].dt.replace(tzinfo=None) == dt.datetime(2026, 3, 29, 3, 30)
    assert instant_by_vtimezone(cal, event, "DTEND") - instant_by_vtimezone(cal, event) == dt.timedelta(hours=1)


@pytest.mark.parametrize(("tz", "wall", "utc"), [
    ("Australia/Sydney", dt.datetime(2026, 1, 15, 10, 0), dt.datetime(2026, 1, 14, 23, 0)),  # summer: +11
    ("Australia/Sydney", dt.datetime(2026, 6, 15, 10, 0), dt.datetime(2026, 6, 15, 0, 0)),  # winter: +10
    ("America/New_York", dt.datetime(2026, 3, 8, 3, 30), dt.datetime(2026, 3, 8, 7, 30)),
    ("America/New_York", dt.datetime(2026, 11, 1, 9, 0), dt.datetime(2026, 11, 1, 14, 0)),
    # Brazil ended DST in 2019: no yearly rule fits, the exact transition list is written instead
    ("America/Sao_Paulo", dt.datetime(2018, 12, 1, 10, 0), dt.datetime(2018, 12, 1, 12, 0)),
    ("America/Sao_Paulo", dt.datetime(2020, 12, 1, 10, 0), dt.datetime(2020, 12, 1, 13, 0)),
])
def test_other_zones_read_back_through_their_vtimezone(tmp_path: Path, tz: str, wall: dt.datetime,
                                                       utc: dt.datetime):
    visits = [entry(wall), entry(dt.datetime(2018, 6, 1, 10, 0)), entry(dt.datetime(2020, 6, 1, 10, 0))]
    cal = export(tmp_path, visits, tz=tz)
    (event,) = [e for e in cal.walk("VEVENT") if e["DTSTART"].dt.replace(tzinfo=None) == wall]
    assert instant(event) == instant_by_vtimezone(cal, event) == utc.replace(tzinfo=UTC)


def test_vtimezone_falls_back_to_the_exact_transitions_when_rules_change():
    vtz = ics.vtimezone("America/Sao_Paulo", dt.date(2017, 1, 1), dt.date(2022, 1, 1))
    assert isinstance(vtz, Timezone) and "RDATE" in vtz.to_ical().decode()
    assert "RRULE" in ics.vtimezone("Australia/Sydney", dt.date(2025, 1, 1), dt.date(2028, 1, 1)).to_ical().decode()


def test_a_rule_form_that_disagrees_with_the_zone_database_is_refused():
    zone, first, last = ZoneInfo("Europe/Berlin"), dt.date(2025, 1, 1), dt.date(2028, 1, 1)
    transitions = ics._transitions(zone, dt.date(2024, 1, 1), last)
    good = ics._rule_form("Europe/Berlin", zone, first, transitions)
    assert good is not None and ics._agrees(good, zone, first, last, transitions)
    wrong = ics._rule_form("Europe/Berlin", zone, first, transitions)
    wrong.walk("DAYLIGHT")[0]["RRULE"]["BYMONTH"] = [4]  # summer time a month late
    assert not ics._agrees(wrong, zone, first, last, transitions)


def test_utc_times_need_no_vtimezone(tmp_path: Path):
    cal = export(tmp_path, [entry(dt.datetime(2026, 11, 23, 9, 30))], tz="UTC")
    (event,) = cal.walk("VEVENT")
    assert instant(event) == dt.datetime(2026, 11, 23, 9, 30, tzinfo=UTC) and not cal.walk("VTIMEZONE")


def test_chinese_text_round_trips_and_long_lines_are_folded(tmp_path: Path):
    purpose = "回访新产品使用情况，确认第四季度订货量，并讨论明年的框架协议、付款条件和售后服务安排。" * 3
    labels = {"visit": "拜访", "contact": "联系人", "phone": "电话", "purpose": "目的", "salesperson": "销售",
              "status": "状态", "planned": "计划"}
    path = tmp_path / "cn.ics"
    write_ics(path, [entry(dt.datetime(2026, 11, 23, 9, 30), purpose=purpose)], tz="Asia/Shanghai",
              calendar_name="客户拜访", labels=labels, now=NOW)
    data = path.read_bytes()
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) >= 4  # the description continues on folded lines
    data.decode("utf-8")  # folding never splits a character

    cal = Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert str(cal["X-WR-CALNAME"]) == "客户拜访"
    assert str(event["SUMMARY"]) == "拜访 · 上海华信贸易有限公司"
    assert str(event["DESCRIPTION"]).split("\n") == [
        "联系人: 张伟", "电话: 138-1234-5678", f"目的: {purpose}", "销售: 李娜", "状态: 计划"]


def test_labels_may_be_a_lookup_that_returns_unknown_keys_unchanged(tmp_path: Path):
    known = {"visit": "拜访", "planned": "计划"}
    cal = export(tmp_path, [entry(dt.datetime(2026, 11, 23, 9, 30))], labels=lambda key: known.get(key, key))
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "拜访 · 上海华信贸易有限公司"
    assert "Contact: 张伟" in str(event["DESCRIPTION"]) and "Status: 计划" in str(event["DESCRIPTION"])
    assert translated_labels(lambda context, text, _disambiguation=None: f"{context}:{text}")["missed"] == (
        "labels:Missed")
    assert translated_labels(lambda _context, text, disambiguation=None: f"{text}/{disambiguation}")["email"] == (
        "Email/way of contact")  # 邮件 (by email), not an email address (邮箱)


def test_cancelled_missed_and_done_visits(tmp_path: Path):
    cancelled = entry(dt.datetime(2026, 11, 23, 9, 0), status="cancelled")
    missed = entry(dt.datetime(2026, 11, 23, 11, 0), status="missed")
    done = entry(dt.datetime(2026, 11, 23, 14, 0), status="done", outcome="客户同意续约")
    found = events(export(tmp_path, [cancelled, missed, done]))

    c, m, d = (found[f"{v.uuid}@keepclient"] for v in (cancelled, missed, done))
    assert str(c["STATUS"]) == "CANCELLED" and str(c["TRANSP"]) == "TRANSPARENT"
    assert str(c["SUMMARY"]) == "Visit · 上海华信贸易有限公司 · Cancelled"
    assert str(m["STATUS"]) == "CONFIRMED" and str(m["SUMMARY"]).endswith(" · Missed")
    assert "Status: Missed" in str(m["DESCRIPTION"])
    assert str(d["STATUS"]) == "CONFIRMED" and str(d["TRANSP"]) == "OPAQUE"
    assert str(d["SUMMARY"]) == "Visit · 上海华信贸易有限公司"
    assert "Outcome: 客户同意续约" in str(d["DESCRIPTION"]) and "Status: Done" in str(d["DESCRIPTION"])


def test_no_visits_still_make_a_valid_calendar(tmp_path: Path):
    cal = export(tmp_path, [])
    assert not cal.walk("VEVENT") and not cal.walk("VTIMEZONE") and str(cal["VERSION"]) == "2.0"


def test_an_unknown_zone_is_a_validation_error(tmp_path: Path):
    with pytest.raises(ValidationError) as caught:
        write_ics(tmp_path / "x.ics", [entry(dt.datetime(2026, 11, 23, 9))], tz="Mars/Olympus", calendar_name="x")
    assert caught.value.field == "tz"
    assert not (tmp_path / "x.ics").exists()


def test_a_folder_that_cannot_exist_is_a_storage_error(tmp_path: Path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder")
    target = blocker / "visits.ics"
    with pytest.raises(StorageError) as caught:
        write_ics(target, [entry(dt.datetime(2026, 11, 23, 9))], tz="UTC", calendar_name="x")
    assert str(target) in str(caught.value)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permissions do not bind Windows or root")
def test_a_read_only_folder_is_a_storage_error(tmp_path: Path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError):
            write_ics(folder / "visits.ics", [entry(dt.datetime(2026, 11, 23, 9))], tz="UTC", calendar_name="x")
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_full_disk_leaves_the_previous_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str):
    path = tmp_path / "visits.ics"
    write_ics(path, [entry(dt.datetime(2026, 11, 23, 9))], tz="Asia/Shanghai", calendar_name="x", now=NOW)
    previous = path.read_bytes()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, full)
    with pytest.raises(StorageError) as caught:
        write_ics(path, [entry(dt.datetime(2026, 11, 24, 9))] * 3, tz="Asia/Shanghai", calendar_name="x")
    assert "No space left on device" in str(caught.value)
    assert path.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visits.ics"]  # no temporary file left behind


def test_local_zone_name_is_an_iana_zone_or_utc(monkeypatch: pytest.MonkeyPatch):
    ZoneInfo(local_zone_name())
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Europe/Berlin")
    assert local_zone_name() == "Europe/Berlin"
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Not/AZone")
    assert local_zone_name() == "UTC"

    def broken() -> str:
        raise LookupError("no zone configured")

    monkeypatch.setattr(tzlocal, "get_localzone_name", broken)
    assert local_zone_name() == "UTC"


def test_a_week_of_the_demo_team_exports_and_reads_back(workspace, tmp_path: Path):
    entries = workspace.visits.schedule(dt.datetime(2026, 11, 23), dt.datetime(2026, 11, 30))
    assert entries
    cal = export(tmp_path, entries, tz="Asia/Shanghai")
    found = events(cal)
    assert len(found) == len(entries) == len(cal.walk("VEVENT"))
    for item in entries:
        event = found[f"{item.uuid}@keepclient"]
        assert event["DTSTART"].dt.replace(tzinfo=None) == item.start.replace(microsecond=0)
        assert int(event["SEQUENCE"]) == item.version
