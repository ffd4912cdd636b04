"""Typed settings read from one TOML file, with environment overrides for secrets.

Every key has a default, so the bot starts with no file at all. Loading is strict: an
unknown key, a wrong type or a missing secret for an enabled channel is a `ConfigError`
naming the file, the key and the problem.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.types import ROLES, STAGES
from nlp.catalog import Catalog, load_catalog


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and why."""


_DURATION = re.compile(r"(\d+)([smhd])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> timedelta:
    """Parse "90s", "30m", "2h", "1d" or "1h30m" into a timedelta."""
    text = text.strip()
    if not text or _DURATION.sub("", text):
        raise ValueError(f'not a duration like "30m", "2h" or "1d": {text!r}')
    return timedelta(seconds=sum(int(n) * _UNIT_SECONDS[u] for n, u in _DURATION.findall(text)))


@dataclass(frozen=True)
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8080


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = "sqlite+aiosqlite:///salesbot.db"
    echo: bool = False
    # A database that accepts connections but never answers must not hold requests for minutes:
    # a request gives up after `request_timeout` and answers 503 (WeChat Work retries after 5 s);
    # the others bound the background work (connect and statement on PostgreSQL, pool checkout).
    request_timeout: timedelta = timedelta(seconds=3)
    connect_timeout: timedelta = timedelta(seconds=5)
    command_timeout: timedelta = timedelta(seconds=30)
    pool_timeout: timedelta = timedelta(seconds=30)
    # Redis, when set: wake-ups and live updates between instances (pub/sub) and WeChat Work's
    # per-member window, instead of LISTEN/NOTIFY and the send_slot table. All else stays in the database.
    redis_url: str = ""
    redis_prefix: str = "salesbot:"  # of every key and channel: deployments sharing one Redis stay apart


@dataclass(frozen=True)
class LogConfig:
    level: str = "INFO"
    format: str = "text"  # text | json


@dataclass(frozen=True)
class WeComConfig:
    enabled: bool = False
    corp_id: str = ""
    agent_id: int = 0
    secret: str = ""
    token: str = ""
    encoding_aes_key: str = ""
    callback_path: str = "/wecom/callback"
    api_base: str = "https://qyapi.weixin.qq.com"
    replay_window: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class DingTalkConfig:
    enabled: bool = False
    mode: str = "stream"  # stream | http
    app_key: str = ""
    app_secret: str = ""
    robot_code: str = ""
    callback_path: str = "/dingtalk/callback"  # HTTP mode: robot messages
    card_callback_path: str = "/dingtalk/card"  # HTTP mode: interactive card button callbacks
    # Event subscription over HTTP (通讯录 and other org events): served when both are set.
    events_path: str = "/dingtalk/events"
    event_token: str = ""
    event_aes_key: str = ""
    # An interactive card template (卡片平台) with the variables README describes: buttons as cards.
    # Without one, buttons become numbered text commands under a markdown message.
    card_template_id: str = ""
    api_base: str = "https://api.dingtalk.com"
    oapi_base: str = "https://oapi.dingtalk.com"
    replay_window: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class TeamConfig:
    name: str
    manager: str = ""
    # The team's group: a WeChat Work group robot (its key or webhook URL), or on DingTalk a custom
    # robot's webhook URL or the group's openConversationId (cid…) for the app's robot.
    group_webhook: str = ""
    group_secret: str = ""  # a DingTalk custom robot's 加签 secret (SEC…), when its security setting is 加签


@dataclass(frozen=True)
class PersonConfig:
    id: str
    name: str
    role: str = "rep"
    team: str = ""
    wecom_userid: str = ""
    dingtalk_userid: str = ""
    cities: list[str] = field(default_factory=list)
    product_lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OrgConfig:
    teams: list[TeamConfig] = field(default_factory=list)
    people: list[PersonConfig] = field(default_factory=list)
    isolate_product_lines: bool = False


@dataclass(frozen=True)
class SlaConfig:
    timezone: str = "Asia/Shanghai"
    scan_interval: timedelta = timedelta(seconds=60)
    business_hours: list[str] = field(default_factory=lambda: ["09:00-12:00", "13:30-18:00"])
    business_days: list[str] = field(default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"])
    holidays: str = "cn"  # cn | none
    first_response: dict[str, timedelta] = field(
        default_factory=lambda: {
            "A": timedelta(minutes=30),
            "B": timedelta(hours=2),
            "C": timedelta(days=1),
            "default": timedelta(hours=2),
        }
    )
    stage_stuck: dict[str, timedelta] = field(
        default_factory=lambda: {"报价": timedelta(days=5), "方案演示": timedelta(days=7)}
    )
    escalate_after: list[timedelta] = field(default_factory=lambda: [timedelta(hours=1), timedelta(days=1)])
    # A lead is going cold when it goes this many times its usual interval between contacts without
    # one (it needs three contacts to have a rhythm); 0 turns the flag off.
    going_cold: int = 3


@dataclass(frozen=True)
class DigestsConfig:
    """Scheduled summaries, on working days only, at local times in [sla] timezone ("" turns one off)."""

    enabled: bool = True
    rep_morning: str = "08:30"  # each rep: today's follow-ups and what is overdue
    rep_evening: str = "17:30"  # each rep: the day's 日报 drafted from their follow-ups, to confirm
    manager_daily: str = "09:00"  # each manager (and the team group): breaches, new and queued leads
    manager_weekly: str = "mon 09:00"  # each manager: last week's funnel and SLA, with a chart


@dataclass(frozen=True)
class GradingRule:
    """A lead gets `grade` when every condition given here holds (an empty list means any)."""

    grade: str
    min_budget: int = 0  # yuan; compared with the budget's upper bound (or its lower one if open)
    product_lines: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GradingConfig:
    """How a new lead is graded: the first matching rule wins, else `default`."""

    default: str = "C"
    rules: list[GradingRule] = field(
        default_factory=lambda: [GradingRule("A", min_budget=1_000_000), GradingRule("B", min_budget=300_000)]
    )
    ample_budget: int = 1_000_000  # a budget at or above this is tagged 预算充足


@dataclass(frozen=True)
class AssignmentConfig:
    """Who gets a new lead nobody brought in; reps' `cities` and `product_lines` come from [org]."""

    grade_teams: dict[str, str] = field(default_factory=dict)  # grade -> team name, e.g. A -> VIP组
    city_teams: dict[str, str] = field(default_factory=dict)  # city -> team name
    capacity: int = 0  # most open leads a rep may hold; 0: no limit
    queue_team: str = ""  # whose manager queues leads no rule places; "": the first team


@dataclass(frozen=True)
class OutboxConfig:
    """How pushes are retried: exponential backoff with jitter from `retry_base` up to `retry_cap`;
    after `max_attempts` failed attempts a push is dead (logged, and listed by `salesbot outbox`)."""

    max_attempts: int = 8
    retry_base: timedelta = timedelta(seconds=2)
    retry_cap: timedelta = timedelta(minutes=10)
    # How long a started attempt keeps its row from every other sender: a row whose sender died
    # mid-call is retried (as an uncertain retry) once it runs out. Longer than the slowest platform call.
    lease: timedelta = timedelta(seconds=60)


@dataclass(frozen=True)
class CatalogConfig:
    path: str = ""  # empty: no products or competitors configured


@dataclass(frozen=True)
class IntakeConfig:
    token: str = ""


LEAD_SOURCE_PLATFORMS = ("feiyu", "baidu", "xiaohongshu", "generic", "tencent")
PUSH_PLATFORMS = ("feiyu", "baidu", "xiaohongshu", "generic")  # tencent: pulled only
PULL_PLATFORMS = ("feiyu", "tencent")  # 巨量 Marketing API clue/get, 腾讯广告 leads_list/get
LEAD_FIELDS = ("company", "contact", "title", "phone", "email", "city", "product", "budget", "message")


@dataclass(frozen=True)
class LeadSourceConfig:
    """An ad platform's lead forms as a source of leads ([[lead_sources]]): pushed to
    POST /leads/{platform}/{path_token}, and for 巨量 and 腾讯广告 also pulled on a schedule."""

    name: str  # the lead's source, shown on cards, stats and the dashboard
    platform: str  # feiyu | baidu | xiaohongshu | generic | tencent
    path_token: str = ""  # unguessable: the receiver's path (push platforms)
    token: str = ""  # feiyu: Access-Token header; baidu: the body's token; xiaohongshu, generic: the HMAC key
    signature_header: str = "X-Signature"  # generic: the header with hex HMAC-SHA256 of the raw body
    # The platform's field (dotted into objects, or a form question's label) -> lead field (LEAD_FIELDS);
    # on top of the platform's defaults.
    fields: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # lead field -> form option -> value
    pull: bool = False
    pull_interval: timedelta = timedelta(minutes=10)
    pull_overlap: timedelta = timedelta(hours=1)  # each pull looks back this far past the last one
    app_id: str = ""  # the developer app (巨量 app_id, 腾讯广告 client_id)
    app_secret: str = ""
    account_id: str = ""  # 巨量 advertiser_id, 腾讯广告 account_id
    refresh_token: str = ""  # the first one; each refresh replaces it, and the database keeps the newest
    api_base: str = ""  # default: the platform's own


@dataclass(frozen=True)
class ConsoleConfig:
    """The local web console (and the manager dashboard, which shares its access rule)."""

    enabled: str = "auto"  # auto: on when no platform is enabled | on | off
    # Required (16+ characters) to serve it when [server] host is not a loopback address, and whenever a
    # platform is enabled and the console or the dashboard is served (anything but "off").
    token: str = ""


@dataclass(frozen=True)
class ConversationConfig:
    """How the bot reads a member's messages as one conversation."""

    # How long "是哪个客户？" waits for its answer; a name sent later starts a new message.
    question_expiry: timedelta = timedelta(minutes=30)
    # A message that names no customer, sent this soon after the writer's last report, says more
    # about that customer ("对了他们还想看看DR") and is added to it.
    context_window: timedelta = timedelta(minutes=5)


@dataclass(frozen=True)
class Config:
    server: ServerConfig = field(default_factory=ServerConfig)
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    log: LogConfig = field(default_factory=LogConfig)
    wecom: WeComConfig = field(default_factory=WeComConfig)
    dingtalk: DingTalkConfig = field(default_factory=DingTalkConfig)
    org: OrgConfig = field(default_factory=OrgConfig)
    sla: SlaConfig = field(default_factory=SlaConfig)
    digests: DigestsConfig = field(default_factory=DigestsConfig)
    grading: GradingConfig = field(default_factory=GradingConfig)
    assignment: AssignmentConfig = field(default_factory=AssignmentConfig)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    catalog: CatalogConfig = field(default_factory=CatalogConfig)
    intake: IntakeConfig = field(default_factory=IntakeConfig)
    console: ConsoleConfig = field(default_factory=ConsoleConfig)
    conversation: ConversationConfig = field(default_factory=ConversationConfig)
    lead_sources: list[LeadSourceConfig] = field(default_factory=list)
    source: str = field(default="built-in defaults", compare=False)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.sla.timezone)

    @property
    def chat_platforms(self) -> tuple[str, ...]:
        """The enabled chat platforms ([wecom], [dingtalk]), in the order a push prefers them."""
        return tuple(name for name in CHAT_PLATFORMS if getattr(self, name).enabled)


CHAT_PLATFORMS = ("wecom", "dingtalk")  # config sections with `enabled`, in order of preference
ENV_PREFIX = "SALESBOT_"
DEFAULT_FILE = Path("config.toml")


def find_config_file(explicit: str | None, env: Mapping[str, str] = os.environ) -> Path | None:
    """--config FILE, else $SALESBOT_CONFIG, else ./config.toml if present, else None (defaults)."""
    if explicit:
        return Path(explicit)
    if env.get("SALESBOT_CONFIG"):
        return Path(env["SALESBOT_CONFIG"])
    return DEFAULT_FILE if DEFAULT_FILE.is_file() else None


def load_config(path: Path | None, env: Mapping[str, str] = os.environ) -> Config:
    """Read, override from the environment, type-check and validate the settings."""
    data: dict[str, object] = {}
    source = "built-in defaults"
    if path is not None:
        source = str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{source}: no such file") from None
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"{source}: cannot read: {e}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{source}: not valid TOML: {e}") from None
    overrides = _env_overrides(env)
    config = _build(Config, data, [], source, overrides)
    config = dataclasses.replace(config, source=source)
    _validate(config)
    return config


