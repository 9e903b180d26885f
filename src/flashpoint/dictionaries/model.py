"""Typed entries of the actor dictionaries (internal to the actors stage).

Entries are frozen so the compiled matchers can share them across documents and threads.
Dates are ISO strings compared lexically (``"2017-01-20" < "2021-01-20"``); partial dates are
padded when read (``2017`` -> ``2017-01-01``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Sectors a "former" holder of a public office is coded with (CAMEO's ELI: elites,
# former officials). Others (a former militia commander) keep their sector.
FORMER_OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "IGO"})


@dataclass(frozen=True, slots=True)
class Role:
    """A title held between two dates (``end`` exclusive; ``None`` = open)."""

    start: str | None
    end: str | None
    sector: str
    title: str
    country: str | None = None  # overrides the person's country; "---": none (an IGO post)

    def holds(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class CountryEntry:
    id: str  # ISO 3166-1 alpha-3
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()  # "Iraqi", also used for a country's people as modifiers
    demonyms: tuple[str, ...] = ()  # "Iraqis": the population as a group actor
    capitals: tuple[str, ...] = ()  # metonyms for the government ("Tehran")
    seats: tuple[tuple[str, str], ...] = ()  # (name, sector): "the Pentagon" -> MIL
    source: str = ""  # "path:line" of the entry, for messages


@dataclass(frozen=True, slots=True)
class OrgEntry:
    id: str
    name: str
    country: str | None
    sector: str
    type: str = "organization"  # organization | group
    aliases: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class PersonEntry:
    id: str
    name: str
    country: str | None
    sector: str | None  # before any role (or when there are none)
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] | None = None  # names used alone ("Trump", "Xi"); None: the last word
    died: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A common noun naming a role: ``official`` -> GOV person."""

    word: str  # lower case, singular; multiword allowed ("prime minister")
    sector: str
    type: str = "person"  # person | group | organization
    plural: str | None = None
    title: bool = False  # can precede a name as a title ("General", "President")
    source: str = ""


@dataclass(frozen=True, slots=True)
class PeoplesEntry:
    """An ethnic or religious community with one clearly dominant home country: "Yoruba",
    "Yorubas" -> NGA. Its people are coded like a country's demonym (sector CVL)."""

    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()  # plural and adjective forms ("Yorubas", "Uighur")
    source: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Dictionaries:
    countries: dict[str, CountryEntry] = field(default_factory=dict)
    organizations: dict[str, OrgEntry] = field(default_factory=dict)
    people: dict[str, PersonEntry] = field(default_factory=dict)
    agents: dict[str, AgentEntry] = field(default_factory=dict)
    peoples: dict[str, PeoplesEntry] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {"countries": len(self.countries), "organizations": len(self.organizations),
                "people": len(self.people), "agents": len(self.agents),
                "peoples": len(self.peoples)}
