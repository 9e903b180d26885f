"""Plain-text articles: a headline on the first line becomes the title, and a date written at
the top (a wire dateline or a line that is only a date) becomes the article date.

Both are read, never removed: ``Article.text`` stays exactly as given, so every offset the
pipeline reports still indexes the file (the HTML reader's title is not part of its text
either way; here the headline line is simply also analysed, as it was before).

Precision comes first: a wrong date is worse than none. Only the opening lines are looked at,
a date needs a day, a month and a year, and a dateline without a year ("YEREVAN, March 12 -")
gives a date only when a year is known from elsewhere (``--date``), taking the year that
puts the day nearest that date. A year somewhere in the body never dates an article.
"""

from __future__ import annotations

import datetime as dt
import re

from flashpoint.schema import Article

TITLE_MAX_WORDS = 15
TITLE_MAX_CHARS = 120
OPENING_LINES = 3  # a date line may sit under the headline; datelines open the first paragraph

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?,?\s+)?"
# "March 3, 2025", "Mar. 3 2025", "3 March 2025", "2025-03-03"; the year optional only where
# the caller allows it (datelines).
_MDY = _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?"
_DMY = _DAY + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?"
_ISO = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"


def _named(pattern: str, suffix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", pattern)


_ANY_DATE = f"(?:{_named(_MDY, '1')}|{_named(_DMY, '2')}|{_ISO})"
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
# A line that is only a date (optionally "Published:", a weekday and a time).
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|dated)(?:\s+on)?:?\s+)?" + _WEEKDAY + _ANY_DATE + _TIME
    + r"\s*$", re.IGNORECASE)
# A wire dateline opening a paragraph: a place in capitals ("NAIROBI, Kenya,", "WASHINGTON"),
# a date, an optional agency in brackets, then a dash (or, when the year is given, the text).
_CAPS_WORD = r"[A-Z][A-Z.'\u2019-]+"  # NAIROBI, U.S.
_NAME_WORD = r"[A-Z][A-Za-z.'\u2019-]+"  # Kenya, Calif.
_PLACE = (_CAPS_WORD + r"(?:\s+" + _CAPS_WORD + r"){0,3}"
          + r"(?:,\s+" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2}){0,2}")
_DASH = r"(?:--|[-\u2013\u2014])"
_AGENCY = r"(?:\s*\([A-Z][A-Za-z .&'-]{1,30}\))?"
_DATELINE = re.compile(
    r"^\s*" + _PLACE + r"\s*(?:,|" + _DASH + r")\s*" + _WEEKDAY
    + f"(?:{_named(_MDY, '1')}|{_named(_DMY, '2')})" + _AGENCY
    + r"(?P<end>\s*" + _DASH + r"\s|\s*,?\s+(?=\S))")
_FINAL_STOP = re.compile(r"[.,;:\u2026-]$")
# A headline never ends on a word that needs what follows; a hard-wrapped first line often does.
_OPEN_ENDED = frozenset("""a an the of to in on at by for from with and or but that which who
whom whose as than if is are was were be been has have had will would could should may might
must can its their his her our said says""".split())


def read_text(text: str, *, id: str, origin: str, date: str | None = None,
              date_basis: str | None = None, default_date: str | None = None,
              title: str | None = None, **fields) -> Article:
    """A plain-text Article with its title and date taken from the top of the text when it
    has them (``date``: a date already known, e.g. from the file name, which wins)."""
    title = title or text_title(text)
    if date is None:
        date, date_basis = date_or_default(text, default_date)
    return Article(id=id, text=text, title=title, date=date, date_basis=date_basis,
                   origin=origin, **fields)


def date_or_default(text: str, default_date: str | None) -> tuple[str | None, str | None]:
    """The text's own date (dateline, date line) if it has one, else ``default_date``."""
    found = text_date(text, year_from=default_date)
    if found is not None:
        return found
    return (default_date, "given") if default_date is not None else (None, None)


def _opening(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:OPENING_LINES]


