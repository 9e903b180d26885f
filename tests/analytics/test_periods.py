import datetime as dt

import pytest

from flashpoint.analytics.common import MAX_PERIODS, periods
from flashpoint.errors import SettingError


def test_a_series_too_long_is_refused_naming_the_limit():
    with pytest.raises(SettingError, match=f"{MAX_PERIODS:,} periods"):
        periods(dt.date(1, 1, 1), dt.date(9999, 12, 31), "day")


def test_the_last_representable_day_does_not_overflow():
    assert periods(dt.date(9999, 12, 30), dt.date(9999, 12, 31), "day")[-1] == dt.date(9999, 12, 31)
