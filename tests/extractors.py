"""The extractors of a test session: one per catalog text and time zone, shared by every app the tests
build, as `create_app(config, extractor=extractors(config))` with the `extractors` fixture."""

from __future__ import annotations

from pathlib import Path

from bot.app import build_extractor
from bot.config import Config
from nlp import Extractor


class Extractors:
    """`extractors(config)`: the extractor create_app would build for the config, built on first use.

    Each one holds a jieba tokenizer (tens of MB, about a second to build); an app builds its own
    unless given one, and the suite builds a hundred apps."""

    def __init__(self) -> None:
        self._built: dict[tuple[str, str], Extractor] = {}

    def __call__(self, config: Config) -> Extractor:
        path = config.catalog.path
        key = (Path(path).read_text(encoding="utf-8") if path else "", config.sla.timezone)
        if key not in self._built:
            self._built[key] = build_extractor(config)
        return self._built[key]
