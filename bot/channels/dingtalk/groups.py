"""A team's group on DingTalk: a custom robot's webhook URL (with its 加签 secret) or a group
conversation the app's robot is in (its openConversationId), told apart by their form."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

WEBHOOK_PREFIX = "webhook:"  # an outbox group target that is a custom robot's access token


def group_target(address: str) -> str | None:
    """A team's group address on DingTalk, as an outbox target: a custom robot's webhook URL
    (…/robot/send?access_token=…) or a group conversation's openConversationId ("cid…")."""
    address = address.strip()
    if "/robot/send" in address and "access_token=" in address:
        tokens = parse_qs(urlsplit(address).query).get("access_token")
        return WEBHOOK_PREFIX + tokens[0] if tokens else None
    if address.startswith("cid"):
        return address
    return None


def webhook_secrets(teams: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each custom robot's 加签 secret by its access token, from the teams' (group_webhook, group_secret)."""
    found = {}
    for address, secret in teams:
        target = group_target(address) if secret else None
        if target and target.startswith(WEBHOOK_PREFIX):
            found[target.removeprefix(WEBHOOK_PREFIX)] = secret
    return found
