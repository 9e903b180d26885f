"""The package's doctests, run by importing each module under its real name.

(pytest's own --doctest-modules over src/ names modules by path, which let our
``flashpoint.distributed`` shadow the real ``distributed`` package in a long run.)
"""

import doctest
import importlib
import pkgutil

import pytest

import flashpoint

MODULES = sorted(m.name for m in pkgutil.walk_packages(flashpoint.__path__, "flashpoint.")
                 if not m.name.endswith(("__main__", "make_world")))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
