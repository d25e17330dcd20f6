"""pyproject.toml (its dependencies and the "lab" extra) and environment.yml must install the same
packages with the same ranges."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _parse(requirement: str) -> tuple[str, str]:
    name, spec = REQUIREMENT.match(requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_installs_what_pyproject_requires():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_parse(requirement) for requirement in project["dependencies"] + project["optional-dependencies"]["lab"])

    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = {}
    for entry in environment["dependencies"]:
        entries = entry["pip"] if isinstance(entry, dict) else [entry]
        for requirement in entries:
            if requirement.startswith("-e") or requirement in {"pip"}:
                continue
            name, spec = _parse(requirement)
            if name != "python":
                listed[name] = spec
    assert listed == wanted


def test_environment_yml_installs_the_package_itself():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(entry["pip"] for entry in environment["dependencies"] if isinstance(entry, dict))
    assert "-e ." in pip_section