def text_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, on a line of its own, no final full
    stop, not a dateline or a date, and not the first line of a hard-wrapped paragraph.

    >>> text_title("Border clash kills three soldiers\\n\\nYEREVAN, March 12 - Troops fired.")
    'Border clash kills three soldiers'
    >>> text_title("Troops fired on positions near the village.\\n\\nThree died.") is None
    True
    >>> text_title("The ministry said on Tuesday that it would\\nclose the border.") is None
    True
    """
    lines = text.lstrip().split("\n")
    first = lines[0].strip()
    rest = [line.strip() for line in lines[1:]]
    body = [line for line in rest if line]
    if not first or not body:
        return None  # a one-line text is all body
    words = first.split()
    if (len(words) > TITLE_MAX_WORDS or len(first) > TITLE_MAX_CHARS
            or _FINAL_STOP.search(first) or not (first[0].isupper() or first[0].isdigit()
                                                 or first[0] in "\"'\u201c\u2018")
            or words[-1].lower().strip("\"'\u201d\u2019") in _OPEN_ENDED
            or _DATE_LINE.match(first) or _is_dateline(first)):
        return None
    if rest[0]:  # no blank line after it: accept only if the next line opens a paragraph
        following = rest[0]
        if not (following[0].isupper() or following[0].isdigit()
                or following[0] in "\"'\u201c\u2018"):
            return None
        if not re.search(r"[.!?\"'\u201d\u2019)]$", following) and not _is_dateline(following):
            return None  # hard-wrapped text: the first line is the start of a paragraph
    return first


def text_date(text: str, *, year_from: str | None = None) -> tuple[str, str] | None:
    """``(ISO date, basis)`` from the opening lines, basis ``first-line`` (a line that is only a
    date) or ``dateline`` (``dateline+given-year`` when the year came from ``year_from``).

    >>> text_date("Talks resume\\nMarch 3, 2025\\nDiplomats met.")
    ('2025-03-03', 'first-line')
    >>> text_date("NAIROBI, Kenya, March 3 (Reuters) - Police fired.", year_from="2025-03-04")
    ('2025-03-03', 'dateline+given-year')
    >>> text_date("NAIROBI, Kenya, March 3 (Reuters) - Police fired.") is None
    True
    >>> text_date("In 1978 the treaty was signed on March 3, 1978.") is None
    True
    """
    for line in _opening(text):
        match = _DATE_LINE.match(line)
        if match:
            day = _date_of(match, year_from=None)
            return (day, "first-line") if day else None
        match = _dateline(line)
        if match:
            day = _date_of(match, year_from=year_from)
            if day is None:
                return None
            has_year = bool(match.group("year1") or match.group("year2"))
            return day, "dateline" if has_year else "dateline+given-year"
        if _DATELINE_NO_DATE.match(line):
            return None  # "BEIRUT (Reuters) -": the dateline is here and it gives no date
    return None


_DATELINE_NO_DATE = re.compile(r"^\s*" + _PLACE + _AGENCY + r"\s*" + _DASH + r"\s")


def _dateline(line: str) -> re.Match | None:
    """A dateline with a date; without a dash after the date it needs the year ("WASHINGTON,
    Jan. 5, 2025, the president ..."), or "NAIROBI, March 3 the ..." would count."""
    match = _DATELINE.match(line)
    if match is None:
        return None
    if not re.search(_DASH, match.group("end")) and not (match.group("year1")
                                                          or match.group("year2")):
        return None
    return match


def _is_dateline(line: str) -> bool:
    return bool(_dateline(line) or _DATELINE_NO_DATE.match(line))


def _date_of(match: re.Match, *, year_from: str | None) -> str | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    if "iso" in groups:
        try:
            day = dt.date.fromisoformat(groups["iso"])
        except ValueError:
            return None
        return day.isoformat() if _plausible(day) else None
    suffix = "1" if "month1" in groups else "2"
    month = _MONTHS[groups[f"month{suffix}"].lower().rstrip(".")]
    day_n = int(groups[f"day{suffix}"])
    year = groups.get(f"year{suffix}")
    if year is not None:
        day = _safe(int(year), month, day_n)
    elif year_from:
        # The year that puts the day nearest the known date (a story of Dec 31 filed on Jan 2).
        anchor = dt.date.fromisoformat(year_from)
        near = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if (d := _safe(y, month, day_n)) is not None]
        day = min(near, key=lambda d: abs(d - anchor)) if near else None
    else:
        return None
    return day.isoformat() if day and _plausible(day) else None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _plausible(day: dt.date) -> bool:
    return dt.date(1900, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=2)
