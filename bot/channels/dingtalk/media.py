"""What DingTalk takes as media (上传媒体文件, oapi /media/upload) and the robot messages that carry an upload
(sampleImageMsg, sampleFile), so the client, the fake and the channel agree on limits and field names.

The limits are the current 上传媒体文件 document's: image 20 MB (jpg, gif, png, bmp), file 20 MB
(doc, docx, xls, xlsx, ppt, pptx, zip, pdf, rar). Older versions of the page said image 1 MB and file
10 MB; the platform enforces its own, so the client only refuses what the document already rules out.
"""

from __future__ import annotations

from typing import Literal

MediaKind = Literal["image", "file"]

MEDIA_UPLOAD = "/media/upload"  # on oapi_base, with ?access_token=<the app's token>&type=<kind>
MAX_BYTES: dict[str, int] = {"image": 20 * 1024 * 1024, "file": 20 * 1024 * 1024}
# By file name extension. "jpeg" is the same format as the documented "jpg".
FORMATS: dict[str, frozenset[str]] = {
    "image": frozenset({"jpg", "jpeg", "gif", "png", "bmp"}),
    "file": frozenset({"doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "pdf", "rar"}),
}


def file_type(name: str) -> str:
    """The extension DingTalk shows a file by (sampleFile's fileType): "xlsx" for "线索.XLSX"."""
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def check_media(kind: str, name: str, data: bytes) -> None:
    """Raise ValueError (with an English reason for the log) for what the platform would refuse anyway:
    an unknown kind, an empty or oversized body, a format it does not take, or a name that cannot go in a
    multipart header. The caller turns it into a polite text instead of a send."""
    if kind not in MAX_BYTES:
        raise ValueError(f"dingtalk media kind must be image or file, not {kind!r}")
    if not name or any(c in name for c in '"\r\n\\/'):
        raise ValueError(f"dingtalk media name {name!r} is empty or has quotes, slashes or line breaks")
    if file_type(name) not in FORMATS[kind]:
        allowed = ", ".join(sorted(FORMATS[kind]))
        raise ValueError(f"dingtalk takes {kind} media as {allowed}; {name!r} is not one of them")
    if not data:
        raise ValueError(f"dingtalk media {name!r} is empty")
    if len(data) > MAX_BYTES[kind]:
        raise ValueError(f"dingtalk {kind} media may weigh {MAX_BYTES[kind]} bytes; {name!r} has {len(data)}")


def image_message(media_id: str) -> tuple[str, dict[str, str]]:
    """(msgKey, msgParam) for a picture by batchSend or group send: photoURL takes an uploaded media_id
    (or a public image URL). A session webhook has no image type: send markdown "![name](media_id)"."""
    return "sampleImageMsg", {"photoURL": media_id}


def file_message(media_id: str, name: str) -> tuple[str, dict[str, str]]:
    """(msgKey, msgParam) for a file by batchSend or group send; the member sees `name`. Session webhooks
    cannot carry files."""
    return "sampleFile", {"mediaId": media_id, "fileName": name, "fileType": file_type(name)}
