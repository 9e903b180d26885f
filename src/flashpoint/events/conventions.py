"""CAMEO and ACLED coding conventions for what the text leaves implicit: an unnamed agent
(an earlier attacker of the same victim, an unidentified armed group, a state's
authorities), the place an act is aimed at, domestic targets and sources, and groups placed
by where the event happens. Pure functions over references; :mod:`coder` applies them.
"""

from __future__ import annotations

from dataclasses import replace

from flashpoint.events.arguments import ActorIndex, is_passive
from flashpoint.events.clauses import Match
from flashpoint.events.details import Places
from flashpoint.schema import ActorRef, Event

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# States of affairs, not acts: "the Syrian war", "a conflict that killed 300,000". As an event
# mention they need a target the text names ("the war against X"); as a killer, none.
STATES_OF_CONFLICT = frozenset({"war", "conflict", "fighting", "violence", "crisis",
                                "hostilities", "insurgency", "unrest", "bloodshed"})
# "attacked X for raising questions", "fired back at X over her criticism": violence words
# aimed at a person for what he said are words, not force.
REASON_PREPS = frozenset({"for", "over"})
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "CRM", "SEP", "INS", "SPY", "COP"})
# Verbs of violence the press also uses for words ("attacked X for ...", "hit out at X");
# never kill, beat or stab.
VERBAL_ATTACKS = frozenset({"attack", "assail", "slam", "blast", "hit", "fire", "lash"})
SAYING_VERBS = frozenset({"raise", "question", "criticize", "criticise", "say", "call",
                          "comment", "speak", "accuse", "describe", "compare", "insult",
                          "mock", "challenge", "oppose", "suggest", "claim", "write", "tweet",
                          "remark", "refer", "make"})
SAYINGS = frozenset({"criticism", "remark", "comment", "statement", "question", "tweet",
                     "speech", "words", "stance", "position", "view", "claim", "accusation"})
# Things that kill with no one named: their planters are unidentified.
WEAPONS = frozenset({"bomb", "explosion", "blast", "mine", "minefield", "device", "ied", "shell",
                     "rocket", "missile", "grenade", "explosive", "drone", "mortar", "booby-trap",
                     "landmine", "shelling", "bombing", "gunfire", "fire", "crossfire"})


def party_key(ref: ActorRef | None):
    """What makes two references the same party: the actor id, else the name."""
    return None if ref is None else (ref.actor or ref.name)


# Roots whose act, naming no actor as its target, is aimed at the place it is done in, to or
# from (CAMEO's locational targets); never statements, appeals, meetings, demands, protests.
PLACE_TARGET_ROOTS = frozenset({"03", "06", "07", "08", "09", "12", "13", "15", "16", "17",
                                "18", "19", "20"})
VENUE_CODES = ("036", "046", "043", "044")  # meetings: where they meet is no party
# Roots whose unresolved party target is likely a person ("a missionary was arrested"): the
# place never replaces it (a thing arrested or seized still gives way to its place).
PERSONAL_ROOTS = frozenset({"17", "18", "19", "20"})
# Acts only a state's authorities carry out: arrest, detain, expel, deport, investigate.
_AUTHORITY_CODES = ("09", "172", "173", "174")


def unnamed_agent(match: Match, coding, targets, location, *, history: list[Event],
                  places: Places, actors: ActorIndex):
    """(source, rule) for an act whose text names no agent.

    A victim already attacked in an asserted earlier event was attacked by that event's
    source ("X was killed in the strike" after "the U.S. killed X"). Otherwise, placed by
    the sentence in a country: a passive arrest, expulsion or investigation is by that
    country's authorities, and violence is by an unidentified armed group there (as ACLED
    and CAMEO code it, sector UAF).
    """
    victims = [t for t in targets if t is not None]
    if coding.root in VIOLENT_ROOTS | {"17"} and victims:
        for event in reversed(history):
            if event.root == coding.root and event.source is not None and \
                    any(_same_party(event.target, v) for v in victims) and \
                    not (event.negated or event.hypothetical or inferred(event)):
                return event.source, "coref-victim"
    if match.kind != "verb":
        return None, None  # "the war in X", "attacks on militants": no act of one agent
    # Only a place in the act's own phrase says where it was done ("was arrested in X"), or
    # one anywhere in a sentence whose subject is a blast ("a roadside bomb near X killed").
    place = places.acted_on(match.trigger)
    country = place.country if place is not None else (
        location.country if location is not None and (
            location.basis == "clause" or location.basis == "sentence" and (
                match.source_head is not None or match.sources)) else None)
    if not country:
        return None, None
    passive = is_passive(match.trigger)
    if passive and coding.cameo.startswith(_AUTHORITY_CODES):
        return ActorRef(actor=None, name=f"authorities ({country})", country=country,
                        sector="GOV"), "authorities"
    people = [t for t in victims if actors.is_actor(t) and actors.kind(t)]
    if coding.root in VIOLENT_ROOTS and people:  # victims that are people, not "the economy"
        return ActorRef(actor=None, name=f"unidentified armed group ({country})",
                        country=country, sector="UAF"), "unidentified"
    return None, None


