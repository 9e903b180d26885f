"""A named possessor of a title is an actor of its own; names follow the article's spelling."""

from __future__ import annotations

from flashpoint.nlp.extensions import records


def _actors(nlp, text, date="2025-03-14"):
    doc = nlp.make_doc(text)
    doc._.fp_article_date = date
    return records(nlp(doc), "fp_actors")


def test_possessor_of_a_title_is_its_own_actor(nlp):
    actors = {a.name: a for a in _actors(nlp, "Donald Trump's envoy visited Moscow.")}
    assert actors["Donald Trump"].entry == "donald_trump"
    envoy = next(a for name, a in actors.items() if "envoy" in name)
    assert (envoy.country, envoy.sector) == ("USA", "GOV")


def test_name_as_the_article_spells_it(nlp):
    names = {a.entry: a.name for a in _actors(
        nlp, "Volodymyr Zelenskyy met Emmanuel Macron in Paris.")}
    assert names["volodymyr_zelensky"] == "Volodymyr Zelenskyy"
    names = {a.entry: a.name for a in _actors(
        nlp, "Volodymyr Zelensky met Emmanuel Macron. Zelenskyy thanked him.")}
    assert names["volodymyr_zelensky"] == "Volodymyr Zelensky"


def test_an_acronym_the_article_defines_is_the_same_actor(nlp):
    text = ("The Counter Terrorism Department, or CTD, said it had arrested three men in "
            "Lahore. CTD arrested two more men in Karachi on Tuesday.")
    actors = [a for a in _actors(nlp, text) if "CTD" in a.name or "Terrorism" in a.name]
    assert [a.name for a in actors] == ["Counter Terrorism Department"], actors
    assert len(actors[0].mentions) >= 2
    # an acronym the text does not define stays its own
    other = _actors(nlp, "The Counter Terrorism Department said it arrested three men. "
                         "CTD arrested two more men on Tuesday.")
    assert "CTD" in {a.name for a in other}


def test_an_office_title_names_its_jurisdiction(nlp):
    codes = {a.name: (a.country, a.sector) for a in _actors(
        nlp, "Garissa County Commissioner Ali Hassan said police arrested two men.")}
    assert codes["Ali Hassan"] == ("KEN", "GOV")
    # a newspaper's city is no jurisdiction of its reporter
    codes = {a.name: a.country for a in _actors(
        nlp, "Washington Post reporter John Smith said the talks failed.")}
    assert codes.get("John Smith") is None
