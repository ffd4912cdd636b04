"""A POST sent over a raw socket in two writes with a pause between them, as a body arrives over the
internet in several TCP segments (an HTTP client library would send it in one)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from aiohttp.test_utils import TestServer

PAUSE = 0.1  # seconds between the writes: long enough for the server to start on the first piece


async def post_in_two_writes(
    server: TestServer, path: str, body: bytes, headers: Mapping[str, str] | None = None
) -> tuple[int, bytes]:
    """(status, body) of the answer to a POST whose body is split in half across two writes."""
    assert server.port is not None
    reader, writer = await asyncio.open_connection(server.host, server.port)
    try:
        head = f"POST {path} HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
        head += f"Content-Length: {len(body)}\r\nConnection: close\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        half = len(body) // 2
        writer.write(head.encode("latin-1") + b"\r\n" + body[:half])
        await writer.drain()
        await asyncio.sleep(PAUSE)
        writer.write(body[half:])
        await writer.drain()
        answer = await reader.read()
    finally:
        writer.close()
        await writer.wait_closed()
    status_line, _, rest = answer.partition(b"\r\n")
    _, _, content = rest.partition(b"\r\n\r\n")
    return int(status_line.split()[1]), content
