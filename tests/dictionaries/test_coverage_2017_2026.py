"""Organisations and people often named in 2017-2026 news resolve to their codes; ambiguous
abbreviations deliberately left out stay out."""

from __future__ import annotations

import pytest

from flashpoint.dictionaries import load_dictionaries, person_role


def _orgs_named(text: str) -> list:
    return [o for o in load_dictionaries().organizations.values() if text in (o.name, *o.aliases)]


def _person_named(text: str):
    found = [p for p in load_dictionaries().people.values() if text in (p.name, *p.aliases)]
    assert len(found) == 1, f"{text!r}: {[p.id for p in found]}"
    return found[0]


@pytest.mark.parametrize("text,org_id,country,sector", [
    ("Jaish al-Islam", "SY_JAI", "SYR", "REB"),
    ("BLA", "PK_BLA", "PAK", "REB"),
    ("Arakan Rohingya Salvation Army", "MM_ARSA", "MMR", "REB"),
    ("Fano militia", "ET_FANO", "ETH", "REB"),
    ("ADF rebels", "CD_ADF", "COD", "REB"),
    ("SPLM-IO", "SS_SPLMIO", "SSD", "REB"),
    ("MONUSCO", "MONUSCO", None, "IGO"),
    ("ATMIS", "AMISOM", None, "IGO"),
    ("Organisation for the Prohibition of Chemical Weapons", "OPCW", None, "IGO"),
    ("Norwegian Refugee Council", "NRC", None, "NGO"),
    ("Anti-Defamation League", "US_ADL", "USA", "NGO"),
    ("CAIR", "US_CAIR", "USA", "NGO"),
    ("U.S. National Guard", "US_NG", "USA", "MIL"),
    ("Verkhovna Rada", "UA_RADA", "UKR", "LEG"),
    ("National People's Congress", "CN_NPC", "CHN", "LEG"),
    ("Republican People's Party", "TR_CHP", "TUR", "PTY"),
    ("PML-N", "PK_PMLN", "PAK", "PTY"),
    ("Kuomintang", "TW_KMT", "TWN", "PTY"),
    ("Global Times", "MED_GLOBALTIMES", "CHN", "MED"),
    ("Kyodo", "MED_KYODO", "JPN", "MED"),
    ("Haaretz", "MED_HAARETZ", "ISR", "MED"),
    ("RFE/RL", "MED_RFERL", "USA", "MED"),
])
def test_organisation_resolves(text, org_id, country, sector):
    found = _orgs_named(text)
    assert [o.id for o in found] == [org_id]
    assert (found[0].country, found[0].sector) == (country, sector)


@pytest.mark.parametrize("name,date,country,sector", [
    ("Reince Priebus", "2017-05-01", "USA", "GOV"),
    ("Robert Lighthizer", "2019-06-01", "USA", "GOV"),
    ("Katherine Tai", "2023-01-10", "USA", "GOV"),
    ("Jeanne Shaheen", "2024-03-01", "USA", "LEG"),
    ("Bob Menendez", "2025-01-01", "USA", "ELI"),  # resigned from the Senate in 2024
    ("Ngozi Okonjo-Iweala", "2022-06-01", None, "IGO"),  # WTO post: held for no country
    ("Mark Lowcock", "2019-01-01", None, "IGO"),
    ("Geng Shuang", "2018-04-01", "CHN", "GOV"),
    ("Agnes Callamard", "2023-01-01", None, "NGO"),
])
def test_person_resolves(name, date, country, sector):
    code = person_role(_person_named(name), date)
    assert (code.country, code.sector) == (country, sector)


@pytest.mark.parametrize("text", [
    "RSF",  # Sudan's Rapid Support Forces or Reporters Without Borders: left to neither
    "ADF",  # Congo's Allied Democratic Forces or the Australian Defence Force
    "KIA",  # Kachin Independence Army or "killed in action"
    "NRC",  # Norwegian Refugee Council or India's National Register of Citizens
    "National Guard",  # every country has one
])
def test_ambiguous_abbreviation_is_left_out(text):
    assert _orgs_named(text) == []
