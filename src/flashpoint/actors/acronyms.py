"""Acronyms an article defines: "the Counter Terrorism Department, or CTD, said ... CTD
arrested" makes "CTD" a mention of the department, not an actor of its own."""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in"})


def initials(name: str) -> str:
    """ "Counter Terrorism Department" -> "CTD" (function words skipped).

    >>> initials("the Council on Foreign Relations")
    'CFR'
    """
    words = [w for w in re.split(r"[\s-]+", name.removeprefix("the ").removeprefix("The "))
             if w and w.lower() not in _FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper()


def merge_acronyms(drafts: dict, text: str) -> None:
    """Fold each defined acronym's organisation draft into its full name's (in place): the
    text must define it ("NAME, or ACR" / "NAME (ACR)"); initials alone are not enough."""
    names = {d.name: key for key, d in drafts.items()
             if key[0] == "name" and d.type == "organization"}
    for key, draft in list(drafts.items()):
        acronym = draft.name
        if key[0] != "name" or not (2 <= len(acronym) <= 6 and acronym.isupper()
                                    and acronym.isalpha()):
            continue
        full = next((n for n in names if n != acronym and initials(n) == acronym and (
            f"{n}, or {acronym}" in text or f"{n} ({acronym})" in text)), None)
        if full is None or names[full] not in drafts:
            continue
        target = drafts[names[full]]
        target.mentions.extend(draft.mentions)
        target.country = target.country or draft.country
        target.sector = target.sector or draft.sector
        del drafts[key]
