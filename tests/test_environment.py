import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_environment_yml_names_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = set(project["dependencies"]).union(*project["optional-dependencies"].values())
    env = (ROOT / "environment.yml").read_text()
    listed = set(re.findall(r"^\s+- ([A-Za-z][\w.\[\]-]*[<>=!~][^\s#]*)\s*$", env, re.M)) - {"python=3.12"}
    assert listed == wanted
    assert "- -e ." in env


def test_python_requirement():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.12"
    assert "python=3.12" in (ROOT / "environment.yml").read_text()


def test_no_reshaper_or_bidi():
    text = (ROOT / "pyproject.toml").read_text() + (ROOT / "environment.yml").read_text()
    assert "reshaper" not in text and "bidi" not in text
