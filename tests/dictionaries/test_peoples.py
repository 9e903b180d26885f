"""The peoples section: ethnic and religious communities with one home country."""

from __future__ import annotations


from flashpoint.dictionaries import load_dictionaries


def test_builtin_peoples():
    dicts = load_dictionaries()
    peoples = dicts.peoples
    assert len(peoples) >= 80
    assert all(p.country in dicts.countries for p in peoples.values())
    homes = {form: p.country for p in peoples.values() for form in p.forms}
    assert homes["Yoruba"] == homes["Ibo"] == homes["Igbos"] == "NGA"
    assert homes["Uighurs"] == "CHN" and homes["Rohingya"] == "MMR"
    assert homes["Crimean Tatars"] == "UKR" and homes["Tatars"] == "RUS"
    for ambiguous in ("Kurds", "Kurdish", "Druze", "Tamil", "Tamils", "Hutu", "Tutsi",
                      "Pashtun", "Tuareg"):
        assert ambiguous not in homes  # no single home country: left out on purpose


def test_peoples_do_not_repeat_nationalities():
    dicts = load_dictionaries()
    national = {t for c in dicts.countries.values()
                for t in (c.name, *c.aliases, *c.adjectives, *c.demonyms)}
    assert not national & {f for p in dicts.peoples.values() for f in p.forms}


def test_user_peoples_merge(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text("peoples:\n- {name: Testish, aliases: [Testishes], country: KEN}\n",
                    encoding="utf-8")
    dicts = load_dictionaries(extra=(str(path),))
    assert dicts.peoples["testish"].country == "KEN"
    assert "testish" not in load_dictionaries().peoples