# Roots whose unaddressed act by a domestic group is aimed at its own government.
DOMESTIC_ROOTS = frozenset({"10", "14"})
# Sectors of the state itself, which cannot protest to or demand of its own government.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})


def domestic_government(sources, location, actors: ActorIndex) -> ActorRef | None:
    """ "Algerian students marched", "Iraqi Kurds demanded independence": a protest or demand
    by an unnamed group of one country, naming no target, is aimed at that country's
    government, as CAMEO coders code it. Never for a person, a state, an international
    body, or a group acting abroad (a place in another country)."""
    countries = set()
    for ref in sources:
        if ref is None or not ref.country or ref.sector in STATELESS \
                or ref.sector in STATE_SECTORS \
                or actors.kind(ref) not in (None, "group", "organization"):
            return None
        countries.add(ref.country)
    if len(countries) != 1:
        return None
    country = countries.pop()
    if location is not None and location.country and location.country != country:
        return None
    return ActorRef(actor=None, name=f"government of {country}", country=country, sector="GOV")


# Who acts on people at home: without a place in the text only these make an event domestic
# (an army's strike is often abroad).
DOMESTIC_AGENCIES = frozenset({"COP", "JUD", "GOV", "LEG"})


def _same_party(a: ActorRef | None, b: ActorRef) -> bool:
    """The same actor, or the same proper name's last word ("Odo Mbeki" ... "Mbeki")."""
    if a is None:
        return False
    if party_key(a) == party_key(b):
        return True
    last_a, last_b = a.name.split()[-1:], b.name.split()[-1:]
    return bool(last_a) and last_a == last_b and last_a[0][:1].isupper()


def inferred(event: Event) -> bool:
    """An event whose source the text did not name (an unidentified group, authorities):
    no antecedent for a later "the attack"."""
    return "+unidentified" in event.rule or "+authorities" in event.rule


def home_country(sources, location) -> str | None:
    """The one country of the sources, if the text places the event there."""
    countries = {ref.country for ref in sources if ref is not None}
    if len(countries) != 1 or None in countries:
        return None
    country = countries.pop()
    return country if location is not None and location.country == country else None


def ruling_country(targets, location) -> str | None:
    """The one country whose state the targets are, if the event also happens there: a
    protest or demand aimed at a state by people in it comes from that country."""
    countries = {t.country for t in targets if t is not None}
    if len(countries) != 1 or None in countries or any(
            t is None or t.sector not in STATE_SECTORS for t in targets):
        return None
    country = countries.pop()
    return country if location is not None and location.country == country else None


def uncoded(ref: ActorRef | None, actors: ActorIndex) -> bool:
    """ "Nigerian authorities jailed 52 members", "Algerian police blocked roads": an unnamed
    group or thing acted on at home, with no country of its own, is of the source's country
    (CAMEO coders code such domestic events X -> X; the coder makes a thing the country
    itself). Persons and international bodies keep what they have."""
    return ref is not None and not ref.country and ref.sector not in STATELESS \
        and (actors.collective(ref) or actors.kind(ref) is None)


# Sectors that are no country's own: they never take the place's country.
STATELESS = frozenset({"IGO", "NGO", "MNC"})


def localized(ref: ActorRef | None, location, actors: ActorIndex) -> ActorRef | None:
    """ "Rebels blocked roads in Abidjan", "opposition groups in Zimbabwe": an unnamed group
    with no nationality is coded with the country the sentence places the event in (a
    named person is not: a visitor is no national of the place he visits; nor are officials
    and diplomats unless their own clause places them)."""
    if ref is None or ref.sector in STATELESS or location is None \
            or location.basis not in ("clause", "sentence") or not location.country:
        return ref
    if ref.country:  # "ethnic Albanians in Serbia" live there: coded by residence (CAMEO)
        return replace(ref, country=location.country, sector="ETH") \
            if ref.country != location.country and _ethnic(ref, actors) else ref
    if not actors.collective(ref):
        return ref
    if ref.sector == "GOV" and location.basis != "clause":
        return ref  # officials and diplomats travel: only their own clause's place codes them
    return replace(ref, country=location.country)


def _ethnic(ref: ActorRef, actors: ActorIndex) -> bool:
    """A mention introduced as an ethnic group: "ethnic Albanians", "ethnic Turks"."""
    if ref.span is None:
        return False
    before = actors.text[max(0, ref.span[0] - 8):ref.span[0]].lower().split()
    return ref.name.lower().startswith("ethnic ") or before[-1:] == ["ethnic"]