def _env_overrides(env: Mapping[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """SALESBOT_<SECTION>_<KEY> for every scalar key of every section: (section, key) -> (var, text).

    An empty variable counts as unset: `SALESBOT_WECOM_SECRET=` is what a compose file or unit writes
    for a variable the host does not have, and it must not wipe out the file's secret."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for section in dataclasses.fields(Config):
        cls = section.default_factory if section.default_factory is not dataclasses.MISSING else None
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            continue
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if hints[f.name] not in (str, int, bool, timedelta):
                continue
            var = f"{ENV_PREFIX}{section.name}_{f.name}".upper()
            if env.get(var, "").strip():
                found[(section.name, f.name)] = (var, env[var])
    return found


def _where(keys: list[str | int]) -> str:
    """Render a key path the way a TOML author reads it: [wecom] secret, [[org.people]] #2 role."""
    for i, key in enumerate(keys):
        if isinstance(key, int):
            head = f"[[{'.'.join(str(k) for k in keys[:i])}]] #{key + 1}"
            return f"{head} {'.'.join(str(k) for k in keys[i + 1 :])}".strip()
    return f"[{keys[0]}] {'.'.join(str(k) for k in keys[1:])}".strip() if keys else ""


def _fail(source: str, keys: list[str | int], problem: str) -> typing.NoReturn:
    raise ConfigError(f"{source}: {_where(keys)}: {problem}")


def _build(
    cls: type,
    data: object,
    keys: list[str | int],
    source: str,
    overrides: Mapping[tuple[str, str], tuple[str, str]],
) -> typing.Any:
    if not isinstance(data, dict):
        _fail(source, keys, f"expected a table, got {_describe(data)}")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.name != "source"}
    unknown = sorted(set(data) - known)
    if unknown:
        where = f"[{'.'.join(str(k) for k in keys)}] " if keys else ""
        raise ConfigError(
            f"{source}: {where}unknown key {unknown[0]!r} (known keys: {', '.join(sorted(known))})"
        )
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        if f.name == "source":
            continue
        path = [*keys, f.name]
        override = overrides.get((str(keys[0]), f.name)) if len(keys) == 1 else None
        if override is not None:
            var, text = override
            values[f.name] = _from_env(hints[f.name], text, var)
        elif f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name], path, source, overrides)
        elif dataclasses.is_dataclass(hints[f.name]):  # an absent section, built so overrides apply
            values[f.name] = _build(hints[f.name], {}, path, source, overrides)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            _fail(source, path, "is required")
    return cls(**values)


