"""text -> expected quotes, with the real model: marked, unmarked, reported; speakers."""

from __future__ import annotations

import pytest

from flashpoint.quotes import find_quotes
from flashpoint.schema import Actor, Mention


def _rows(doc):
    return [(q.text, q.direct, q.speaker.text if q.speaker else None,
             q.speaker.anonymous if q.speaker else None) for q in find_quotes(doc)]


@pytest.mark.parametrize("text, expected", [
    # marked, cue after / before / inverted
    ('"We will respond," Defense Minister Ali Hassan said.',
     [("We will respond,", True, "Defense Minister Ali Hassan", False)]),
    ("\u201cWe will not back down,\u201d said Jane Smith, a senior adviser.",
     [("We will not back down,", True, "Jane Smith", False)]),
    ('Jane Smith said: "The talks have failed."',
     [("The talks have failed.", True, "Jane Smith", False)]),
    ("\u00abThe border stays closed,\u00bb an Iraqi official told reporters.",
     [("The border stays closed,", True, "an Iraqi official", True)]),
    # reported speech
    ("The foreign minister said that the talks had collapsed.",
     [("that the talks had collapsed", False, "The foreign minister", False)]),
    ("People familiar with the matter warned the deal could fall apart.",
     [("the deal could fall apart", False, "People familiar with the matter", True)]),
    ("According to a senior administration official, the troops will stay.",
     [("the troops will stay", False, "a senior administration official", True)]),
    ("The troops will stay, according to John Doe.",
     [("The troops will stay", False, "John Doe", False)]),
    ("The government denied any involvement in the attack.",
     [("any involvement in the attack", False, "The government", False)]),
    # negative cases: no speech, a quoted title, a scare-quoted phrase
    ("The army moved north on Tuesday.", []),
    ('He is the author of "Vanguard of the Imam," a history of the Guard.', []),
    ('The so-called "maximum pressure" campaign continued.', []),
])
def test_quote_table(parse, text, expected):
    assert _rows(parse(text)) == expected


def test_stripped_marks_trailing_and_continuation(parse):
    doc = parse("The strike was a surprise to many.\n\n"
                "I cant believe it, one U.S. official said. The concern for me is: what next? "
                "Is this the start of a war?")
    rows = _rows(doc)
    assert rows[0] == ("I can't believe it", True, "one U.S. official", True)
    assert rows[1][0].startswith("The concern for me is") and rows[1][0].endswith("war?")
    assert rows[1][1:] == (True, "one U.S. official", True)


def test_stripped_marks_told_outlet(parse):
    # no quote marks in the article, and own words elsewhere ("I cant"): marks were stripped
    doc = parse("I cant say more, one official said.\n\n"
                "It is only fair for Iraq to try, but its a lost effort, a former Iraqi "
                "diplomat told POLITICO. The administration expects Iraq to pick a side.")
    quotes = find_quotes(doc)[1:]
    assert [q.rule for q in quotes] == ["unmarked:trailing", "unmarked:continuation"]
    assert all(q.direct and q.speaker.anonymous and q.speaker.country == "IRQ" for q in quotes)
    assert quotes[0].cue == "told"


def test_pronoun_speaker_resolves_to_earlier_source(parse):
    doc = parse("A former U.S. official who dealt with the region said the strike was notable."
                "\n\nWe need to be prepared for war, he said.")
    first, second = find_quotes(doc)
    assert first.speaker.text == "A former U.S. official who dealt with the region"
    assert second.speaker.text == "he"
    assert second.speaker.anonymous and second.speaker.country == "USA"
    assert second.direct


def test_description_speaker_resolves_to_latest_official(parse):
    doc = parse("One Saudi official said the talks would go on. A second Iraqi official said "
                "that a retaliation could occur anywhere.\n\n"
                "It could be anything, the official said.")
    last = find_quotes(doc)[-1]
    assert last.speaker.text == "the official"
    assert last.speaker.country == "IRQ" and last.speaker.anonymous


def test_named_pronoun_keeps_name(parse):
    doc = parse('John Smith said the strike was a shock.\n\n"Iran will respond," he said.')
    quote = find_quotes(doc)[-1]
    assert quote.speaker.text == "he" and quote.speaker.name == "John Smith"
    assert not quote.speaker.anonymous


def test_marked_quote_across_paragraphs_and_continuation(parse):
    doc = parse('"We are ready," the general said. "Our forces are in place.\n\n'
                '"Nobody should doubt it."\n\nThe army declined to comment further.')
    quotes = find_quotes(doc)
    assert [q.speaker.text for q in quotes] == ["the general"] * 2
    assert quotes[1].text.startswith("Our forces") and quotes[1].text.endswith("doubt it.")


def test_speaker_from_actor_mentions(parse):
    doc = parse('"We will respond," the ministry spokesman said.')
    spokesman = next(t for t in doc if t.text == "spokesman")
    doc._.fp_actors = [Actor(id="A1", name="Iranian foreign ministry", type="organization",
                             country="IRN", sector="GOV")]
    doc._.fp_actor_mentions = [Mention(spokesman.i - 1, spokesman.i + 1,
                                       doc[spokesman.i - 1].idx,
                                       spokesman.idx + len(spokesman), "A1", "agent")]
    speaker = find_quotes(doc)[0].speaker
    assert (speaker.actor, speaker.country, speaker.sector) == ("A1", "IRN", "GOV")
    # a spokesman with no name is an unnamed source (as event-data coders take it); the
    # body he speaks for still codes him
    assert speaker.anonymous


def test_offsets_point_into_the_doc(parse):
    doc = parse('Officials said the plan failed. "It is over," an aide said.')
    for q in find_quotes(doc):
        assert doc.text[q.span[0]:q.span[1]] == q.text
        assert doc.text[q.speaker.span[0]:q.speaker.span[1]] == q.speaker.text
        assert doc.text[q.cue_span[0]:q.cue_span[1]] == q.cue


@pytest.mark.parametrize("text", [
    '"Unbalanced, he said. And "nested "quotes" here," she said.',
    '"""" "" "',
    '"This quote runs to the end of the article, said the source',
    '\u201cOpen.\n\n\u201cStill open.\n\n\u201cAnd open',
    "",
])
def test_bad_input_gives_sensible_output(parse, text):
    quotes = find_quotes(parse(text))
    for q in quotes:
        assert 0 <= q.span[0] < q.span[1] <= len(text) + 5


def test_five_hundred_quotes(parse):
    text = "\n\n".join(f'"Statement number {i} is here," official {i} said.' for i in range(500))
    quotes = find_quotes(parse(text))
    assert len(quotes) == 500 and all(q.speaker is not None for q in quotes)


def test_pronoun_skips_subjects_of_subordinate_clauses(parse):
    doc = parse("Foreign Minister Mary Carter spoke on Monday. She said it was no condition "
                "that the governor resigns. \"We will wait,\" she said.")
    quotes = find_quotes(doc)
    assert quotes and quotes[-1].speaker.name == "Mary Carter", [q.speaker for q in quotes]


def test_a_word_quoted_inside_a_report_leaves_the_report_found(parse):
    doc = parse('The envoy said his trip to the region had been a "tremendous" success.')
    reported = [q for q in find_quotes(doc) if not q.direct]
    assert [q.text[:8] for q in reported] == ["his trip"], find_quotes(doc)
