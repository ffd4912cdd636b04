"""deploy/compose.yaml and its Caddyfile say what the README promises: two bot instances on PostgreSQL,
the schema upgraded once before they start, both behind the proxy, the console's stream not buffered.
(No YAML parser is a dependency: the checks read the text.)"""

from __future__ import annotations

import re
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def services(compose: str) -> dict[str, str]:
    """Each top-level service's block of text, by name."""
    block = compose.split("\nservices:\n", 1)[1].split("\nvolumes:\n", 1)[0]
    parts = re.split(r"^  ([a-z0-9_-]+):\n", block, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_two_bots_start_after_one_upgrade_on_postgresql() -> None:
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    found = services(compose)
    bots = sorted(name for name, text in found.items() if "*salesbot" in text and name != "migrate")
    assert bots == ["bot1", "bot2"]
    assert '["salesbot", "db", "upgrade"]' in found["migrate"] and 'restart: "no"' in found["migrate"]
    for bot in bots:
        assert re.search(r"migrate:\n\s+condition: service_completed_successfully", found[bot])
    assert "condition: service_healthy" in found["migrate"]  # after PostgreSQL answers
    assert "postgresql+asyncpg://" in compose and "image: postgres:" in found["postgres"]
    assert 'profiles: ["redis"]' in found["redis"]  # optional
    anchor = compose.split("\nservices:\n", 1)[0]  # what both bots share: Redis when the profile is on
    assert "SALESBOT_DATABASE_REDIS_URL: ${SALESBOT_REDIS_URL:-}" in anchor


def test_the_proxy_sends_to_both_bots_and_streams_the_console() -> None:
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    caddyfile = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "./Caddyfile:/etc/caddy/Caddyfile" in services(compose)["proxy"]
    assert re.search(r"reverse_proxy bot1:8080 bot2:8080", caddyfile)
    assert "health_uri /readyz" in caddyfile and "flush_interval -1" in caddyfile
