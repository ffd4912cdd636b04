"""Config loading: defaults, the example file, environment overrides, and clear errors."""

from __future__ import annotations

import dataclasses
import typing
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Config, ConfigError, find_config_file, load_config, parse_duration

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "config.example.toml"

WECOM_OK = """
[wecom]
enabled = true
corp_id = "wx5823bf96d3bd56c7"
agent_id = 1000002
secret = "s3cret"
token = "QDG6eK"
encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
"""
CONSOLE_TOKEN = '[console]\ntoken = "k9VqT2mZx7LwP4rB"\n'
WECOM_OK += CONSOLE_TOKEN  # with a platform on, the dashboard (served unless "off") needs a token


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text), env=env or {})
    return str(info.value)


def test_no_file_gives_the_documented_defaults() -> None:
    config = load_config(None, env={})
    assert config.server.port == 8080
    assert config.database.url == "sqlite+aiosqlite:///salesbot.db"
    assert config.wecom.callback_path == "/wecom/callback"
    assert config.dingtalk.callback_path == "/dingtalk/callback"
    assert config.sla.first_response["A"] == timedelta(minutes=30)
    assert config.sla.escalate_after == [timedelta(hours=1), timedelta(days=1)]
    assert config.source == "built-in defaults"


def test_example_file_documents_every_default() -> None:
    example = load_config(EXAMPLE, env={})
    defaults = Config()
    for f in dataclasses.fields(Config):
        if f.name in ("org", "source"):
            continue
        assert getattr(example, f.name) == getattr(defaults, f.name), f"[{f.name}] differs from the defaults"
    assert [p.id for p in example.org.people] == ["zhangwei", "lina"]
    assert example.org.people[1].cities == ["苏州", "无锡"]
    assert example.org.teams[0].manager == "zhangwei"


def test_example_file_names_every_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for section in dataclasses.fields(Config):
        if section.name == "source":
            continue
        hint = typing.get_type_hints(Config)[section.name]
        if typing.get_origin(hint) is list:  # a list of tables, none by default: a commented example
            (item,) = typing.get_args(hint)
            assert f"# [[{section.name}]]" in text
            for key in dataclasses.fields(item):
                documented = f"\n# {key.name} = " in text or f"# [{section.name}.{key.name}" in text
                assert documented, f"[[{section.name}]] {key.name} is not documented"
            continue
        assert f"[{section.name}]" in text
        for key in dataclasses.fields(getattr(Config(), section.name)):
            documented = f"\n{key.name} = " in text or f"[[{section.name}.{key.name}]]" in text
            assert documented, f"[{section.name}] {key.name} is not documented"


def test_wrong_type_names_file_key_and_problem(tmp_path: Path) -> None:
    message = error_of(tmp_path, '[server]\nport = "eighty"\n')
    assert "config.toml" in message
    assert "[server] port" in message
    assert "expected an integer" in message and "'eighty'" in message


def test_wrong_type_inside_a_list_of_tables(tmp_path: Path) -> None:
    text = '[[org.people]]\nid = "x"\nname = "X"\n[[org.people]]\nid = "y"\nname = "Y"\ncities = "杭州"\n'
    message = error_of(tmp_path, text)
    assert "[[org.people]] #2 cities" in message and "expected a list" in message


def test_unknown_keys_are_rejected(tmp_path: Path) -> None:
    assert "unknown key 'prot'" in error_of(tmp_path, "[server]\nprot = 1\n")
    assert "unknown key 'webhook'" in error_of(tmp_path, "[webhook]\nurl = ''\n")
    message = error_of(tmp_path, '[[org.people]]\nid = "x"\nname = "X"\nphone = "1"\n')
    assert "unknown key 'phone'" in message


def test_enabled_channel_needs_its_secrets(tmp_path: Path) -> None:
    message = error_of(tmp_path, WECOM_OK.replace('secret = "s3cret"\n', ""))
    assert "[wecom] secret" in message and "required when [wecom] is enabled" in message
    assert "SALESBOT_WECOM_SECRET" in message
    message = error_of(tmp_path, "[dingtalk]\nenabled = true\napp_key = 'k'\nrobot_code = 'r'\n")
    assert "[dingtalk] app_secret" in message


def test_environment_supplies_secrets(tmp_path: Path) -> None:
    path = write(tmp_path, WECOM_OK.replace('secret = "s3cret"\n', ""))
    config = load_config(path, env={"SALESBOT_WECOM_SECRET": "from-env", "SALESBOT_SERVER_PORT": "9090"})
    assert config.wecom.secret == "from-env"
    assert config.server.port == 9090