def _convert(
    hint: object,
    value: object,
    keys: list[str | int],
    source: str,
    overrides: Mapping[tuple[str, str], tuple[str, str]],
) -> object:
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, keys, source, overrides)
    if hint is bool:
        if not isinstance(value, bool):
            _fail(source, keys, f"expected true or false, got {_describe(value)}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(source, keys, f"expected an integer, got {_describe(value)}")
        return value
    if hint is str:
        if not isinstance(value, str):
            _fail(source, keys, f"expected a string, got {_describe(value)}")
        return value
    if hint is timedelta:
        if not isinstance(value, str):
            _fail(source, keys, f'expected a duration string like "30m", got {_describe(value)}')
        try:
            return parse_duration(value)
        except ValueError as e:
            _fail(source, keys, str(e))
    if origin is list:
        (item,) = typing.get_args(hint)
        if not isinstance(value, list):
            _fail(source, keys, f"expected a list, got {_describe(value)}")
        return [_convert(item, v, [*keys, i], source, overrides) for i, v in enumerate(value)]
    if origin is dict:
        _, item = typing.get_args(hint)
        if not isinstance(value, dict):
            _fail(source, keys, f"expected a table, got {_describe(value)}")
        return {str(k): _convert(item, v, [*keys, str(k)], source, overrides) for k, v in value.items()}
    if isinstance(hint, types.UnionType):  # pragma: no cover - no optional keys yet
        raise TypeError(f"unsupported config type {hint}")
    raise TypeError(f"unsupported config type {hint}")


def _from_env(hint: object, text: str, var: str) -> object:
    try:
        if hint is str:
            return text
        if hint is int:
            return int(text)
        if hint is bool:
            if text.lower() not in ("1", "0", "true", "false", "yes", "no"):
                raise ValueError(f"expected true or false, got {text!r}")
            return text.lower() in ("1", "true", "yes")
        if hint is timedelta:
            return parse_duration(text)
    except ValueError as e:
        raise ConfigError(f"environment variable {var}: {e}") from None
    raise TypeError(f"unsupported override type {hint}")


def _describe(value: object) -> str:
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list"}.get(
        type(value), "a table" if isinstance(value, dict) else type(value).__name__
    )
    shown = repr(value) if not isinstance(value, dict | list) else ""
    return f"{kind} {shown}".strip()


