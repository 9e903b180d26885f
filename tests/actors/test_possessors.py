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
