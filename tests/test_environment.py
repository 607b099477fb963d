import importlib.util
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _environment_yml():
    spec = importlib.util.spec_from_file_location("environment_yml", ROOT / "scripts" / "environment_yml.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_environment_yml_is_written_from_the_lock():
    """conda users get the versions make setup installs: environment.yml is what `make lock` writes."""
    if not (Path(__import__("sys").executable).with_name("uv")).exists():
        pytest.skip("uv is installed by make setup")
    assert (ROOT / "environment.yml").read_text() == _environment_yml().render(), "run make lock"


def test_the_lock_pins_every_dependency_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    locked = {p["name"] for p in lock["package"]}
    wanted = set(project["dependencies"]).union(*project["optional-dependencies"].values())
    names = {w.split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower() for w in wanted}
    assert names <= locked


def test_python_requirement():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.12"
    assert "python=3.12" in (ROOT / "environment.yml").read_text()


def test_no_reshaper_or_bidi():
    text = (ROOT / "pyproject.toml").read_text() + (ROOT / "uv.lock").read_text()
    assert "reshaper" not in text and "python-bidi" not in text