_HOURS = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_AES_KEY = re.compile(r"^[A-Za-z0-9]{43}$")
MIN_CONSOLE_TOKEN = 16  # characters other than blanks: whoever holds the token may act as anyone


def _validate(c: Config) -> None:
    """Cross-key rules that types alone cannot say."""
    src = c.source

    def bad(where: str, problem: str) -> typing.NoReturn:
        raise ConfigError(f"{src}: {where}: {problem}")

    if not 0 < c.server.port < 65536:
        bad("[server] port", f"must be between 1 and 65535, got {c.server.port}")
    if not c.database.url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
        bad("[database] url", "must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
    if c.database.redis_url and not c.database.redis_url.startswith(("redis://", "rediss://")):
        bad("[database] redis_url", "must start with redis:// or rediss://")
    if not c.database.redis_prefix:
        bad("[database] redis_prefix", "must not be empty")
    for key in ("request_timeout", "connect_timeout", "command_timeout", "pool_timeout"):
        if getattr(c.database, key) <= timedelta(0):
            bad(f"[database] {key}", "must be longer than zero")
    if c.log.format not in ("text", "json"):
        bad("[log] format", f'must be "text" or "json", got {c.log.format!r}')
    if c.log.level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        bad("[log] level", f"must be DEBUG, INFO, WARNING or ERROR, got {c.log.level!r}")

    if c.wecom.enabled:
        for key in ("corp_id", "secret", "token", "encoding_aes_key"):
            if not getattr(c.wecom, key):
                bad(
                    f"[wecom] {key}",
                    f"is required when [wecom] is enabled (or set {ENV_PREFIX}WECOM_{key.upper()})",
                )
        if c.wecom.agent_id <= 0:
            bad("[wecom] agent_id", "is required when [wecom] is enabled")
        if not _AES_KEY.match(c.wecom.encoding_aes_key):
            bad("[wecom] encoding_aes_key", "must be 43 letters and digits, as WeChat Work shows it")
    if c.dingtalk.mode not in ("stream", "http"):
        bad("[dingtalk] mode", f'must be "stream" or "http", got {c.dingtalk.mode!r}')
    if c.dingtalk.enabled:
        for key in ("app_key", "app_secret", "robot_code"):
            if not getattr(c.dingtalk, key):
                bad(
                    f"[dingtalk] {key}",
                    f"is required when [dingtalk] is enabled (or set {ENV_PREFIX}DINGTALK_{key.upper()})",
                )
    if bool(c.dingtalk.event_token) != bool(c.dingtalk.event_aes_key):
        bad("[dingtalk] event_token", "and event_aes_key go together: the event subscription needs both")
    if c.dingtalk.event_aes_key and not _AES_KEY.match(c.dingtalk.event_aes_key):
        bad("[dingtalk] event_aes_key", "must be 43 letters and digits, as DingTalk shows it")
    for section in CHAT_PLATFORMS:
        path = getattr(c, section).callback_path
        if not path.startswith("/"):
            bad(f"[{section}] callback_path", f"must start with '/', got {path!r}")

    _validate_console(c, bad)
    _validate_org(c, bad)
    _validate_lead_sources(c, bad)
    _validate_sla(c, bad)
    if c.outbox.max_attempts < 1:
        bad("[outbox] max_attempts", "must be at least 1")
    if not timedelta(0) < c.outbox.retry_base <= c.outbox.retry_cap:
        bad("[outbox] retry_base", "must be longer than zero and no longer than retry_cap")
    if c.outbox.lease <= timedelta(0):
        bad("[outbox] lease", "must be longer than zero")
    if c.conversation.question_expiry <= timedelta(0):
        bad("[conversation] question_expiry", "must be longer than zero")
    _validate_digests(c, bad)
    _validate_sales_rules(c, bad)
    if c.catalog.path and not Path(c.catalog.path).is_file():
        bad("[catalog] path", f"no such file: {c.catalog.path}")
    if c.catalog.path:  # read it now, so that check-config and start-up name what is wrong in it
        try:
            load_catalog(c.catalog.path)
        except ValueError as e:
            bad("[catalog] path", str(e))


def is_loopback(host: str) -> bool:
    """Whether a listen address reaches only this machine ("localhost", 127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip()).is_loopback
    except ValueError:
        return False


def validate_console(c: Config) -> None:
    """The console's rules alone, for a config changed after loading (`salesbot run --console`, the demo)."""

    def bad(where: str, problem: str) -> typing.NoReturn:
        raise ConfigError(f"{c.source}: {where}: {problem}")

    _validate_console(c, bad)


def _validate_console(c: Config, bad: typing.Callable[[str, str], typing.NoReturn]) -> None:
    if c.console.enabled not in ("auto", "on", "off"):
        bad("[console] enabled", f'must be "auto", "on" or "off", got {c.console.enabled!r}')
    token = c.console.token
    if token and sum(not ch.isspace() for ch in token) < MIN_CONSOLE_TOKEN:
        bad("[console] token", f"must have at least {MIN_CONSOLE_TOKEN} characters other than blanks")
    # "auto" on a public address without a token leaves the console off (a warning at start-up):
    # the Docker image listens on 0.0.0.0 and must still start with a platform-less config.
    if c.console.enabled == "on" and not token and not is_loopback(c.server.host):
        bad(
            "[console] token",
            f"is required when the console is on and [server] host {c.server.host!r} is not a "
            f"loopback address (or set {ENV_PREFIX}CONSOLE_TOKEN)",
        )
    # A platform's callbacks reach the bot from the internet, nearly always through a reverse proxy on
    # this machine, where "this machine only" cannot tell a local visitor from anyone.
    platform = "wecom" if c.wecom.enabled else "dingtalk" if c.dingtalk.enabled else ""
    if platform and c.console.enabled != "off" and not token:
        bad(
            "[console] token",
            f"is required when [{platform}] is enabled and the console or dashboard is served (set it or "
            f'{ENV_PREFIX}CONSOLE_TOKEN, or [console] enabled = "off")',
        )


def _validate_org(c: Config, bad: typing.Callable[[str, str], typing.NoReturn]) -> None:
    teams = [t.name for t in c.org.teams]
    ids = [p.id for p in c.org.people]
    for name in teams:
        if teams.count(name) > 1:
            bad("[[org.teams]] name", f"team {name!r} is defined twice")
    for i, p in enumerate(c.org.people, 1):
        where = f"[[org.people]] #{i}"
        if not p.id.strip():
            bad(f"{where} id", "must not be empty")
        if ids.count(p.id) > 1:
            bad(f"{where} id", f"person id {p.id!r} is used twice")
        if p.role not in ROLES:
            bad(f"{where} role", f"must be one of {', '.join(ROLES)}, got {p.role!r}")
        if p.team and p.team not in teams:
            bad(f"{where} team", f"no team named {p.team!r} in [[org.teams]]")
    for platform in ("wecom_userid", "dingtalk_userid"):
        seen = [getattr(p, platform) for p in c.org.people if getattr(p, platform)]
        for uid in seen:
            if seen.count(uid) > 1:
                bad(f"[[org.people]] {platform}", f"{uid!r} belongs to two people")
    for i, t in enumerate(c.org.teams, 1):
        if t.manager and t.manager not in ids:
            bad(f"[[org.teams]] #{i} manager", f"no person with id {t.manager!r} in [[org.people]]")


def _validate_sla(c: Config, bad: typing.Callable[[str, str], typing.NoReturn]) -> None:
    try:
        ZoneInfo(c.sla.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        bad("[sla] timezone", f"unknown time zone {c.sla.timezone!r}")
    for span in c.sla.business_hours:
        m = _HOURS.match(span)
        if not m or (m[1], m[2]) >= (m[3], m[4]) or (m[3] == "24" and m[4] != "00"):
            bad("[sla] business_hours", f'each span must look like "09:00-12:00", got {span!r}')
    for day in c.sla.business_days:
        if day not in _DAYS:
            bad("[sla] business_days", f"days are {', '.join(_DAYS)}; got {day!r}")
    if c.sla.holidays not in ("cn", "none"):
        bad("[sla] holidays", f'must be "cn" or "none", got {c.sla.holidays!r}')
    if c.sla.scan_interval <= timedelta(0):
        bad("[sla] scan_interval", "must be longer than zero")
    if c.conversation.context_window < timedelta(0):
        bad("[conversation] context_window", 'must be zero ("0s": off) or longer')
    if "default" not in c.sla.first_response:
        bad("[sla] first_response", 'needs a "default" limit for grades without one')
    for stage, limit in c.sla.stage_stuck.items():
        if stage not in STAGES:
            bad("[sla] stage_stuck", f"unknown stage {stage!r}; stages are {'、'.join(STAGES)}")
        if limit <= timedelta(0):
            bad("[sla] stage_stuck", f"the limit for {stage} must be longer than zero")
    if len(c.sla.escalate_after) > 2:
        bad("[sla] escalate_after", "has at most two steps: to the manager, then to the admins")
    if c.sla.going_cold < 0:
        bad("[sla] going_cold", "must be 0 (off) or a positive multiple of the usual contact interval")


def parse_clock(text: str) -> time:
    """ "08:30" -> time(8, 30)."""
    m = _CLOCK.match(text.strip())
    if not m:
        raise ValueError(f'not a time of day like "08:30": {text!r}')
    return time(int(m[1]), int(m[2]))


def parse_weekly(text: str) -> tuple[int, time]:
    """ "mon 09:00" -> (0, time(9, 0)): a weekday (date.weekday()) and a time of day."""
    day, _, clock = text.strip().partition(" ")
    if day.lower() not in _DAYS:
        raise ValueError(f'not a weekday and time like "mon 09:00": {text!r}')
    return _DAYS.index(day.lower()), parse_clock(clock)


def _validate_digests(c: Config, bad: typing.Callable[[str, str], typing.NoReturn]) -> None:
    for key in ("rep_morning", "rep_evening", "manager_daily"):
        value = getattr(c.digests, key)
        if value and not _CLOCK.match(value.strip()):
            bad(f"[digests] {key}", f'must be a time like "08:30" (or "" for none), got {value!r}')
    weekly = c.digests.manager_weekly
    if weekly:
        try:
            parse_weekly(weekly)
        except ValueError:
            bad(
                "[digests] manager_weekly",
                f'must be a weekday and a time like "mon 09:00" (or "" for none), got {weekly!r}',
            )


def _validate_sales_rules(c: Config, bad: typing.Callable[[str, str], typing.NoReturn]) -> None:
    teams = {t.name for t in c.org.teams}
    if not c.grading.default.strip():
        bad("[grading] default", "must not be empty")
    for i, rule in enumerate(c.grading.rules, 1):
        if not rule.grade.strip():
            bad(f"[[grading.rules]] #{i} grade", "must not be empty")
        if rule.min_budget < 0:
            bad(f"[[grading.rules]] #{i} min_budget", f"must not be negative, got {rule.min_budget}")
    if c.assignment.capacity < 0:
        bad("[assignment] capacity", f"must be 0 (no limit) or more, got {c.assignment.capacity}")
    for key in ("grade_teams", "city_teams"):
        for name, team in getattr(c.assignment, key).items():
            if team not in teams:
                bad(f"[assignment] {key}.{name}", f"no team named {team!r} in [[org.teams]]")
    if c.assignment.queue_team and c.assignment.queue_team not in teams:
        bad("[assignment] queue_team", f"no team named {c.assignment.queue_team!r} in [[org.teams]]")


def configured_catalog(config: Config) -> Catalog:
    """The products and competitors of `[catalog] path`; an empty catalog when none is configured."""
    return load_catalog(config.catalog.path) if config.catalog.path else Catalog()


_PATH_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,128}$")


def _validate_lead_sources(c: Config, bad: typing.Callable[[str, str], typing.NoReturn]) -> None:
    names: set[str] = set()
    tokens: set[str] = set()
    for i, s in enumerate(c.lead_sources, 1):
        where = f"[[lead_sources]] #{i}"
        if not s.name.strip():
            bad(f"{where} name", "must not be empty")
        if s.name in names:
            bad(f"{where} name", f"{s.name!r} is used by another source")
        names.add(s.name)
        if s.platform not in LEAD_SOURCE_PLATFORMS:
            bad(f"{where} platform", f"must be one of {', '.join(LEAD_SOURCE_PLATFORMS)}, got {s.platform!r}")
        if s.platform in PUSH_PLATFORMS:
            if not _PATH_TOKEN.match(s.path_token):
                bad(f"{where} path_token", "must be 16 to 128 letters, digits, - or _ (an unguessable path)")
            if s.path_token in tokens:
                bad(f"{where} path_token", "is used by another source")
            tokens.add(s.path_token)
            if len(s.token) < 8:
                bad(
                    f"{where} token",
                    "is required (at least 8 characters): what the platform's pushes are checked with",
                )
        for key, target in s.fields.items():
            if target not in LEAD_FIELDS:
                bad(f"{where} fields.{key}", f"must be one of {', '.join(LEAD_FIELDS)}, got {target!r}")
        for target in s.values:
            if target not in LEAD_FIELDS:
                bad(f"{where} values.{target}", f"must be one of {', '.join(LEAD_FIELDS)}")
        if s.pull:
            if s.platform not in PULL_PLATFORMS:
                bad(f"{where} pull", f"only {' and '.join(PULL_PLATFORMS)} have a pull API")
            for key in ("app_id", "app_secret", "account_id", "refresh_token"):
                if not getattr(s, key):
                    bad(f"{where} {key}", "is required when pull = true")
        elif s.platform == "tencent":
            bad(f"{where} pull", "腾讯广告 leads are pulled: set pull = true and its credentials")
        if s.pull_interval < timedelta(minutes=1):
            bad(f"{where} pull_interval", "must be at least 1m")
