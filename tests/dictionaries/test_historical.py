"""Heads of state and government of 1975-1999 (people_1975_1999.yaml): dated roles, states
that no longer exist coded as their successors, and names in sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.dictionaries import load_dictionaries, person_role


@pytest.fixture(scope="module")
def people():
    return load_dictionaries().people


@pytest.mark.parametrize(("pid", "date", "country", "sector", "title"), [
    ("francois_mitterrand", "1988-05-20", "FRA", "GOV", "President"),
    ("helmut_kohl", "1990-10-03", "DEU", "GOV", "Chancellor"),
    ("margaret_thatcher", "1977-01-01", "GBR", "OPP", "Leader of the Opposition"),
    ("margaret_thatcher", "1985-06-01", "GBR", "GOV", "Prime Minister"),
    ("leonid_brezhnev", "1979-12-27", "RUS", "GOV", "Soviet Leader"),  # the USSR is coded RUS
    ("josip_broz_tito", "1979-01-01", "SRB", "GOV", "President of Yugoslavia"),
    ("juvenal_habyarimana", "1994-04-01", "RWA", "GOV", "President"),
    ("jonas_savimbi", "1992-09-30", "AGO", "REB", "Leader of UNITA"),
    ("pol_pot", "1977-04-17", "KHM", "GOV", "Prime Minister of Democratic Kampuchea"),
    ("pol_pot", "1985-01-01", "KHM", "REB", "Leader of the Khmer Rouge"),
    ("oliver_tambo", "1985-01-01", "ZAF", "OPP", "President of the ANC"),
    ("anwar_sadat", "1978-09-17", "EGY", "GOV", "President"),
    ("yitzhak_rabin", "1986-01-01", "ISR", "MIL", "Defence Minister"),
    ("dzhokhar_dudayev", "1995-01-01", "RUS", "SEP", "Chechen Separatist President"),
    # pre-2000 roles of people whose main entry is in the modern files
    ("yasser_arafat", "1988-11-15", "PSE", "GOV", "Chairman of the PLO"),  # the PLO is coded GOV
    ("yasser_arafat", "1996-01-20", "PSE", "GOV", "President of the Palestinian Authority"),
    ("nelson_mandela", "1992-06-01", "ZAF", "OPP", "President of the ANC"),
    ("nelson_mandela", "1995-06-24", "ZAF", "GOV", "President"),
    ("mir_hossein_mousavi", "1985-01-01", "IRN", "GOV", "Prime Minister"),
    ("donald_rumsfeld", "1976-06-01", "USA", "MIL", "Secretary of Defense"),
    ("dick_cheney", "1991-01-17", "USA", "MIL", "Secretary of Defense"),
    ("jacques_chirac", "1975-01-01", "FRA", "GOV", "Prime Minister"),
    ("jacques_chirac", "1987-01-01", "FRA", "GOV", "Prime Minister"),  # PM wins over the mayoralty
    ("jacques_chirac", "1990-01-01", "FRA", "GOV", "Mayor of Paris"),
    ("ariel_sharon", "1982-06-06", "ISR", "MIL", "Defence Minister"),
    ("shimon_peres", "1985-01-01", "ISR", "GOV", "Prime Minister"),
    ("shimon_peres", "1993-09-13", "ISR", "GOV", "Foreign Minister"),
    ("ehud_barak", "1992-01-01", "ISR", "MIL", "IDF Chief of Staff"),
    ("vladimir_putin", "1999-01-01", "RUS", "SPY", "FSB Director"),
    ("vladimir_putin", "2000-01-15", "RUS", "GOV", "Acting President"),
    ("boris_yeltsin", "1991-01-01", "RUS", "GOV", "Chairman of the Russian Supreme Soviet"),
    ("hosni_mubarak", "1979-01-01", "EGY", "GOV", "Vice President"),
    ("akbar_hashemi_rafsanjani", "1985-01-01", "IRN", "LEG", "Speaker of Parliament"),
    ("saddam_hussein", "1975-03-06", "IRQ", "GOV", "Vice President"),
    ("kofi_annan", "1995-01-01", None, "IGO", "UN Peacekeeping Chief"),
    ("yoweri_museveni", "1983-01-01", "UGA", "REB", "Leader of the National Resistance Army"),
    ("robert_mugabe", "1983-01-01", "ZWE", "GOV", "Prime Minister"),
    ("paul_kagame", "1993-01-01", "RWA", "REB", "Commander of the Rwandan Patriotic Front"),
    ("paul_kagame", "1996-01-01", "RWA", "GOV", "Vice President and Defence Minister"),
    ("slobodan_milosevic", "1995-11-21", "SRB", "GOV", "President of Serbia"),
    ("benazir_bhutto", "1989-06-01", "PAK", "GOV", "Prime Minister"),
    ("nawaz_sharif", "1991-06-01", "PAK", "GOV", "Prime Minister"),
    ("atal_bihari_vajpayee", "1978-01-01", "IND", "GOV", "External Affairs Minister"),
    ("ruhollah_khomeini", "1978-11-01", "IRN", "OPP", "Exiled Opposition Leader"),
    ("tony_blair", "1995-01-01", "GBR", "OPP", "Leader of the Opposition"),
    ("mullah_omar", "1998-08-20", "AFG", "GOV", "Supreme Leader"),
    ("pope_francis", "2001-01-01", "ARG", "REL", "Archbishop of Buenos Aires"),
])
def test_role_at_a_date_in_the_term(people, pid, date, country, sector, title):
    code = person_role(people[pid], date)
    assert (code.country, code.sector, code.title) == (country, sector, title)


def test_igo_posts_have_no_country_and_home_country_after(people):
    ghali = people["boutros_boutros_ghali"]
    assert person_role(ghali, "1994-06-01").country is None
    assert person_role(ghali, "1994-06-01").sector == "IGO"
    assert person_role(ghali, "1985-06-01")[:2] == ("EGY", "GOV")
    carrington = people["lord_carrington"]
    assert person_role(carrington, "1986-01-01").title == "NATO Secretary-General"


def test_role_for_another_country(people):
    shevardnadze = people["eduard_shevardnadze"]
    assert person_role(shevardnadze, "1987-12-08")[:2] == ("RUS", "GOV")  # Soviet FM
    assert person_role(shevardnadze, "1995-01-01")[:2] == ("GEO", "GOV")


def test_before_the_first_and_after_the_last_role(people):
    after = person_role(people["ronald_reagan"], "1990-01-01")
    assert after.sector == "ELI" and after.title == "former President"
    dead = person_role(people["anwar_sadat"], "1990-01-01")  # the dead keep their last role
    assert dead.sector == "GOV" and dead.title == "President"


def test_no_historical_person_duplicates_a_modern_entry():
    people = load_dictionaries().people
    historical = [p for p in people.values() if "people_1975_1999" in p.source]
    assert len(historical) >= 250
    assert len({p.country for p in historical if p.country}) >= 120
    modern = {p.name for p in people.values() if "people_1975_1999" not in p.source}
    assert not {p.name for p in historical} & modern


@pytest.fixture(scope="module")
def coded():
    from flashpoint.actors import actor_at
    from flashpoint.nlp.pipeline import get_nlp
    nlp = get_nlp()

    def _code(text: str, phrase: str, date: str):
        doc = nlp.make_doc(text)
        doc._.fp_article_date = date
        doc = nlp(doc)
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        actor = actor_at(doc, span.end - 1)
        return None if actor is None else actor.code
    return _code


@pytest.mark.parametrize(("text", "phrase", "date", "expected"), [
    ("President Francois Mitterrand met Chancellor Helmut Kohl in Paris.",
     "Francois Mitterrand", "1988-05-20", "FRAGOV"),
    ("President Francois Mitterrand met Chancellor Helmut Kohl in Paris.",
     "Helmut Kohl", "1988-05-20", "DEUGOV"),
    ("Colonel Kadhafi received the Ugandan leader Idi Amin.", "Idi Amin", "1977-03-01",
     "UGAGOV"),
    ("Rebel leader Jonas Savimbi rejected the talks.", "Jonas Savimbi", "1993-01-10", "AGOREB"),
    # a bare surname shared across eras goes to the holder at the article date
    ("Carter said the hostages would come home.", "Carter", "1980-04-20", "USAGOV"),
    ("Kenyatta opened the new parliament building.", "Kenyatta", "1975-06-01", "KENGOV"),
])
def test_sentences(coded, text, phrase, date, expected):
    assert coded(text, phrase, date) == expected


# People of the modern files with the pre-2000 roles they held (merged into their one entry).


def test_pre_2000_roles_end_where_the_modern_ones_begin(people):
    assert person_role(people["yasser_arafat"], "2010-01-01").title == \
        "President of the Palestinian Authority"  # the dead keep the last role
    cheney = person_role(people["dick_cheney"], "1997-01-01")
    assert (cheney.sector, cheney.title) == ("ELI", "former Secretary of Defense")
    assert person_role(people["mahmoud_abbas"], "2005-06-01").title == \
        "President of the Palestinian Authority"


@pytest.mark.parametrize(("pid", "date", "country", "title"), [
    # heads of state and government of 2000-2026 from people_2000_2026_gaps.yaml
    ("levy_mwanawasa", "2005-06-01", "ZMB", "President"),
    ("dalia_grybauskaite", "2014-03-01", "LTU", "President"),
    ("susilo_bambang_yudhoyono", "2009-01-01", "IDN", "President"),
    ("ellen_johnson_sirleaf", "2011-10-07", "LBR", "President"),
    ("mahinda_rajapaksa", "2009-05-18", "LKA", "President"),
    ("mahinda_rajapaksa", "2020-06-01", "LKA", "Prime Minister"),
    ("jose_mujica", "2012-01-01", "URY", "President"),
    ("jan_peter_balkenende", "2006-01-01", "NLD", "Prime Minister"),
    ("kevin_rudd", "2013-08-01", "AUS", "Prime Minister"),
    ("mwai_kibaki", "2008-01-01", "KEN", "President"),
    ("beji_caid_essebsi", "2016-01-01", "TUN", "President"),
    ("fouad_siniora", "2006-07-20", "LBN", "Prime Minister"),
    ("ahmet_necdet_sezer", "2003-03-20", "TUR", "President"),
    ("umaru_musa_yar_adua", "2008-06-01", "NGA", "President"),
    ("andris_berzins_president", "2013-01-01", "LVA", "President"),
    ("andris_berzins_prime_minister", "2001-01-01", "LVA", "Prime Minister"),
    ("yousaf_raza_gilani", "2010-01-01", "PAK", "Prime Minister"),
    ("gloria_macapagal_arroyo", "2005-01-01", "PHL", "President"),
])
def test_heads_of_state_and_government_2000_2026(people, pid, date, country, title):
    code = person_role(people[pid], date)
    assert (code.country, code.sector, code.title) == (country, "GOV", title)
