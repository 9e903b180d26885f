"""The load test in short form: a real server on 127.0.0.1, 50 requests/s for 5 s each on
GET /events and POST /analyze. ``python -m flashpoint.loadtest`` runs the full 200/s x 30 s
(figures in docs/reliability.md)."""

from __future__ import annotations

import pytest

from flashpoint.errors import SettingError
from flashpoint.loadtest import HOST, run


def test_short_load_has_no_errors_and_p99_under_half_a_second(tmp_path):
    results = run(rate=50, duration=5, endpoints=("events", "analyze"), events=2000,
                  db=tmp_path / "load.duckdb")
    for figures in results:
        print(figures.line())
        assert figures.errors == 0, figures.first_error
        assert figures.ok == figures.sent == 250
        assert figures.p99_ms < 500, figures.line()


def test_traffic_goes_to_loopback_only():
    assert HOST == "127.0.0.1"


@pytest.mark.parametrize("kwargs", [{"endpoints": ("nope",)}, {"rate": 0}, {"duration": -1}])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(SettingError):
        run(**kwargs)
