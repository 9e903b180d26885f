"""Vocabulary of the CAMEO pattern files (verbs.tsv, nouns.tsv, frames.tsv): common news verbs and
nouns of political events, one or more per CAMEO root, through the full pipeline.

Sentences written for these tests (not from any gold set or corpus); each row names the word
that must trigger an event and the CAMEO root (two digits) or PLOVER type it must have.
"""

from __future__ import annotations

import pytest

CASES = [
    # 01/11 disapprove
    ("The president ridiculed the opposition leader.", "ridiculed", "11"),
    ("The minister lashed out at the opposition.", "lashed", "11"),
    # 02 appeal: an end to fighting is a de-escalation
    ("Iran called for an end to the fighting.", "called", "02"),
    ("The UN called for a halt to the violence.", "called", "02"),
    # 04 consult
    ("The Pakistani prime minister telephoned the Afghan president.", "telephoned", "04"),
    ("The Iranian foreign minister flew to Moscow.", "flew", "04"),
    ("The delegations exchanged views on the crisis.", "exchanged", "04"),
    ("The UN envoy shuttled between the two capitals.", "shuttled", "04"),
    ("Egypt convened talks between Hamas and Fatah.", "convened", "04"),
    # 05 diplomatic cooperation
    ("Germany voiced support for France.", "voiced", "05"),
    ("Iran reaffirmed its support for Syria.", "reaffirmed", "05"),
    ("Israel and Jordan normalized relations.", "normalized", "05"),
    ("Turkey granted diplomatic recognition to Kosovo.", "granted", "05"),
    ("The government granted amnesty to the rebels.", "granted", "05"),
    # 06 material cooperation
    ("Turkey handed over the suspects to Iraq.", "handed", "06"),
    # 07 aid
    ("The United Nations airlifted food to Sudan.", "airlifted", "07"),
    ("Japan extended a loan to Vietnam.", "extended", "07"),
    ("Japan granted 10 million dollars to Nepal.", "granted", "07"),
    ("The UN deployed peacekeepers to Mali.", "deployed", "07"),
    # 08 yield
    ("The government bowed to pressure from the protesters.", "bowed", "08"),
    ("The rebels laid down their arms.", "laid", "08"),
    ("The army handed over power to a civilian government.", "handed", "08"),
    ("The regime legalized opposition parties.", "legalized", "08"),
    ("The government reopened the border crossing.", "reopened", "08"),
    # 09 investigate
    ("Police interrogated the suspects.", "interrogated", "09"),
    ("The commission looked into allegations of torture.", "looked", "09"),
    # 12 reject
    ("The opposition backed out of the deal.", "backed", "12"),
    # 14 protest
    ("Prisoners went on hunger strike.", "went", "14"),
    # 15 force posture: a military drill without a partner, a weapons test, a raised alert
    ("Russia held military drills near the border.", "drills", "15"),
    ("North Korea conducted a nuclear test.", "test", "15"),
    ("The army put troops on alert.", "put", "15"),
    ("Police stepped up security in the capital.", "stepped", "15"),
    # 16 reduce relations
    ("The United States withdrew its ambassador from Venezuela.", "withdrew", "16"),
    ("The United States placed Iran under sanctions.", "placed", "16"),
    ("Russia cut off gas supplies to Ukraine.", "cut", "16"),
    # 17 coerce
    ("Police put two journalists under house arrest.", "put", "17"),
    ("The UN imposed a news blackout.", "imposed", "17"),
    ("Authorities shut down the newspaper.", "shut", "17"),
    ("The government suspended the newspaper.", "suspended", "17"),
    ("The army imposed a lockdown on the city.", "imposed", "17"),
    ("Police broke up the demonstration.", "broke", "17"),
    # disbanding a party is a ban (1722), disbanding a militia a demobilization (0873)
    ("The government disbanded the opposition party.", "disbanded", "17"),
    ("The government disbanded the militia.", "disbanded", "08"),
    # 18 assault
    ("Gunmen took ten people hostage.", "took", "18"),
    ("Soldiers raped women in the village.", "raped", "18"),
    ("Insurgents planted a roadside bomb.", "planted", "18"),
    # 19 fight
    ("The army recaptured the city from the rebels.", "recaptured", "19"),
    ("Troops exchanged fire with militants.", "exchanged", "19"),
    ("Israeli and Palestinian forces traded fire.", "traded", "19"),
    ("Houthis launched missiles at Saudi Arabia.", "launched", "19"),
    ("The Syrian army bombarded rebel-held areas.", "bombarded", "19"),
    ("Rebels overran the army base.", "overran", "19"),
    ("The militia seized the oil field.", "seized", "19"),
    # 13 threaten: a vow to crush, to sanction or to cut ties is a threat, not cooperation
    ("The government vowed to crush the rebellion.", "vowed", "13"),
    ("The United States vowed to impose sanctions on Iran.", "vowed", "13"),
    ("Britain pledged to sever ties with Iran.", "pledged", "13"),
    # 16: suspending cooperation reduces relations
    ("Iran suspended cooperation with the IAEA.", "suspended", "16"),
    # 20 mass violence
    ("Serbia engaged in ethnic cleansing.", "cleansing", "20"),
    ("The army drove thousands of villagers from their homes.", "drove", "20"),
    ("Government forces used chemical weapons against civilians.", "weapons", "20"),
    ("Beijing announced import duties on American goods.", "duties", "16"),
    ("The president proposed slapping billions in tariffs on Chinese goods.", "proposed", "13"),
    ("The minister called the decision unjustified.", "called", "11"),
    ("The delegation expressed deep concern over the raid by Israel.", "expressed", "11"),
    ("Officials pushed back on the accusations.", "pushed", "12"),
    ("Kenya and Somalia struck a deal on border security.", "struck", "05"),
    ("Kenyan prosecutors charged two men with terrorism.", "charged", "17"),
    ("Russia renewed its denial of the allegations.", "denial", "01"),
]


