import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from flashpoint.errors import SettingError
from flashpoint.store.export import GDELT_COLUMNS, export_events
from flashpoint.store.queries import EventFilter
from flashpoint.store.rows import analysis_rows
from flashpoint.store.writer import write_rows
from flashpoint.corpus.dedup import recluster


@pytest.fixture
def store(con, make_analysis):
    write_rows(con, analysis_rows(make_analysis(n_events=2)))
    recluster(con)
    return con


def run(con, fmt, filters=None):
    out = io.BytesIO()
    n = export_events(con, fmt, out, filters)
    return n, out.getvalue()


def test_csv(store):
    n, data = run(store, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert n == len(rows) == 2
    assert rows[0]["cameo"] == "190" and rows[0]["context"] == "military"


def test_jsonl_and_filters(store):
    n, data = run(store, "jsonl", EventFilter(since="2021-01-01"))
    assert n == 0 and data == b""
    n, data = run(store, "jsonl")
    first = json.loads(data.splitlines()[0])
    assert first["source_code"] == "USAGOV" and first["date"] == "2020-01-03"


def test_parquet(store):
    n, data = run(store, "parquet")
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == n == 2 and "goldstein" in table.column_names


def test_gdelt_has_the_61_columns_in_order(store):
    n, data = run(store, "gdelt")
    lines = [line.split("\t") for line in data.decode().splitlines()]
    assert tuple(lines[0]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    row = dict(zip(lines[0], lines[1]))
    assert len(lines[1]) == 61
    assert row["Day"] == "20200103" and row["EventRootCode"] == "19"
    assert row["Actor1CountryCode"] == "USA" and row["Actor2Type1Code"] == "MIL"
    assert row["NumArticles"] == "1" and row["NumMentions"] == "2"  # one cluster, two mentions
    assert row["ActionGeo_Fullname"] == "Baghdad"


def test_plover_uses_polecat_names(store):
    n, data = run(store, "plover")
    record = json.loads(data.splitlines()[0])
    assert record["Event Type"] == "ASSAULT" and record["Event Mode"] == "aerial"
    assert record["Actor Country"] == "USA" and record["Recipient Name"] == "Qassem Soleimani"
    assert record["Quad Code"] == "MATERIAL CONFLICT"


def test_unknown_format(store):
    with pytest.raises(SettingError, match="csv, jsonl, parquet, gdelt, plover"):
        run(store, "xml")
