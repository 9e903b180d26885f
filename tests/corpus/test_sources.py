import pytest

from flashpoint.analysis import Failure
from flashpoint.corpus.sources import iter_articles, parse_csv_map
from flashpoint.errors import InputError
from flashpoint.schema import Article

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks</title><link>https://wire.example/a?utm_source=x</link>
<pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Iran and Iraq met.&lt;/p&gt;&lt;p&gt;They agreed.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/b</link><description></description></item>
</channel></rss>"""


def test_rss_feed(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS)
    items = list(iter_articles([str(feed)]))
    assert isinstance(items[0], Article)
    assert items[0].text == "Iran and Iraq met.\n\nThey agreed."
    assert (items[0].date, items[0].source, items[0].title) == ("2020-01-06", "Wire", "Talks")
    assert isinstance(items[1], Failure) and "no text" in str(items[1].error)


def test_a_feed_that_is_not_xml_is_one_clear_failure(tmp_path):
    feed = tmp_path / "broken.xml"
    feed.write_text("this is { not xml")
    [item] = list(iter_articles([str(feed)]))
    assert isinstance(item, Failure)
    assert str(item.error).startswith(str(feed)) and "not an RSS/Atom feed" in str(item.error)


def test_csv_with_a_mapping(tmp_path):
    data = tmp_path / "c.csv"
    data.write_text("key,body,published\n7,\"Iran, Iraq met.\",2020-01-06\n8,,2020-01-07\n")
    items = list(iter_articles([str(data)], csv_map=parse_csv_map("id=key,text=body,"
                                                                  "date=published")))
    assert items[0] == Article(id="7", text="Iran, Iraq met.", date="2020-01-06",
                               date_basis="field", origin=f"{data}:2")
    assert isinstance(items[1], Failure) and "is empty" in str(items[1].error)


def test_csv_without_the_mapped_column_fails_before_any_row(tmp_path):
    data = tmp_path / "c.csv"
    data.write_text("key,content\n1,Iran met Iraq.\n")
    [item] = list(iter_articles([str(data)], csv_map={"text": "body"}))
    assert isinstance(item, Failure)
    assert "text=body" in str(item.error) and "key, content" in str(item.error)


def test_bad_csv_map():
    with pytest.raises(InputError, match="FIELD=COLUMN"):
        parse_csv_map("headline")
