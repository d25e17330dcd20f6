"""Read the date of an article or an event: one rule for every format, and a problem for each date
that cannot be read as one day.
"""

from __future__ import annotations

import calendar
import datetime
import re

import pandas as pd

from analysis.corpus import codes
from analysis.corpus.problems import ProblemLog

__all__ = ["DATE_FORMAT_ADVICE", "DATE_WITHOUT_DAY", "NUMERIC_DATE", "RELATIVE_DATE_WORDS", "parse_date"]

# Words that name a day relative to the moment of loading, not a date: "now" would become the load time.
RELATIVE_DATE_WORDS = {"now", "today", "tonight", "tomorrow", "yesterday"}
# A date written with numbers only, day and month in either order: 04/03/2021, 4.3.2021, 04-03-21;
# anything after it (a time, a zone) is read as it is.
NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?=$|[\sT,])(.*)", re.DOTALL)
# A year, or a year and a month, with no day: pandas would read "2021" as 1 January 2021.
DATE_WITHOUT_DAY = re.compile(r"\d{4}([/.\-]\d{1,2})?")
DATE_FORMAT_ADVICE = "write dates as YYYY-MM-DD"


def _day_month(day: int, month: int) -> str | None:
    """Return "4 March" if day and month make a date in some year, else None."""
    if 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1]):
        return f"{day} {calendar.month_name[month]}"
    return None


def _numeric_date(match: re.Match, text: str, source: str, problems: ProblemLog,
                  dayfirst: bool | None) -> str | None:
    """Return a day/month/year date rewritten month-first for pandas, or None (with a problem
    logged) when the order of day and month cannot be told and ``dayfirst`` is None."""
    first, second, year, rest = int(match[1]), int(match[2]), match[3], match[4]
    day_first, month_first = _day_month(first, second), _day_month(second, first)
    if day_first is None and month_first is None:
        return text  # not a date either way: pandas says it cannot be read
    if day_first and month_first and first != second:
        if dayfirst is None:
            problems.add(source, f"the date '{text}' could be {day_first} or {month_first} {year}",
                         f"repaired: date left unknown (NaT); {DATE_FORMAT_ADVICE}, or load with "
                         "dayfirst=True (day/month/year) or dayfirst=False (month/day/year)",
                         code=codes.DATE_AMBIGUOUS)
            return None
        day, month = (first, second) if dayfirst else (second, first)
    elif day_first:
        day, month = first, second
        if dayfirst is False and first != second:
            problems.add(source, f"the date '{text}' can only be {day_first} {year}, day first",
                         "kept; dayfirst=False was given: check the order of the column's dates",
                         code=codes.DATE_ORDER_CONFLICT)
    else:
        day, month = second, first
        if dayfirst:
            problems.add(source, f"the date '{text}' can only be {month_first} {year}, month first",
                         "kept; dayfirst=True was given: check the order of the column's dates",
                         code=codes.DATE_ORDER_CONFLICT)
    return f"{month}/{day}/{year}{rest}"


def parse_date(value: object, source: str, problems: ProblemLog, dayfirst: bool | None = None) -> pd.Timestamp:
    """Return a date as a time-zone-free Timestamp, or NaT (with a problem logged) when it is not
    one date. The rule:

    - ``YYYY-MM-DD`` (with or without a time) and dates with a month name are read as written;
    - day and month in numbers only (``04/03/2021``) are read in the one order that makes a date;
      when both orders do, by ``dayfirst`` (True: day/month/year, False: month/day/year), and
      when ``dayfirst`` is None the date is left unknown with a problem;
    - a time zone is dropped, keeping the date and time as written ("23:30-05:00" stays that day);
    - a year or a month alone, and words relative to today ("now", "yesterday"), are left unknown.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or str(value).strip() == "":
        return pd.NaT
    if isinstance(value, (pd.Timestamp, datetime.datetime)):
        value = pd.Timestamp(value)
        return value.tz_localize(None) if value.tzinfo else value
    text = str(value).strip()
    if text.lower() in RELATIVE_DATE_WORDS:
        problems.add(source, f"the date '{text}' is a word relative to the day of loading, not a date",
                     f"repaired: date left unknown (NaT); {DATE_FORMAT_ADVICE}", code=codes.DATE_RELATIVE)
        return pd.NaT
    if DATE_WITHOUT_DAY.fullmatch(text):
        problems.add(source, f"the date '{text}' has no day",
                     f"repaired: date left unknown (NaT), not read as the first day; {DATE_FORMAT_ADVICE}",
                     code=codes.DATE_WITHOUT_DAY)
        return pd.NaT
    numeric = NUMERIC_DATE.fullmatch(text)
    readable = text
    if numeric:
        readable = _numeric_date(numeric, text, source, problems, dayfirst)
        if readable is None:
            return pd.NaT
    try:
        parsed = pd.Timestamp(readable)
    except (ValueError, TypeError, OverflowError):
        parsed = None
    if parsed is None or parsed is pd.NaT:
        problems.add(source, f"the date '{text}' cannot be read",
                     f"repaired: date left unknown (NaT); {DATE_FORMAT_ADVICE}", code=codes.DATE_UNREADABLE)
        return pd.NaT
    return parsed.tz_localize(None) if parsed.tzinfo else parsed
