"""Dictionary data: counts, validation errors naming file and line, user merges."""

from __future__ import annotations

import pytest

from flashpoint.dictionaries import (load_dictionaries, merge_user_dictionary, person_role,
                                     read_file)
from flashpoint.errors import DataFileError


def test_builtin_counts():
    counts = load_dictionaries().counts()
    assert counts["people"] >= 600
    assert counts["countries"] >= 190
    assert counts["organizations"] >= 100
    assert counts["agents"] >= 100


def test_every_country_code_is_iso_shaped():
    for iso, c in load_dictionaries().countries.items():
        assert len(iso) == 3 and len(c.iso2) == 2


@pytest.mark.parametrize("body,problem", [
    ("people:\n- {name: X Y, country: USA, sector: BOSS}\n", "unknown sector 'BOSS'"),
    ("people:\n- {name: X Y, country: ZZZ, sector: GOV}\n", "unknown country code 'ZZZ'"),
    ("people:\n- {name: X Y, country: USA, roles: [2020-13-01.. GOV Mayor]}\n", "bad date"),
    ("people:\n- {name: X Y, country: USA, roles: [GOV Mayor]}\n", "bad role"),
    ("countries:\n- {id: usa, iso2: US, name: Foo}\n", "bad ISO 3166-1 alpha-3"),
    ("organizations:\n- {id: A, name: A, sector: GOV}\n- {id: A, name: B, sector: GOV}\n",
     "duplicate organizations id 'A'"),
    ("people:\n- {name: X Y, country: USA, sector: GOV, colour: red}\n", "unknown key"),
    ("peeple: []\n", "unknown section"),
    ("people: [\n", "not valid YAML"),
    # peoples: ethnic and religious communities
    ("peoples:\n- {name: Foo, country: ZZZ}\n", "unknown country code 'ZZZ'"),
    ("peoples:\n- {name: Foo}\n", "needs a 'country'"),
    ("peoples:\n- {name: Foo, country: NGA}\n- {name: Foo, country: KEN}\n",
     "duplicate peoples"),
    ("peoples:\n- {name: Foo, country: NGA}\n- {name: Bar, aliases: [Foo], country: KEN}\n",
     "duplicate peoples name 'Foo'"),
    ("peoples:\n- {name: Foo, country: NGA, sector: CVL}\n", "unknown key"),
    ("peoples:\n- {name: Foo, aliases: [Nigerians], country: NGA}\n",
     "already a country's name"),
])
def test_validation_errors_name_file_and_line(tmp_path, body, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_file(path, known=load_dictionaries().countries)
    assert problem in str(err.value)
    assert str(path) in str(err.value) and err.value.line is not None


def test_error_line_points_at_the_entry(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("people:\n- {name: A B, country: USA, sector: GOV}\n"
                    "- {name: C D, country: USA, sector: NOPE}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_file(path, known=load_dictionaries().countries)
    assert err.value.line == 3


def test_user_dictionary_merges_over_builtins(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text(
        "people:\n"
        "- {id: donald_trump, name: Donald Trump, country: USA, sector: BUS}\n"
        "- {name: Zara Quill, country: GBR, roles: ['2019-01-01.. GOV Mayor of Testville']}\n"
        "organizations:\n- {id: TEST_FRONT, name: Test Liberation Front, country: IRQ, "
        "sector: REB}\n", encoding="utf-8")
    dicts = load_dictionaries(extra=(str(path),))
    assert dicts.people["donald_trump"].sector == "BUS"
    assert dicts.people["zara_quill"].roles[0].title == "Mayor of Testville"
    assert dicts.organizations["TEST_FRONT"].country == "IRQ"
    assert "TEST_FRONT" not in load_dictionaries().organizations  # built-ins untouched


def test_bad_user_dictionary_is_an_error(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text("people:\n- {name: Q, country: XXX, sector: GOV}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="extra.yaml:2"):
        merge_user_dictionary(load_dictionaries(), path)


def test_user_dictionary_reaches_the_pipeline(tmp_path):
    from flashpoint.config import Settings
    from flashpoint.nlp.pipeline import build_pipeline

    path = tmp_path / "extra.yaml"
    path.write_text("organizations:\n- {id: TLF, name: Test Liberation Front, country: IRQ, "
                    "sector: REB}\n", encoding="utf-8")
    nlp = build_pipeline(Settings(actor_dictionaries=(path,)))
    doc = nlp("The Test Liberation Front claimed the attack.")
    assert [a.code for a in doc._.fp_actors if a.entry == "TLF"] == ["IRQREB"]


@pytest.mark.parametrize("pid,date,expected", [
    ("donald_trump", "2020-01-03", ("USA", "GOV", "President")),
    ("donald_trump", "2022-01-01", ("USA", "ELI", "former President")),
    ("qassem_soleimani", "2023-01-01", ("IRN", "MIL", "Commander of the Quds Force")),
    ("antonio_guterres", "2020-01-01", (None, "IGO", "UN Secretary-General")),
    ("benjamin_netanyahu", "2022-01-01", ("ISR", "OPP", "Opposition Leader")),
    ("abu_mahdi_al_muhandis", "2010-01-01", ("IRQ", "REB", None)),
])
def test_person_role_by_date(pid, date, expected):
    assert tuple(person_role(load_dictionaries().people[pid], date)) == expected
