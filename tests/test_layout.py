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


# The channel contract (bot/channels/base.py): a platform lives in its own folder, and only the composition
# root names it. Migrations are exempt from the field rule: they convert rows a platform once shaped.
PLATFORM_PACKAGES = {"bot.channels.wecom", "bot.channels.dingtalk", "bot.channels.ads"}
PLATFORM_FIELDS = (
    # WeChat Work's callback XML and API JSON
    "ResponseCode", "ExternalUserID", "OpenKfId", "open_kfid", "FromUserName", "TaskId", "EventKey",
    "template_card", "response_code", "touser", "agentid", "msg_signature",
    # DingTalk's robot messages and APIs
    "sessionWebhook", "senderStaffId", "conversationId", "robotCode", "msgParam",
)  # fmt: skip


def core_modules() -> list[Path]:
    """Every module that is neither a platform's own nor the composition root."""
    found = []
    for package in ("bot", "handlers", "storage"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            platform_own = any(rel.startswith(p.replace(".", "/") + "/") for p in PLATFORM_PACKAGES)
            if platform_own or rel.startswith("bot/fakes/") or rel == "bot/app.py":
                continue
            found.append(path)
    return found


def test_only_the_composition_root_imports_a_platform() -> None:
    offences = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in core_modules()
        for name in imports_of(path)
        if breaks(name, PLATFORM_PACKAGES)
    ]
    assert offences == []


def test_no_platform_field_outside_its_channel() -> None:
    offences = []
    for path in core_modules():
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        offences += [f"{path.relative_to(ROOT)} names {field}" for field in PLATFORM_FIELDS if field in text]
    assert offences == []


def test_a_channel_implements_the_contract() -> None:
    from bot.channels.base import Channel
    from bot.channels.console.channel import ConsoleChannel
    from bot.channels.web.intake import Intake
    from bot.channels.wecom.channel import WeComChannel

    members = [name for name in vars(Channel) if not name.startswith("_")] + ["platform", "limits"]
    for channel in (WeComChannel, ConsoleChannel, Intake):
        missing = [name for name in members if not hasattr(channel, name)]
        assert missing == [], f"{channel.__name__} lacks {missing}"
