"""toolkit/__init__.py: every public name resolves, from the module it is listed under, and nothing heavy is
imported before it is used."""

import subprocess
import sys

import pytest

import toolkit


@pytest.mark.parametrize("name", toolkit.__all__)
def test_every_public_name_resolves(name):
    assert getattr(toolkit, name) is not None


@pytest.mark.parametrize(("module", "names"), list(toolkit._API.items()))
def test_names_come_from_their_module(module, names):
    mod = getattr(toolkit, module)
    assert mod.__name__ == f"toolkit.{module}"
    for name in names:
        assert getattr(toolkit, name) is getattr(mod, name)


def test_a_name_is_listed_once():
    names = [n for names in toolkit._API.values() for n in names]
    assert len(names) == len(set(names)) and not set(names) & set(toolkit._API)


def test_import_is_lazy():
    heavy = "('pandas', 'numpy', 'sklearn', 'toolkit.normalization')"
    code = f"import sys, toolkit; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_unknown_name():
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        toolkit.nothing  # noqa: B018
