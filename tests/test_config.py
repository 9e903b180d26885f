import pytest

from flashpoint.config import Settings
from flashpoint.errors import SettingError


def test_settings_are_keyword_only_and_validated():
    with pytest.raises(TypeError):
        Settings("model")  # positional settings are refused
    with pytest.raises(SettingError, match="batch_size"):
        Settings(batch_size=0)
    with pytest.raises(SettingError, match="unknown setting"):
        Settings().replace(bogus=1)
    assert Settings().replace(workers=2).workers == 2
