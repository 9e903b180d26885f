"""Plain-text articles: the headline line as title, and a date from the top of the text.

Every text here was written for these tests. Negative cases matter as much as positive ones:
a wrong date or a sentence taken for a title is worse than none.
"""

import pytest

from flashpoint.readers import read_inputs
from flashpoint.readers.plaintext import text_date, text_title
from flashpoint.schema import ARTICLE_DATE_BASES

BODY = "Troops fired on border posts overnight, the ministry said.\n\nTwo soldiers died."


@pytest.mark.parametrize("text,title", [
    (f"Border clash kills two soldiers\n\n{BODY}", "Border clash kills two soldiers"),
    (f"Border clash kills two soldiers\n{BODY}", "Border clash kills two soldiers"),
    (f"Will the truce hold?\n\n{BODY}", "Will the truce hold?"),
    (f"\n\n  Talks resume in Doha  \n\n{BODY}", "Talks resume in Doha"),
    (f"'We will not yield', says minister\n\n{BODY}", "'We will not yield', says minister"),
    (f"Rebels seize town\n\nKOTOR, March 3 - {BODY}", "Rebels seize town"),
    # negative cases
    (BODY, None),                                                      # ends with a full stop
    ("Border clash kills two soldiers", None),                         # nothing but the line
    ("Troops fired on border posts overnight and the ministry said on Tuesday that\n"
     "two soldiers had died in the exchange of fire near the village.", None),  # too long
    ("The ministry said on Tuesday that it would\nclose the crossing at dawn.", None),
    ("Troops fired on the posts and the army\nsaid two soldiers had died there.", None),
    ("Troops fired on the posts overnight\nand two soldiers had died by dawn.", None),
    ("Troops fired on the posts overnight\nTwo soldiers had died by dawn, and more", None),
    (f"KOTOR, March 3 (Wire) - {BODY}", None),                         # a dateline
    (f"KOTOR (Wire) - Troops fired\n\n{BODY}", None),
    (f"March 3, 2025\n\n{BODY}", None),                                # a date line
    (f"the border clash\n\n{BODY}", None),                             # lower case
    (f"Border clash, day two:\n\n{BODY}", None),                       # ends with a colon
    ("Border clash kills two soldiers and " + "many " * 10 + "more\n\n" + BODY, None),
])
def test_title_from_the_first_line(text, title):
    assert text_title(text) == title


@pytest.mark.parametrize("text,year_from,expected", [
    ("NAIROBI, Kenya, March 3, 2025 (Wire) - Police fired.", None, ("2025-03-03", "dateline")),
    ("WASHINGTON \u2014 Jan. 5, 2025 \u2014 The talks ended.", None, ("2025-01-05", "dateline")),
    ("WASHINGTON, Jan. 5, 2025, the envoy said talks ended.", None, ("2025-01-05", "dateline")),
    ("Headline here\n\nKOTOR, 3 March 2025 - Shelling resumed.", None, ("2025-03-03", "dateline")),
    ("NAIROBI, Kenya, March 3 (Wire) - Police fired.", "2025-03-05",
     ("2025-03-03", "dateline+given-year")),
    ("KOTOR, Dec. 31 - Shelling resumed.", "2025-01-02", ("2024-12-31", "dateline+given-year")),
    ("March 3, 2025\nPolice fired on protesters.", None, ("2025-03-03", "first-line")),
    ("Talks resume\nMonday, 3 March 2025 10:32 GMT\n\nDiplomats met.", None,
     ("2025-03-03", "first-line")),
    ("Talks resume\nPublished: 2025-03-03\n\nDiplomats met.", None, ("2025-03-03", "first-line")),
    # negative cases: no date is better than a guessed one
    ("NAIROBI, Kenya, March 3 (Wire) - Police fired.", None, None),   # no year known
    ("KOTOR (Wire) - Police fired on March 3, 2025.", None, None),     # dateline without date
    ("Police fired on protesters on March 3, 2025.", None, None),      # a date in a sentence
    ("In 1978 the treaty was signed.\n\nIt lapsed in 2024.", None, None),
    ("NAIROBI, March 3 the police fired.", "2025-03-05", None),       # no dash, no year
    ("KOTOR, Feb. 30, 2025 - Shelling.", None, None),                  # no such day
    ("Talks resume\n\nTroops left.\n\nMore.\n\nMarch 3, 2025", None, None),  # not at the top
    ("Talks resume\nMarch 2025\n\nDiplomats met.", None, None),        # no day
    ("KOTOR, March 3, 2125 - Shelling resumed.", None, None),          # in the future
])
def test_date_from_a_dateline_or_date_line(text, year_from, expected):
    assert text_date(text, year_from=year_from) == expected


def _one(path, **kw):
    [article] = list(read_inputs([str(path)], **kw))
    return article


def test_text_file_gets_title_date_and_basis_and_keeps_its_text(tmp_path):
    text = "Rebels seize river town\n\nKOTOR, March 3, 2025 (Wire) - Rebels took the town.\n"
    path = tmp_path / "005.txt"
    path.write_text(text)
    article = _one(path)
    assert (article.id, article.title) == ("005", "Rebels seize river town")
    assert (article.date, article.date_basis) == ("2025-03-03", "dateline")
    assert article.text == text  # nothing removed: offsets stay those of the file
    assert article.to_json()["date_basis"] == "dateline"


def test_date_precedence_file_name_then_text_then_option(tmp_path):
    text = "KOTOR, March 3, 2025 - Rebels took the town.\n"
    named = tmp_path / "2025-03-04_kotor.txt"
    named.write_text(text)
    assert (_one(named, default_date="2020-01-01").date_basis) == "file-name"
    plain = tmp_path / "kotor.txt"
    plain.write_text(text)
    assert _one(plain, default_date="2020-01-01").date == "2025-03-03"
    undated = tmp_path / "undated.txt"
    undated.write_text("Rebels took the town on Tuesday.\n")
    assert (_one(undated).date, _one(undated).date_basis) == (None, None)
    article = _one(undated, default_date="2020-01-01")
    assert (article.date, article.date_basis) == ("2020-01-01", "given")


def test_jsonl_date_field_and_dateline_fallback(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Troops left.", "date": "2025-03-03"}\n'
                    '{"id": "b", "text": "KOTOR, March 3, 2025 - Troops left."}\n'
                    '{"id": "c", "text": "Troops left."}\n')
    a, b, c = read_inputs([str(path)])
    assert (a.date, a.date_basis) == ("2025-03-03", "field")
    assert (b.date, b.date_basis) == ("2025-03-03", "dateline")
    assert (c.date, c.date_basis) == (None, None)


def test_every_basis_a_reader_can_set_is_documented():
    assert {"file-name", "page", "field", "dateline", "dateline+given-year", "first-line",
            "given"} == set(ARTICLE_DATE_BASES)
