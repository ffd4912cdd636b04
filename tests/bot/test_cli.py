"""The salesbot command: each subcommand, its help, its errors, and a real `run` that stops cleanly."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.cli.main import main
from bot.config import Config

ROOT = Path(__file__).resolve().parents[2]


def config_file(config: Config, tmp_path: Path) -> str:
    path = tmp_path / "cli.toml"
    path.write_text(f'[database]\nurl = "{config.database.url}"\n', encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "command",
    [
        ["run"],
        ["db", "upgrade"],
        ["db", "current"],
        ["check-config"],
        ["version"],
        ["outbox"],
        ["extract"],
        ["privacy"],
        ["privacy", "export"],
        ["privacy", "erase"],
    ],
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: salesbot" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert capsys.readouterr().out.startswith("salesbot ")


def test_check_config_accepts_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", "--config", str(ROOT / "config.example.toml")]) == 0
    assert "OK (2 people in 1 teams" in capsys.readouterr().out


def test_check_config_rejects_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[wecom]\nenabled = true\n", encoding="utf-8")
    assert main(["check-config", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("salesbot: config error: ") and "bad.toml: [wecom] corp_id: is required" in err


def test_db_upgrade_then_current(config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config_file(config, tmp_path)
    assert main(["db", "current", "--config", path]) == 1
    assert "run salesbot db upgrade" in capsys.readouterr().out
    assert main(["db", "upgrade", "--config", path]) == 0
    assert "(latest)" in capsys.readouterr().out
    assert main(["db", "current", "--config", path]) == 0
    assert "up to date" in capsys.readouterr().out


def test_run_refuses_an_out_of_date_server_database(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if config.database.url.startswith("sqlite"):
        pytest.skip("the embedded SQLite database upgrades itself")
    assert main(["run", "--config", config_file(config, tmp_path)]) == 1
    assert "run: salesbot db upgrade --config" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_run_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    """The README's main command as a real process: healthy on an empty SQLite file, stops cleanly."""
    port = free_port()
    (tmp_path / "config.toml").write_text(f"[server]\nport = {port}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SALESBOT_CONFIG"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        ready = None
        async with aiohttp.ClientSession() as http:
            for _ in range(200):  # bounded: up to ~20 s for a cold interpreter on a busy machine
                try:
                    async with http.get(f"http://127.0.0.1:{port}/readyz") as response:
                        ready = response.status
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
        assert ready == 200
        assert (tmp_path / "salesbot.db").exists()
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(proc.communicate(), timeout=20)
    assert proc.returncode == 0, err.decode()
    assert b"starting" in err


def test_outbox_lists_dead_letters_with_their_error(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from bot.types import Outgoing
    from storage.db import create_engine, session_factory
    from storage.outbox import enqueue_outbox, mark_outbox_dead

    path = config_file(config, tmp_path)
    assert main(["db", "upgrade", "--config", path]) == 0
    now = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)

    async def seed() -> None:
        engine = create_engine(config.database.url)
        try:
            async with session_factory(engine).begin() as session:
                dead = await enqueue_outbox(session, Outgoing("wecom", "LiNa", "push"), now)
                await enqueue_outbox(session, Outgoing("wecom", "ZhangWei", "push"), now)
                await mark_outbox_dead(session, dead.id, "WeChat Work error 60020 (config)", now)
        finally:
            await engine.dispose()

    asyncio.run(seed())
    capsys.readouterr()
    assert main(["outbox", "--config", path, "--status", "dead"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "outbox: dead 1, pending 1"
    assert "dead wecom/push to LiNa" in out and "60020" in out and "ZhangWei" not in out


LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\S+ (DEBUG|INFO|WARNING) ")


def errors_of(err: str) -> list[str]:
    """What stderr says besides the INFO log lines `run` writes before it starts."""
    return [line for line in err.splitlines() if not LOG_LINE.match(line)]


def test_run_names_an_unreachable_database_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+asyncpg://salesbot:hunter2@127.0.0.1:{free_port()}/salesbot"  # nothing listens
    path = tmp_path / "unreachable.toml"
    path.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    assert main(["run", "--config", str(path)]) == 1
    [line] = errors_of(capsys.readouterr().err)
    assert line.startswith("salesbot: database postgresql+asyncpg://salesbot:***@127.0.0.1:")
    assert "Connect call failed" in line and "hunter2" not in line


@pytest.mark.parametrize("command", [["db", "current"], ["db", "upgrade"], ["outbox"]])
def test_database_commands_name_an_unreachable_database_in_one_line(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unreachable.toml"
    path.write_text(f'[database]\nurl = "postgresql+asyncpg://salesbot@127.0.0.1:{free_port()}/x"\n', "utf-8")
    assert main([*command, "--config", str(path)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("salesbot: database postgresql+asyncpg://salesbot@127.0.0.1:")
    assert "ConnectionRefusedError: [Errno 111] Connect call failed" in line


def test_run_names_a_read_only_database_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ro.db").touch()  # empty: the bot would create its schema, and may not write
    url = f"sqlite+aiosqlite:///file:{tmp_path / 'ro.db'}?mode=ro&uri=true"
    path = tmp_path / "read-only.toml"
    path.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    assert main(["run", "--config", str(path)]) == 1
    assert errors_of(capsys.readouterr().err) == [
        f"salesbot: database {url}: OperationalError: attempt to write a readonly database"
    ]


@pytest.mark.parametrize("command", ["check-config", "run"])
def test_a_broken_catalog_is_one_line_naming_the_file(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "catalog.toml"
    catalog.write_text('[[products]]\nname = "智能巡检机器人"\naliases = "巡检"\n', encoding="utf-8")
    path = tmp_path / "with-catalog.toml"
    db = tmp_path / "salesbot.db"
    path.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n[catalog]\npath = "{catalog}"\n', "utf-8")
    assert main([command, "--config", str(path)]) == 2
    captured = capsys.readouterr()
    assert "OK" not in captured.out
    assert errors_of(captured.err) == [
        f"salesbot: config error: {path}: [catalog] path: {catalog}: products #1 (智能巡检机器人): "
        "'aliases' must be a list of non-empty strings"
    ]
