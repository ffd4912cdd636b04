"""Helpers several test folders share."""

from __future__ import annotations

from bot.app import addressing_for

__all__ = ["addressing_for"]
