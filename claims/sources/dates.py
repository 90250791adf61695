"""Publication dates written out in news text, in records and in metadata tables.

A pattern first decides whether a string is wholly a date in one of the unambiguous forms
news uses ("January 6, 2025", "Jan. 6, 2025", "6 January 2025", "Monday, January 6, 2025",
"2025-01-06", ISO 8601 with a time and offset), optionally followed by a time and a zone
("10:30 KST", "10:30 a.m. EST"); python-dateutil then turns the matched string into values.
Pattern first, because dateutil alone reads a date into almost any string ("May" is a date,
so is "6"): a line that does not match is not a date, never a guess. All-number forms like
01/06/2025 are left out on purpose: whether that is January or June depends on the country.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import parser as date_parser

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?"
CLOCK_PARTS = re.compile(r"(\d+)[:.](\d\d)(?::(\d\d))?\s*(?:([ap])\.?m\.?)?", re.IGNORECASE)
# A zone after a time: an abbreviation in capitals (looked up in ZONE_NAMES; an unknown one
# leaves the time without a zone), UTC/GMT with an offset, or a bare offset.
ZONE = r"(?-i:(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d\d)?|[+\-−]\d\d:?\d\d|\(?[A-Z]{1,5}\)?)"
WORDS_DATE = rf"(?:{WEEKDAY})?(?:{MONTH}\s+{DAY},?\s+{YEAR}|{DAY}\s+{MONTH},?\s+{YEAR})"
ISO_DATE = r"\d{4}-[01]\d-[0-3]\d"
ISO_DATETIME = rf"{ISO_DATE}[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?"
TIME_AFTER = rf"(?:\s*(?:,|\bat\b|-|–|—|·|\|)?\s*(?P<clock>{CLOCK})(?:\s*(?P<zone>{ZONE}))?)?"
DATE_PATTERN = re.compile(
    rf"(?P<iso>{ISO_DATETIME})|(?P<date>{WORDS_DATE}|{ISO_DATE}){TIME_AFTER}", re.IGNORECASE)

# Abbreviations as news writes them, each with the place it means: the local time there is what
# the writer means even where they write EST in July. Ambiguous ones such as IST (India, Israel,
# Ireland) are left out; CST is read as US Central, by far the commoner use in English news.
ZONE_NAMES = {
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC",
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "MT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
    "BST": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "KST": "Asia/Seoul", "JST": "Asia/Tokyo", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "MSK": "Europe/Moscow",
}


@dataclass(frozen=True)
class PublicationDate:
    date: dt.date
    at: dt.datetime | None = None   # when a time of day is given; aware when the zone is known
    timezone: str | None = None     # "Asia/Seoul" for an abbreviation, "+09:00" for an offset


def parse_date(value: str) -> PublicationDate | None:
    """The date `value` wholly is (surrounding spaces aside), or None when it is not one."""
    value = value.strip()
    match = DATE_PATTERN.fullmatch(value)
    if not match or (match["date"] and not _months_capitalised(match["date"])):
        return None
    try:
        if match["iso"]:
            return _from_iso(match["iso"])
        day = date_parser.parse(_without_weekday(match["date"])).date()
        if not match["clock"]:
            return PublicationDate(day)
        naive = dt.datetime.combine(day, _clock(match["clock"]))
    except (ValueError, OverflowError):  # 31 February, 13:00 p.m. and the like
        return None
    return _with_zone(naive, match["zone"])


def _from_iso(value: str) -> PublicationDate:
    moment = date_parser.isoparse(value)
    if moment.tzinfo is None:
        return PublicationDate(moment.date(), moment)
    offset = moment.utcoffset()
    return PublicationDate(moment.date(), moment, "UTC" if not offset else _offset_text(offset))


def _with_zone(naive: dt.datetime, zone: str | None) -> PublicationDate:
    zone = (zone or "").strip("()").replace("−", "-").replace(" ", "")
    if not zone:
        return PublicationDate(naive.date(), naive)
    offset = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d\d)?", zone, re.IGNORECASE)
    if offset:
        sign = -1 if offset[1] == "-" else 1
        delta = sign * dt.timedelta(hours=int(offset[2]), minutes=int(offset[3] or 0))
        if abs(delta) > dt.timedelta(hours=14):
            return PublicationDate(naive.date(), naive)
        moment = naive.replace(tzinfo=dt.timezone(delta))
        return PublicationDate(naive.date(), moment, _offset_text(delta))
    place = ZONE_NAMES.get(zone.upper())
    if place is None:  # an abbreviation we cannot place: the time, without a zone
        return PublicationDate(naive.date(), naive)
    return PublicationDate(naive.date(), naive.replace(tzinfo=ZoneInfo(place)), place)


def _clock(value: str) -> dt.time:
    hours, minutes, seconds, half = CLOCK_PARTS.fullmatch(value).groups()
    hours = int(hours)
    if half:
        if not 1 <= hours <= 12:
            raise ValueError(f"{value} is not a time")
        hours = hours % 12 + (12 if half.lower() == "p" else 0)
    return dt.time(hours, int(minutes), int(seconds or 0))


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _without_weekday(value: str) -> str:
    # dateutil would check a weekday against the date; a wrong weekday is a typo, not a reason
    # to lose the date, so the weekday is dropped and the date itself kept.
    return re.sub(rf"^{WEEKDAY}", "", value, flags=re.IGNORECASE).replace(".", " ")


def _months_capitalised(value: str) -> bool:
    # "may 6 2025" in lower case is more likely words than a date line.
    return all(word[0].isupper() for word in re.findall(r"[A-Za-z]+", value)
               if word.lower() not in ("st", "nd", "rd", "th"))
