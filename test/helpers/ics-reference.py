#!/usr/bin/python3
"""The independent reader for the calendar corpus test: Debian's python3-icalendar and
python3-recurring-ical-events (never Summitry's own code).

Usage: ics-reference.py < JOBS   (JOBS: a JSON list of {"path", "from", "to"}, the window's
  ends as UTC instants such as 2019-01-01T00:00:00.000Z)
Prints a JSON list, one entry per job: {"occurrences": [...]} with, for each occurrence that
starts in the window,
  uid, recurrenceId (as written, or null), allDay, start and end (UTC ISO instants for timed
  occurrences, YYYY-MM-DD dates for all-day ones, end exclusive);
or {"error": "..."} when the reader cannot read the file.
Floating times (no zone) are read in the calendar's X-WR-TIMEZONE, or else UTC.
"""
import datetime
import json
import sys

import icalendar
import recurring_ical_events

UTC = datetime.timezone.utc


def instant(value):
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def is_date(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def describe(event):
    start = event["DTSTART"].dt
    end = event["DTEND"].dt if "DTEND" in event else None
    if end is None and "DURATION" in event:
        end = start + event["DURATION"].dt
    if end is None:
        end = start + (datetime.timedelta(days=1) if is_date(start) else datetime.timedelta(0))
    rid = event.get("RECURRENCE-ID")
    out = {
        "uid": str(event.get("UID", "")),
        "recurrenceId": rid.to_ical().decode() if rid is not None else None,
        "allDay": is_date(start),
    }
    if is_date(start):
        if is_date(end) and end <= start:
            end = start + datetime.timedelta(days=1)
        out["start"] = start.isoformat()
        out["end"] = (end if is_date(end) else end.date()).isoformat()
    else:
        out["start"] = instant(start)
        out["end"] = instant(end if not is_date(end) else datetime.datetime.combine(end, datetime.time()))
    return out


def read(path, window_start, window_end):
    ws = datetime.datetime.fromisoformat(window_start.replace("Z", "+00:00"))
    we = datetime.datetime.fromisoformat(window_end.replace("Z", "+00:00"))
    try:
        with open(path, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        events = recurring_ical_events.of(calendar).between(ws, we)
        occurrences = []
        for event in events:
            if str(event.get("STATUS", "")).upper() == "CANCELLED" and "RECURRENCE-ID" in event:
                continue
            occurrence = describe(event)
            start = occurrence["start"]
            key = start if "T" in start else start + "T00:00:00.000Z"
            if window_start <= key < window_end:
                occurrences.append(occurrence)
    except Exception as err:  # the reader's own failure: reported, never hidden
        return {"error": f"{type(err).__name__}: {err}"}
    occurrences.sort(key=lambda o: (o["uid"], o["start"]))
    return {"occurrences": occurrences}


def main():
    jobs = json.load(sys.stdin)
    print(json.dumps([read(j["path"], j["from"], j["to"]) for j in jobs]))


if __name__ == "__main__":
    main()