def test_a_platform_needs_a_console_token_unless_the_console_is_off(tmp_path: Path) -> None:
    dingtalk = "[dingtalk]\nenabled = true\napp_key = 'k'\napp_secret = 's'\nrobot_code = 'r'\n"
    for platform, text in (("wecom", WECOM_OK.replace(CONSOLE_TOKEN, "")), ("dingtalk", dingtalk)):
        for console in ("", '[console]\nenabled = "auto"\n', '[console]\nenabled = "on"\n'):
            message = error_of(tmp_path, text + console)
            assert message.startswith(f"{tmp_path / 'config.toml'}: [console] token: is required when")
            assert f"[{platform}] is enabled" in message and "SALESBOT_CONSOLE_TOKEN" in message
            assert "\n" not in message
        assert load_config(write(tmp_path, text + CONSOLE_TOKEN), env={}).console.token
        assert load_config(write(tmp_path, text), env={"SALESBOT_CONSOLE_TOKEN": "x" * 16}).console.token
        off = load_config(write(tmp_path, text + '[console]\nenabled = "off"\n'), env={})
        assert off.console.enabled == "off" and not off.console.token


@pytest.mark.parametrize("token", ["short-token", " " * 20, "a b c d e f g h i j k l m n o", "\t\n" * 9])
def test_a_console_token_needs_16_characters_other_than_blanks(tmp_path: Path, token: str) -> None:
    message = error_of(tmp_path, f"[console]\ntoken = {token!r}\n".replace("'", '"'))
    assert message.endswith("[console] token: must have at least 16 characters other than blanks")
    if token.strip():
        message = error_of(tmp_path, "", env={"SALESBOT_CONSOLE_TOKEN": token})
        assert "[console] token: must have at least 16" in message
    else:  # a blank variable counts as unset (a compose file passing on one the host lacks): no token
        assert load_config(None, env={"SALESBOT_CONSOLE_TOKEN": token}).console.token == ""
    assert load_config(None, env={"SALESBOT_CONSOLE_TOKEN": "x" * 16}).console.token == "x" * 16


def test_an_empty_environment_variable_counts_as_unset(tmp_path: Path) -> None:
    """`SALESBOT_WECOM_SECRET=` (a compose file passing on a variable the host lacks) keeps the file's
    secret instead of wiping it out and then asking for it."""
    env = {"SALESBOT_WECOM_SECRET": "", "SALESBOT_SERVER_PORT": "", "SALESBOT_DATABASE_ECHO": " "}
    config = load_config(write(tmp_path, WECOM_OK), env=env)
    assert config.wecom.secret == "s3cret"
    assert config.server.port == 8080 and config.database.echo is False


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    message = error_of(tmp_path, "", env={"SALESBOT_SERVER_PORT": "x"})
    assert "SALESBOT_SERVER_PORT" in message


