"""Date-aware coding of a dictionary person: which country, sector and title at a date."""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from flashpoint.dictionaries.model import FORMER_OFFICE_SECTORS, PersonEntry, Role


# Base sectors that are who a person is, not a job: a rebel who served as a minister is a rebel
# again afterwards; anyone else who left public office is a former official (ELI).
IDENTITY_SECTORS = frozenset({"REB", "OPP", "REL", "PTY", "CRM", "SEP", "HRI", "NGO"})


class PersonCode(NamedTuple):
    country: str | None
    sector: str | None
    title: str | None


def person_role(person: PersonEntry, date: str | None) -> PersonCode:
    """Code ``person`` as of ``date`` (ISO; None: today).

    The role held at the date wins (the latest started, if several); after death the last
    role is kept (the dead are cited for what they did); after the last role a holder of a
    public office becomes ELI ("former President"); before any role, the base sector.

    >>> from flashpoint.dictionaries import load_dictionaries
    >>> trump = load_dictionaries().people["donald_trump"]
    >>> person_role(trump, "2020-01-03"), person_role(trump, "2023-05-01").sector
    (PersonCode(country='USA', sector='GOV', title='President'), 'ELI')
    """
    date = date or _dt.date.today().isoformat()
    held = [r for r in person.roles if r.holds(date)]
    if held:
        return _code(person, max(held, key=lambda r: r.start or ""))
    ended = [r for r in person.roles if r.end is not None and r.end <= date]
    if ended:
        last = max(ended, key=lambda r: r.end)
        if person.died and person.died <= date:
            return _code(person, last)
        if person.sector in IDENTITY_SECTORS:
            return PersonCode(person.country, person.sector, f"former {last.title}")
        code = _code(person, last)
        sector = "ELI" if last.sector in FORMER_OFFICE_SECTORS else last.sector
        # a former UN envoy is an elite of his own country again
        country = code.country if last.country != "---" else person.country
        return PersonCode(country, sector, f"former {last.title}")
    if person.sector or not person.roles:
        return PersonCode(person.country, person.sector, None)
    return _code(person, min(person.roles, key=lambda r: r.start or ""))


def _code(person: PersonEntry, role: Role) -> PersonCode:
    country = None if role.country == "---" else (role.country or person.country)
    return PersonCode(country, role.sector, role.title)
