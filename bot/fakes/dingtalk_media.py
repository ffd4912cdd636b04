"""The fake DingTalk server's media: what media/upload (上传媒体文件) takes and stores, and the check that a
picture or file message names media this app uploaded. `FakeDingTalk` owns one `FakeMedia`.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from bot.channels.dingtalk.media import FORMATS, MAX_BYTES, file_type

# Every type the platform takes, with its documented weight and formats (the client sends only image and
# file), and the old API's errcodes for what it refuses.
MEDIA_LIMITS = {**MAX_BYTES, "voice": 2 * 1024 * 1024, "video": 20 * 1024 * 1024}
MEDIA_FORMATS = {**FORMATS, "voice": frozenset({"amr", "mp3", "wav"}), "video": frozenset({"mp4"})}
BAD_MEDIA_TYPE, BAD_FILE_TYPE, BAD_FILE_SIZE, MISSING_PARAM = 40004, 40005, 40006, 40035

Form = dict[str, tuple[str | None, bytes]]  # multipart field -> (file name or None, bytes)


class Refused(Exception):
    """An answer other than success, in the style of the path's API (the fake answers it)."""

    def __init__(self, status: int, code: str | int, message: str) -> None:
        self.status, self.code, self.message = status, code, message


class FakeMedia:
    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}  # media_id -> the uploaded bytes
        self.names: dict[str, str] = {}  # media_id -> the file name it was uploaded with
        self.kinds: dict[str, str] = {}  # media_id -> image | file | voice | video

    def upload(self, query_type: str, form: Form, now: datetime) -> dict[str, Any]:
        """media/upload once the token passed: `type` in the URL or the form (both must agree)."""
        in_body = form.get("type", (None, b""))[1].decode()
        kind = query_type or in_body
        if kind not in MEDIA_LIMITS or (in_body and in_body != kind):
            raise Refused(200, BAD_MEDIA_TYPE, "不合法的媒体文件类型")
        name, data = form.get("media", (None, b""))
        if not name:
            raise Refused(200, MISSING_PARAM, "缺少参数 media")
        if file_type(name) not in MEDIA_FORMATS[kind]:
            raise Refused(200, BAD_FILE_TYPE, "不合法的文件类型")
        if not 0 < len(data) <= MEDIA_LIMITS[kind]:
            raise Refused(200, BAD_FILE_SIZE, "不合法的文件大小")
        media_id = f"@lA{secrets.token_urlsafe(21)}"
        self.data[media_id], self.names[media_id], self.kinds[media_id] = data, name, kind
        return {"type": kind, "media_id": media_id, "created_at": int(now.timestamp() * 1000)}

    def check_message(self, key: str, params: dict[str, Any]) -> None:
        """A picture (sampleImageMsg) names an image media_id or a web URL; a file (sampleFile) names any
        uploaded media_id, with a file name and type. Anything else is HTTP 400 param.error."""
        if key == "sampleImageMsg":
            photo = str(params["photoURL"])
            if not photo.startswith(("https://", "http://")) and self.kinds.get(photo) != "image":
                raise Refused(400, "param.error", f"photoURL {photo!r} is no image media_id or URL")
        elif key == "sampleFile":
            if params["mediaId"] not in self.data:
                raise Refused(400, "param.error", f"mediaId {params['mediaId']!r} 不存在")
            if not params["fileName"] or not params["fileType"]:
                raise Refused(400, "param.error", "fileName and fileType are required")