def _found(events) -> set[tuple[str, str]]:
    return {(e.trigger.split()[0], e.root) for e in events}


@pytest.mark.parametrize(("text", "trigger", "root"), CASES)
def test_vocabulary(events_of, text, trigger, root):
    events = events_of(text)
    assert (trigger, root) in _found(events), _found(events)


# PLOVER types that these words must give (the crosswalk of the code the patterns pick).
PLOVER_CASES = [
    ("Gunmen took ten people hostage.", "took", "COERCE"),
    ("The rebels laid down their arms.", "laid", "RETREAT"),
    ("Russia held military drills near the border.", "drills", "MOBILIZE"),
    ("Iran called for an end to the fighting.", "called", "REQUEST"),
    ("The United States withdrew its ambassador from Venezuela.", "withdrew", "SANCTION"),
]


@pytest.mark.parametrize(("text", "trigger", "plover"), PLOVER_CASES)
def test_vocabulary_plover(events_of, text, trigger, plover):
    found = {(e.trigger.split()[0], e.plover) for e in events_of(text)}
    assert (trigger, plover) in found, found


# Words that must NOT give these roots: the constraint that keeps them apart.
NEGATIVE = [
    # trading goods is trade, not fire
    ("The two countries traded goods.", "19"),
    # withdrawing an ambassador is no military retreat
    ("The United States withdrew its ambassador from Venezuela.", "08"),
    # a drill held with a partner is cooperation; alone it is no cooperation
    ("Russia held military drills near the border.", "06"),
    # a news blackout is no protest
    ("The UN imposed a news blackout.", "14"),
    # a vow to crush is no promise of cooperation
    ("The government vowed to crush the rebellion.", "03"),
]


@pytest.mark.parametrize(("text", "root"), NEGATIVE)
def test_vocabulary_not(events_of, text, root):
    assert root not in {e.root for e in events_of(text)}


def test_pushing_forces_back_is_no_rejection(events_of):
    found = _found(events_of("Kenyan forces pushed the militants back from the border."))
    assert ("pushed", "12") not in found, found


def test_repelling_an_attack_is_fighting(events_of):
    assert ("repelled", "19") in _found(events_of(
        "Kenyan troops repelled an attack by Somali militants near the border."))
