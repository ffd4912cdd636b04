"""The project's shape: what may import what (DESIGN.md), and that the Dockerfile and CI match the code."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level modules it must not import (DESIGN.md, "Folders and what may import what")
FORBIDDEN = {
    "nlp": {"bot", "handlers", "storage", "aiohttp", "sqlalchemy", "wechatpy", "alembic", "asyncpg"},
    "storage": {"handlers", "nlp", "aiohttp", "wechatpy"},
    "handlers": {"aiohttp", "wechatpy", "bot.channels", "bot.app", "bot.core.pipeline", "bot.core.outbox"},
    "bot/channels": {"storage", "handlers", "nlp"},
}
# storage may use only these parts of bot
STORAGE_MAY_USE_FROM_BOT = {"bot.types"}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def breaks(name: str, forbidden: set[str]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_import_rules(package: str) -> None:
    offences = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in imports_of(path):
            bad = breaks(name, FORBIDDEN[package])
            if package == "storage" and breaks(name, {"bot"}) and name not in STORAGE_MAY_USE_FROM_BOT:
                bad = True
            if bad:
                offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offences == []


def test_dockerfile_runs_a_command_that_exists() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    cmd = re.search(r'^CMD \["(\w+)", "(\w+)"', dockerfile, re.M)
    assert cmd is not None and cmd[1] in scripts and cmd[2] == "run"
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.M), "the image must not run as root"
    assert re.search(r"^HEALTHCHECK (?:.*\\\n)*.*/healthz", dockerfile, re.M)
    config_path = re.search(r"SALESBOT_CONFIG=(\S+)", dockerfile)
    assert config_path is not None and config_path[1] in (ROOT / "README.md").read_text(encoding="utf-8")
    for package in ("bot", "handlers", "nlp", "storage"):
        assert f"COPY {package} " in dockerfile


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- test-command -->\s*```(?:sh|bash)?\n(.+?)\n```", readme, re.S)
    assert match is not None, "README must mark its test command with <!-- test-command -->"
    assert match[1].strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