PUSH = 'path_token = "9f3c2b7e5a1d4c8f"\ntoken = "s3cret-token"\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[sla]\nscan_interval = "soon"\n', "[sla] scan_interval"),
        ('[sla]\nfirst_response = { A = "30 minutes", default = "2h" }\n', "[sla] first_response.A"),
        ('[sla]\nbusiness_hours = ["9-18"]\n', "[sla] business_hours"),
        ('[sla]\nbusiness_days = ["monday"]\n', "[sla] business_days"),
        ('[sla]\ntimezone = "Mars/Olympus"\n', "[sla] timezone"),
        ('[sla]\nstage_stuck = { "报价中" = "5d" }\n', "[sla] stage_stuck: unknown stage '报价中'"),
        ('[sla]\nescalate_after = ["1h", "1d", "2d"]\n', "[sla] escalate_after"),
        ("[sla]\ngoing_cold = -1\n", "[sla] going_cold"),
        ("[outbox]\nmax_attempts = 0\n", "[outbox] max_attempts"),
        ('[outbox]\nretry_base = "1h"\nretry_cap = "1m"\n', "[outbox] retry_base"),
        ('[conversation]\nquestion_expiry = "0s"\n', "[conversation] question_expiry"),
        ('[wecom]\nenabled = "yes"\n', "[wecom] enabled"),
        ('[database]\nurl = "mysql://x"\n', "[database] url"),
        ('[database]\nredis_url = "127.0.0.1:6379"\n', "[database] redis_url"),
        ('[database]\nredis_prefix = ""\n', "[database] redis_prefix"),
        ('[dingtalk]\nmode = "webhook"\n', "[dingtalk] mode"),
        ('[[lead_sources]]\nname = "抖音"\nplatform = "douyin"\n', "[[lead_sources]] #1 platform"),
        ('[[lead_sources]]\nname = "抖音"\nplatform = "feiyu"\npath_token = "short"\n', "#1 path_token"),
        (
            '[[lead_sources]]\nname = "抖音"\nplatform = "feiyu"\npath_token = "9f3c2b7e5a1d4c8f"\n',
            "#1 token",
        ),
        ('[[lead_sources]]\nname = "x"\nplatform = "tencent"\n', "#1 pull"),
        (f'[[lead_sources]]\nname = "x"\nplatform = "baidu"\n{PUSH}pull = true\n', "#1 pull"),
        (
            f'[[lead_sources]]\nname = "x"\nplatform = "generic"\n{PUSH}fields = {{ a = "phone_number" }}\n',
            "fields.a",
        ),
        ('[dingtalk]\nevent_token = "t"\n', "[dingtalk] event_token"),
        ('[dingtalk]\nevent_token = "t"\nevent_aes_key = "short"\n', "[dingtalk] event_aes_key"),
        ('[[org.people]]\nid = "x"\nname = "X"\nrole = "boss"\n', "[[org.people]] #1 role"),
        ('[[org.people]]\nid = "x"\nname = "X"\nteam = "nope"\n', "[[org.people]] #1 team"),
        ('[[org.teams]]\nname = "A"\nmanager = "ghost"\n', "[[org.teams]] #1 manager"),
        ('[[org.people]]\nname = "X"\n', "[[org.people]] #1 id: is required"),
        ("[server\n", "not valid TOML"),
    ],
)
def test_each_bad_value_is_named(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in error_of(tmp_path, text)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml", env={})


def test_config_file_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_config_file(None, env={}) is None
    (tmp_path / "config.toml").write_text("")
    assert find_config_file(None, env={}) == Path("config.toml")
    assert find_config_file(None, env={"SALESBOT_CONFIG": "/etc/x.toml"}) == Path("/etc/x.toml")
    assert find_config_file("mine.toml", env={"SALESBOT_CONFIG": "/etc/x.toml"}) == Path("mine.toml")


@pytest.mark.parametrize(
    ("text", "seconds"), [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400), ("1h30m", 5400)]
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["", "30", "m", "30 minutes", "-5m", "1.5h"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


SALES_TEAMS = '[[org.teams]]\nname = "华东一组"\n[[org.teams]]\nname = "VIP组"\n'


def test_grading_and_assignment_rules_load(tmp_path: Path) -> None:
    text = SALES_TEAMS + (
        '[grading]\ndefault = "B"\nample_budget = 500000\n'
        '[[grading.rules]]\ngrade = "A"\nmin_budget = 2000000\nproduct_lines = ["激光"]\nsources = ["web"]\n'
        '[assignment]\ngrade_teams = { A = "VIP组" }\ncity_teams = { "杭州" = "华东一组" }\ncapacity = 12\n'
        'queue_team = "华东一组"\n'
    )
    config = load_config(write(tmp_path, text), env={})
    [rule] = config.grading.rules
    assert (rule.grade, rule.min_budget, rule.product_lines, rule.sources, rule.cities) == (
        "A", 2_000_000, ["激光"], ["web"], [])  # fmt: skip
    assert (config.grading.default, config.grading.ample_budget) == ("B", 500_000)
    assert config.assignment.grade_teams == {"A": "VIP组"}
    assert config.assignment.city_teams == {"杭州": "华东一组"}
    assert (config.assignment.capacity, config.assignment.queue_team) == (12, "华东一组")
    defaults = Config()
    assert [(r.grade, r.min_budget) for r in defaults.grading.rules] == [("A", 1_000_000), ("B", 300_000)]
    assert defaults.assignment.capacity == 0 and defaults.assignment.grade_teams == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[[grading.rules]]\ngrade = "A"\nbudget = 1\n', "unknown key 'budget'"),
        ("[[grading.rules]]\nmin_budget = 1\n", "[[grading.rules]] #1 grade: is required"),
        ('[[grading.rules]]\ngrade = "A"\nmin_budget = "100万"\n', "[[grading.rules]] #1 min_budget"),
        ('[[grading.rules]]\ngrade = "A"\nsources = "web"\n', "expected a list"),
        ('[[grading.rules]]\ngrade = ""\n', "[[grading.rules]] #1 grade: must not be empty"),
        ('[[grading.rules]]\ngrade = "A"\nmin_budget = -1\n', "must not be negative"),
        ("[grading]\nample_budget = true\n", "[grading] ample_budget"),
        ("[grading]\nlevels = 3\n", "unknown key 'levels'"),
        ('[assignment]\ncapacity = "10"\n', "[assignment] capacity: expected an integer"),
        ("[assignment]\ncapacity = -1\n", "[assignment] capacity"),
        ("[assignment]\ngrade_teams = { A = 1 }\n", "[assignment] grade_teams.A"),
        ('[assignment]\ngrade_teams = { A = "金牌组" }\n', "no team named '金牌组'"),
        ('[assignment]\ncity_teams = { "杭州" = "华南组" }\n', "[assignment] city_teams.杭州"),
        ('[assignment]\nqueue_team = "华南组"\n', "[assignment] queue_team"),
        ("[assignment]\nteams = {}\n", "unknown key 'teams'"),
    ],
)
def test_bad_sales_rules_are_named(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in error_of(tmp_path, SALES_TEAMS + text)
