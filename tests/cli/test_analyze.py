import json
import subprocess
import sys

import pytest

from flashpoint.cli.main import main

CONTRACT_KEYS = {"schema_version", "article", "actors", "events", "quotes", "places"}
ARTICLE_KEYS = {"id", "title", "date", "source", "url", "text_sha256"}


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_one_article_prints_one_contract_object(tmp_path, capsys, example_text):
    path = tmp_path / "ruritania.txt"
    path.write_text(example_text)
    code, out, err = _run(capsys, "analyze", str(path), "--date", "2024-05-01")
    assert code == 0, err
    doc = json.loads(out)
    assert CONTRACT_KEYS <= doc.keys() and ARTICLE_KEYS <= doc["article"].keys()
    assert doc["article"]["id"] == "ruritania" and doc["article"]["date"] == "2024-05-01"
    for actor in doc["actors"]:
        for s, e in actor["mentions"]:
            assert 0 <= s < e <= len(example_text)
    for event in doc["events"]:
        s, e = event["span"]
        assert example_text[s:e] == event["sentence"]


def test_bad_inputs_fail_alone_and_exit_non_zero(tmp_path, capsys, example_text):
    good = tmp_path / "good.txt"
    good.write_text(example_text)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "bad.txt").write_bytes("na\u00efve ".encode() + b"\xc3\x28 text")
    code, out, err = _run(capsys, "analyze", str(tmp_path / "empty.txt"), str(good),
                          str(tmp_path / "binary.txt"), str(tmp_path / "bad.txt"))
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["id"] for d in lines] == ["good"]
    errors = err.strip().splitlines()
    assert len(errors) == 3
    assert "empty.txt: empty file" in errors[0]
    assert "binary.txt: binary data" in errors[1]
    assert "bad.txt: invalid UTF-8" in errors[2]


def test_out_dir_and_formats(tmp_path, capsys, example_text):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(example_text)
    (src / "b.md").write_text(example_text.replace("Tuesday", "Monday"))
    code, _, err = _run(capsys, "analyze", str(src), "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]
    code, out, _ = _run(capsys, "analyze", str(src / "a.txt"), "--format", "html")
    assert out.startswith("<!doctype html>") and "http" not in out.split("<body>")[0]
    code, out, _ = _run(capsys, "analyze", str(src / "a.txt"), "--format", "table")
    assert "Events" in out and "Actors" in out


def test_jsonl_input_and_output(tmp_path, capsys, example_text):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": example_text, "date": "2024-01-02"}) + "\n"
                    + "{broken\n" + json.dumps({"id": "x2", "text": example_text}) + "\n")
    code, out, err = _run(capsys, "analyze", str(path), "--format", "jsonl")
    assert code == 1
    ids = [json.loads(line)["article"]["id"] for line in out.splitlines()]
    assert ids == ["x1", "x2"]
    assert f"{path}:2: not valid JSON" in err


def test_non_english_is_refused_naming_the_language(tmp_path, capsys):
    path = tmp_path / "es.txt"
    path.write_text("El gobierno de Ruritania dijo el martes que las tropas no se retirarán de la "
                    "frontera, y que los ataques contra la ciudad continuarán por ahora.")
    code, _, err = _run(capsys, "analyze", str(path))
    assert code == 1 and "Spanish" in err


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "x.txt", "--date", "03/01/2020"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_console_script_and_stdin(example_text):
    out = subprocess.run([sys.executable, "-m", "flashpoint.cli", "analyze", "-"],
                         input=example_text.encode(), capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)["article"]["id"] == "stdin"


def test_seed_spans_index_the_original_text(seed_text, capsys, shared):
    code, out, err = _run(capsys, "analyze", str(shared / "seed" / "soleimani_2020-01-03.txt"),
                          "--date", "2020-01-03")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["article"]["date"] == "2020-01-03"
    for event in doc["events"]:
        s, e = event["span"]
        assert seed_text[s:e] == event["sentence"]
    for quote in doc["quotes"]:
        s, e = quote["span"]
        assert seed_text[s:e] == quote["text"]
    for group in ("actors", "places"):
        for item in doc[group]:
            for s, e in item["mentions"]:
                assert 0 <= s < e <= len(seed_text) and seed_text[s:e].strip()


def test_workers_give_the_same_result_in_order(tmp_path, capsys, example_text):
    for i, day in enumerate(["Monday", "Tuesday", "Friday"]):
        (tmp_path / f"a{i}.txt").write_text(example_text.replace("Tuesday", day))
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    _, one, err_one = _run(capsys, "analyze", str(tmp_path), "--format", "jsonl")
    code, two, err_two = _run(capsys, "analyze", str(tmp_path), "--format", "jsonl",
                              "--workers", "2", "--batch-size", "1")
    assert code == 1 and err_one == err_two and "bad.txt" in err_two
    assert one == two


def test_long_articles_are_cut_after_blank_lines_first():
    from flashpoint.analysis import paragraph_chunks

    text = "aa\n\nbb\ncc\n\ndd"
    assert [text[a:b] for a, b in paragraph_chunks(text, 7)] == ["aa\n\n", "bb\ncc\n\n", "dd"]
