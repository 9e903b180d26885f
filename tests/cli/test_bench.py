"""``flashpoint bench`` runs on what a user has: without ../shared/corpus it takes examples/
plus a generated corpus, and says so on its first line."""

import flashpoint.bench as bench
from flashpoint.cli.main import main
from flashpoint.corpus.generated import generated_article, write_generated_corpus
from flashpoint.readers import read_inputs


def test_without_shared_the_default_is_examples_plus_a_generated_corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "SHARED_CORPUS", tmp_path / "no-shared" / "corpus")
    inputs, label = bench.default_inputs(tmp_path / "generated")
    assert inputs == [str(bench.REPO / "examples"), str(tmp_path / "generated")]
    assert "generated articles" in label and "../shared/corpus is absent" in label
    assert len(list((tmp_path / "generated").glob("*.txt"))) == bench.GENERATED_ARTICLES


def test_with_shared_the_default_is_its_corpus(tmp_path, monkeypatch):
    corpus = tmp_path / "shared" / "corpus"
    corpus.mkdir(parents=True)
    monkeypatch.setattr(bench, "SHARED_CORPUS", corpus)
    assert bench.default_inputs(tmp_path / "unused") == ([str(corpus)], f"inputs: {corpus}")
    assert not (tmp_path / "unused").exists()


def test_generated_articles_are_deterministic_varied_and_read_like_news(tmp_path):
    assert generated_article(7) == generated_article(7)
    assert generated_article(7) != generated_article(8)
    assert generated_article(7, seed=1) != generated_article(7)
    write_generated_corpus(tmp_path, 5)
    articles = list(read_inputs([str(tmp_path)]))
    assert len(articles) == 5 and len({a.text for a in articles}) == 5
    for article in articles:
        assert article.title and article.date_basis == "file-name"
        assert 100 < len(article.text.split()) < 600


def test_bare_bench_prints_which_inputs_it_used(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench, "SHARED_CORPUS", tmp_path / "absent")
    monkeypatch.setattr(bench, "GENERATED_ARTICLES", 2)
    assert main(["bench", "--min-articles", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("inputs: ") and "2 generated articles" in out[0]
    assert out[1].startswith("articles: 5 ")  # 3 examples + 2 generated
