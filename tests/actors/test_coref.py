"""Rule-based coreference: titles, definite descriptions, pronouns."""

from __future__ import annotations


def _refs(doc, via_prefix="coref"):
    names = {a.id: a.name for a in doc._.fp_actors}
    return {doc[m.start:m.end].text: names[m.ref] for m in doc._.fp_actor_mentions
            if m.via.startswith(via_prefix)}


def test_definite_description_points_back(parse):
    doc = parse("A drone strike killed Qassem Soleimani. Officials said the Iranian general "
                "had planned attacks.")
    assert _refs(doc)["the Iranian general"] == "Qassem Soleimani"


def test_title_points_to_office_holder(parse):
    doc = parse("Donald Trump ordered the strike. The president later defended it.",
                "2020-01-03")
    assert _refs(doc)["The president"] == "Donald Trump"


def test_pronouns(parse):
    doc = parse("Mike Pompeo flew to Riyadh. He met officials there. An Iraqi militia "
                "fired rockets, and the group said its fighters would continue.")
    refs = _refs(doc)
    assert refs["He"] == "Mike Pompeo"
    assert refs["the group"] == "Iraqi militia"
    assert refs["its"] == "Iraqi militia"


def test_the_official_prefers_same_description(parse):
    doc = parse("A senior Turkish official said talks would resume. Ali Veli met him. "
                "The official added that Ankara was ready.")
    assert _refs(doc)["The official"] == "senior Turkish official"


def test_possessive_pronoun_gives_country(parse):
    doc = parse("Boris Johnson and his aides left London.", "2020-01-03")
    aides = [a for a in doc._.fp_actors if "aides" in a.name]
    assert aides and aides[0].country == "GBR"


def test_a_clause_does_not_make_its_subject_its_own_object(nlp):
    from flashpoint.nlp.extensions import records

    doc = nlp("The Kenyan government on Monday banned the largest opposition organization "
              "in Mombasa.")
    names = {a.name for a in records(doc, "fp_actors")}
    events = [e for e in records(doc, "fp_events") if e.trigger == "banned"]
    assert events and all(e.target is None or e.target.name != "Kenyan government"
                          for e in events), (names, events)


def test_it_opening_a_sentence_continues_the_previous_subject(nlp):
    from flashpoint.nlp.extensions import records

    def linked(text):
        doc = nlp(text)
        actors = {a.id: a.name for a in records(doc, "fp_actors")}
        return {doc[m.start].text: actors[m.ref] for m in records(doc, "fp_actor_mentions")
                if m.via == "coref:pronoun"}

    assert linked("The Arab League condemned the raid. It also called for an inquiry.") \
        == {"It": "Arab League"}
    assert linked("Iran rejected the claims. It is likely that the talks will fail.") == {}
