"""When, where and how many: event dates, locations and casualty counts from the parse.

Dates resolve relative expressions ("just days ago", "on Thursday", "earlier this year",
"in 2003") against the article date; a date whose precision is a year or a month is written
as a reduced-precision ISO string ("2019", "2019-12"). Locations come from the clause, then
the sentence, then the article's most mentioned place.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from flashpoint.actors.modifiers import PLACE_NOUNS  # "the city of X"
from flashpoint.geo import MODIFIER_VIAS, main_place
from flashpoint.nlp.extensions import records
from flashpoint.schema import Location, Place

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIERS = {"dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "thousand": 1000,
               "thousands": 2000, "million": 1_000_000, "score": 20, "scores": 40}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(r"\b(?:(\w+)\s+)?(day|week|month|year)s?\s+ago\b")


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def resolve_date(text: str, article: dt.date | None) -> str | None:
    """An ISO (possibly reduced-precision) date for a time expression, or None.

    >>> resolve_date("on Thursday", dt.date(2020, 1, 3))
    '2020-01-02'
    >>> resolve_date("just days ago", dt.date(2020, 1, 3))
    '2019-12-31'
    >>> resolve_date("since the 2003 invasion", None)
    '2003'
    """
    low = text.lower()
    year = _YEAR.search(low)
    month = next((i for i, m in enumerate(MONTHS, 1) if re.search(rf"\b{m}\b", low)), None)
    if year:
        return f"{year.group(1)}-{month:02d}" if month else year.group(1)
    if article is None:
        return None
    if month:
        y = article.year - (1 if month > article.month else 0)
        return f"{y}-{month:02d}"
    return _relative(low, article)


def _relative(low: str, article: dt.date) -> str | None:
    if "yesterday" in low:
        return (article - dt.timedelta(days=1)).isoformat()
    if "today" in low or "tonight" in low or "this morning" in low:
        return article.isoformat()
    for index, day in enumerate(WEEKDAYS):
        if day in low:
            back = (article.weekday() - index) % 7 or 7
            return (article - dt.timedelta(days=back)).isoformat()
    ago = _AGO.search(low)
    if ago:
        count = NUMBER_WORDS.get(ago.group(1) or "", None)
        if count is None and ago.group(1) and ago.group(1).isdigit():
            count = int(ago.group(1))
        unit = ago.group(2)
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * (count or 3)
        when = article - dt.timedelta(days=days)
        return when.isoformat() if unit in ("day", "week") else (
            f"{when.year}-{when.month:02d}" if unit == "month" else str(when.year))
    if "last week" in low:
        return (article - dt.timedelta(days=7)).isoformat()
    if "last month" in low:
        when = article.replace(day=1) - dt.timedelta(days=1)
        return f"{when.year}-{when.month:02d}"
    if "last year" in low:
        return str(article.year - 1)
    if "this year" in low:
        return str(article.year)
    if "this month" in low:
        return f"{article.year}-{article.month:02d}"
    return None


def event_date(trigger: Token, article_date: str | None) -> tuple[str | None, str, str]:
    """(date, basis, precision): a time expression attached to the trigger's clause, else the
    article's. ``date`` is always a full ISO date (consumers read it as one); a year or month
    from the text becomes its first day, or the article date when that falls inside it (an
    event reported in the article's own month happened on or before publication), and
    ``precision`` says which: day, month or year."""
    article = _parse_date(article_date)
    for ent in _clause_dates(trigger):
        resolved = resolve_date(ent.text, article)
        if resolved:
            date, precision = full_date(resolved, article)
            return date, "text", precision
    return article_date, "article", "day"


def full_date(value: str, article: dt.date | None) -> tuple[str, str]:
    """A reduced-precision ISO date as a full date plus its precision.

    >>> full_date("2003", dt.date(2020, 1, 3)), full_date("2020-01", dt.date(2020, 1, 3))
    (('2003-01-01', 'year'), ('2020-01-03', 'month'))
    """
    parts = value.split("-")
    if len(parts) == 3:
        return value, "day"
    precision = "year" if len(parts) == 1 else "month"
    start = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
    if article is not None and start <= article and (
            article.year == start.year and (precision == "year" or article.month == start.month)):
        return article.isoformat(), precision
    return start.isoformat(), precision


def _clause_head(token: Token) -> Token:
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.dep_ != "ROOT":
        node = node.head
    return node


def _clause_dates(trigger: Token) -> list[Span]:
    """DATE entities inside the trigger's own phrase first, then those of its clause."""
    head = _clause_head(trigger)
    own = (trigger.left_edge.i, trigger.right_edge.i)
    inside, clause = [], []
    for ent in trigger.sent.ents:
        if ent.label_ != "DATE":
            continue
        if own[0] <= ent.start <= own[1] and trigger.pos_ in ("NOUN", "PROPN"):
            inside.append(ent)
        elif _governed_by(ent.root, head):
            clause.append(ent)
    return inside + clause


def _governed_by(token: Token, head: Token) -> bool:
    node = token
    for _ in range(6):
        if node.i == head.i:
            return True
        if node.pos_ in ("VERB", "AUX") and node.i != token.i:
            return False  # a date of another clause
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def count_of(noun: Token) -> int | None:
    """How many ``noun`` denotes: "some two dozen militiamen" 24, "an American contractor" 1."""
    words = [t for t in noun.subtree if t.i < noun.i and (t.like_num or t.lower_ in MULTIPLIERS
                                                         or t.lower_ in NUMBER_WORDS)]
    total, current = 0, 0
    for word in words:
        low = word.lower_.replace(",", "")
        if low in MULTIPLIERS:
            current = max(current, 1) * MULTIPLIERS[low]
        elif low.isdigit():
            current += int(low)
        elif low in NUMBER_WORDS and low not in ("a", "an"):
            current += NUMBER_WORDS[low]
    total = current
    if total:
        return total
    if noun.tag_ in ("NN", "NNP") or any(c.lower_ in ("a", "an") for c in noun.children):
        return 1 + len([c for c in noun.conjuncts if c.i > noun.i])
    return None


class Places:
    """Place mentions indexed by token, and the article's main place, for one Doc."""

    def __init__(self, doc: Doc) -> None:
        places: dict[str, Place] = {p.id: p for p in records(doc, "fp_places")}
        self.at: dict[int, Place] = {}
        self.via: dict[int, str] = {}
        for mention in records(doc, "fp_place_mentions"):
            place = places.get(mention.ref)
            if place is None:
                continue
            for i in range(mention.start, mention.end):
                self.at.setdefault(i, place)
                self.via.setdefault(i, mention.via)
        # The geo stage's choice: weighted mentions, the dateline and lead count most.
        self.main = main_place(doc)

    def locate(self, trigger: Token) -> Location | None:
        """The trigger's clause ("struck a depot in Baghdad"), else a place the sentence puts
        something in, else the article's main place. A country named as an actor ("Iran
        condemned") is not where the event happened, so bare mentions do not count."""
        if not self.at and self.main is None:
            return None
        head = _clause_head(trigger)
        for prep in (c for c in (*trigger.children, *head.children) if c.dep_ == "prep"):
            if prep.lower_ in LOCATIVE_PREPS:
                for token in prep.subtree:
                    if token.i in self.at and self.via.get(token.i) not in MODIFIER_VIAS:
                        return _location(self.at[token.i], "clause")
        for token in trigger.sent:
            via = self.via.get(token.i)
            if token.i in self.at and (via == "adjective:locative" or (
                    via not in MODIFIER_VIAS and _governing_prep(token) in LOCATIVE_PREPS)):
                return _location(self.at[token.i], "sentence")
        return _location(self.main, "article") if self.main else None

    def acted_on(self, trigger: Token, *, origin: bool = True) -> Place | None:
        """The place an act is done in, to or from: the object of a preposition on the
        trigger, on its infinitive complement or on their direct objects ("reimposed
        blockades in X", "refused to deploy troops in X", "withdrew forces from X"), never
        in its subject, its modifiers or deeper phrases. A noun's act is only placed by "in
        X" ("attacks in X"; "the threat from X" names its source). CAMEO coders take it as
        the target when the act names no actor. ``origin=False``: "from X" is where the act
        came from, not what it was done to ("rockets fired from Libya")."""
        verbal = trigger.pos_ in ("VERB", "AUX")
        preps = LOCATIVE_PREPS | DIRECTIONAL_PREPS if verbal else LOCATIVE_PREPS
        if not origin:
            preps = preps - {"from"}
        heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
        heads += [o for h in list(heads) for o in h.children if o.dep_ in ("dobj", "nsubjpass")
                  and verbal]
        attached = [c for h in heads for c in h.children if c.dep_ == "prep"]
        direct = [c for c in attached if c.lower_ in preps]
        # one level in, where it is: "put under investigation in X" (never "to" or "from":
        # "tariffs on exports to X" are not aimed at X)
        direct += [n for c in attached for o in c.children if o.dep_ == "pobj"
                   for n in o.children if n.dep_ == "prep" and n.lower_ in LOCATIVE_PREPS]
        # "mobilized reservists for a war against X": "against" names the target at any depth
        deep = [t for h in heads for t in h.subtree if t.dep_ == "prep" and t.lower_ == "against"
                and t.i not in {d.i for d in direct} and not _crosses_clause(t, trigger)
                ] if verbal else []
        for prep in direct + deep:
            for token in _place_words(prep):
                place = self.at.get(token.i)
                if place is not None and place.country and \
                        self.via.get(token.i) not in MODIFIER_VIAS:
                    return place
        return None


def _crosses_clause(token: Token, top: Token) -> bool:
    """Whether the path from ``token`` up to ``top`` leaves through a subject or a clause."""
    node = token
    while node.i != top.i and node.head.i != node.i:  # Tokens are views: compare indices
        if node.dep_ in ("nsubj", "nsubjpass", "ccomp", "advcl", "relcl", "conj", "parataxis"):
            return True
        node = node.head
    return False


def _place_words(prep: Token) -> list[Token]:
    """The preposition's object and its name words ("the city of X": through "of")."""
    out = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        out += [t for t in pobj.subtree if t.i <= pobj.i and t.dep_ in ("compound", "pobj")
                or t is pobj]
        if pobj.lemma_.lower() in PLACE_NOUNS:
            out += [t for of in pobj.children if of.dep_ == "prep" and of.lower_ == "of"
                    for t in of.subtree]
    return out


LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "on", "into",
                            "throughout", "around", "within", "along"})


DIRECTIONAL_PREPS = frozenset({"to", "from", "toward", "towards", "against"})
def _governing_prep(token: Token) -> str | None:
    """The preposition whose object phrase holds ``token`` ("in" for "compound in Baghdad")."""
    node = token
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and \
                node.head.head.lemma_.lower() in PLACE_NOUNS:
            node = node.head.head  # "near the town of X": the preposition before "town"
            continue
        if node.dep_ == "pobj":
            return node.head.lower_
        if node.dep_ not in ("compound", "amod", "poss", "nmod", "appos", "conj", "det"):
            return None
        node = node.head
    return None


def _location(place: Place, basis: str) -> Location:
    return Location(place=place.id, name=place.name, country=place.country, lat=place.lat,
                    lon=place.lon, basis=basis)
