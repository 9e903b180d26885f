"""``flashpoint ingest`` of plain-text articles: titles and dates read from the text, and a
warning naming the fixes when some articles have no date. Texts written for these tests."""

import duckdb

from flashpoint.cli.main import main

UNDATED = ("Ministers meet in Kotor\n\nForeign ministers of two neighbouring states met in "
           "Kotor on Tuesday to discuss the border.\n")
DATELINED = ("Rebels seize river town\n\nKOTOR, March 3, 2025 (Wire) - Rebels seized the "
             "river town after two days of fighting, officials said.\n")


def _ingest(capsys, folder, db, *extra):
    code = main(["ingest", str(folder), "--db", str(db), "--quiet", *extra])
    return code, capsys.readouterr().err


def test_undated_articles_are_counted_and_the_fixes_named(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "005.txt").write_text(UNDATED)
    (folder / "006.txt").write_text(UNDATED.replace("Tuesday", "Wednesday"))
    (folder / "007.txt").write_text(DATELINED)
    db = tmp_path / "s.duckdb"
    code, err = _ingest(capsys, folder, db)
    assert code == 0, err
    assert "2 articles have no date: name files YYYY-MM-DD_*.txt, pass --date, or give a " \
           "date column" in err
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT name, title, CAST(date AS VARCHAR), date_basis FROM articles "
                           "ORDER BY name").fetchall()
    assert rows == [("005", "Ministers meet in Kotor", None, None),
                    ("006", "Ministers meet in Kotor", None, None),
                    ("007", "Rebels seize river town", "2025-03-03", "dateline")]


def test_no_warning_when_every_article_has_a_date(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "2025-03-04_kotor.txt").write_text(UNDATED)
    (folder / "007.txt").write_text(DATELINED)
    code, err = _ingest(capsys, folder, tmp_path / "d.duckdb")
    assert code == 0 and "no date" not in err
    code, err = _ingest(capsys, folder, tmp_path / "e.duckdb", "--date", "2025-03-05")
    assert code == 0 and "no date" not in err
