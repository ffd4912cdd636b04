"""Pictures and files on DingTalk: the real client uploads (上传媒体文件) to the fake over HTTP and sends
what it got back through batchSend and group send; what the documents rule out never leaves the process."""

# ruff: noqa: F811 (the fixtures imported below are parameters of the tests)

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.channels.dingtalk.client import BATCH_SEND, GROUP_SEND, TOKEN_PATH, DingTalkClient
from bot.channels.dingtalk.errors import DingTalkError, classify_oapi
from bot.channels.dingtalk.media import MAX_BYTES, MEDIA_UPLOAD, file_message, file_type, image_message
from bot.fakes.dingtalk import BAD_TOKEN, FakeDingTalk
from bot.fakes.dingtalk_media import BAD_FILE_SIZE, BAD_FILE_TYPE, BAD_MEDIA_TYPE, FakeMedia, Refused
from tests.channels.dingtalk_fixtures import (  # noqa: F401 (fixtures: conftest.py is shared with others)
    dingtalk,
    dingtalk_client,
    dingtalk_config,
    dingtalk_tokens,
)

XLSX = b"PK\x03\x04 a spreadsheet of this week's leads"
PNG = b"\x89PNG\r\n\x1a\n a chart"


# -- upload, then send ------------------------------------------------------------------------------------


async def test_a_file_is_uploaded_then_sent_by_its_media_id(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    media_id = await dingtalk_client.upload_media("file", "线索周报.xlsx", XLSX)
    assert media_id.startswith("@lA")
    assert dingtalk.media[media_id] == XLSX and dingtalk.media_names[media_id] == "线索周报.xlsx"
    [upload] = dingtalk.calls(MEDIA_UPLOAD)
    token = await dingtalk_client.access_token()  # the same token as the new API's, in the query
    assert upload.query == {"access_token": token, "type": "file"}
    assert upload.body == {"type": "file", "media": {"filename": "线索周报.xlsx", "size": len(XLSX)}}

    msg_key, msg_param = file_message(media_id, "线索周报.xlsx")
    result = await dingtalk_client.batch_send(["LiNa"], msg_key, msg_param)
    assert result.invalid == () and result.flow_controlled == ()
    [got] = dingtalk.delivered("LiNa")
    assert (got.how, got.msg_key) == ("batch", "sampleFile")
    assert got.params == {"mediaId": media_id, "fileName": "线索周报.xlsx", "fileType": "xlsx"}


async def test_a_picture_is_uploaded_then_sent_to_a_member_and_a_group(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    media_id = await dingtalk_client.upload_media("image", "漏斗.png", PNG)
    assert dingtalk.calls(MEDIA_UPLOAD)[0].query["type"] == "image"
    msg_key, msg_param = image_message(media_id)
    await dingtalk_client.batch_send(["ZhangWei"], msg_key, msg_param)
    await dingtalk_client.group_send("cidTeam==", msg_key, msg_param)
    [got] = dingtalk.delivered("ZhangWei")
    [post] = dingtalk.group_posts("cidTeam==")
    assert (
        (got.msg_key, got.params) == (post.msg_key, post.params) == ("sampleImageMsg", {"photoURL": media_id})
    )
    assert dingtalk.media[media_id] == PNG


async def test_a_file_of_exactly_the_documented_limit_goes_through(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    data = b"x" * MAX_BYTES["file"]
    media_id = await dingtalk_client.upload_media("file", "archive.zip", data)
    assert len(dingtalk.media[media_id]) == MAX_BYTES["file"]


# -- refused before any call ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "size"),
    [
        ("image", "big.png", MAX_BYTES["image"] + 1),
        ("file", "big.pdf", MAX_BYTES["file"] + 1),
        ("file", "empty.pdf", 0),
        ("file", "leads.csv", 10),  # not a format the document lists for files: send xlsx
        ("image", "chart.webp", 10),
        ("image", "report.pdf", 10),  # a document is no picture
        ("file", "no-extension", 10),
        ("file", 'a"quote.pdf', 10),
        ("file", "../etc/x.pdf", 10),
        ("voice", "note.mp3", 10),
    ],
)
async def test_what_the_documents_rule_out_raises_before_any_call(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk, kind: str, name: str, size: int
) -> None:
    with pytest.raises(ValueError):
        await dingtalk_client.upload_media(kind, name, b"x" * size)  # type: ignore[arg-type]
    assert dingtalk.requests == []  # not even a token


# -- refused tokens ---------------------------------------------------------------------------------------


async def test_a_revoked_token_is_dropped_refreshed_and_the_upload_retried_once(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    stale = await dingtalk_client.access_token()
    dingtalk.revoke_tokens()
    media_id = await dingtalk_client.upload_media("file", "report.pdf", b"%PDF-1.7")
    first, second = dingtalk.calls(MEDIA_UPLOAD)
    assert first.query["access_token"] == stale and second.query["access_token"] != stale
    assert len(dingtalk.calls(TOKEN_PATH)) == 2 and list(dingtalk.media) == [media_id]


@pytest.mark.parametrize(
    "refusal",
    [
        {"errcode": 42001, "errmsg": "access_token超时"},
        {"errcode": 41001, "errmsg": "缺少access_token参数"},
        {
            "errcode": 88,
            "sub_code": "40014",
            "sub_msg": "不合法的access_token",
            "errmsg": "ding talk error[subcode=40014,submsg=不合法的access_token]",
        },
    ],
)
async def test_each_refused_token_answer_is_retried_once_with_a_fresh_token(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk, refusal: dict[str, object]
) -> None:
    dingtalk.inject(MEDIA_UPLOAD, 200, body=refusal)
    await dingtalk_client.upload_media("file", "report.pdf", b"%PDF-1.7")
    assert len(dingtalk.calls(MEDIA_UPLOAD)) == 2 and len(dingtalk.calls(TOKEN_PATH)) == 2
    assert len(dingtalk.media) == 1


async def test_a_token_refused_twice_is_a_token_error_without_looping(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    dingtalk.inject(MEDIA_UPLOAD, 200, str(BAD_TOKEN), times=5)
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.upload_media("file", "report.pdf", b"%PDF-1.7")
    assert (e.value.kind, e.value.code, e.value.path) == ("token", "40014", MEDIA_UPLOAD)
    assert len(dingtalk.calls(MEDIA_UPLOAD)) == 2 and not dingtalk.media


async def test_no_permission_is_config_and_not_retried(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    no_permission = {"errcode": 88, "sub_code": "60011", "sub_msg": "没有调用该接口的权限",
                     "errmsg": "ding talk error[subcode=60011,submsg=没有调用该接口的权限]"}  # fmt: skip
    dingtalk.inject(MEDIA_UPLOAD, 200, body=no_permission)
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.upload_media("image", "chart.png", PNG)
    assert (e.value.kind, e.value.code) == ("config", "88")
    assert len(dingtalk.calls(MEDIA_UPLOAD)) == 1 and len(dingtalk.calls(TOKEN_PATH)) == 1


async def test_upload_5xx_is_retry_for_the_outbox(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    dingtalk.inject(MEDIA_UPLOAD, 502)
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.upload_media("image", "chart.png", PNG)
    assert (e.value.kind, e.value.status) == ("retry", 502)
    assert await dingtalk_client.upload_media("image", "chart.png", PNG)  # a fresh form on the next attempt


# -- unknown media ----------------------------------------------------------------------------------------


async def test_a_file_or_picture_naming_unknown_media_is_refused(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.batch_send(["LiNa"], *file_message("@lAnoSuchMedia", "report.pdf"))
    assert (e.value.kind, e.value.status, e.value.code) == ("other", 400, "param.error")
    assert "@lAnoSuchMedia" in e.value.message
    file_id = await dingtalk_client.upload_media("file", "report.pdf", b"%PDF-1.7")
    with pytest.raises(DingTalkError) as e:  # a file's media_id is no picture
        await dingtalk_client.group_send("cidTeam==", *image_message(file_id))
    assert (e.value.kind, e.value.status) == ("other", 400)
    assert not dingtalk.delivered("LiNa") and not dingtalk.group_posts("cidTeam==")
    assert len(dingtalk.calls(BATCH_SEND)) == len(dingtalk.calls(GROUP_SEND)) == 1  # permanent: no retry


async def test_a_picture_may_also_be_a_web_url(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    await dingtalk_client.batch_send(["LiNa"], *image_message("https://example.com/chart.png"))
    assert dingtalk.delivered("LiNa")[0].params == {"photoURL": "https://example.com/chart.png"}


# -- the fake's own upload checks and the shapes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("query_type", "form", "errcode"),
    [
        ("sticker", {"media": ("a.png", b"x")}, BAD_MEDIA_TYPE),
        (
            "image",
            {"type": (None, b"file"), "media": ("a.png", b"x")},
            BAD_MEDIA_TYPE,
        ),  # URL and body disagree
        ("file", {"media": ("a.exe", b"x")}, BAD_FILE_TYPE),
        ("image", {"media": ("a.png", b"x" * (MAX_BYTES["image"] + 1))}, BAD_FILE_SIZE),
        ("voice", {"media": ("a.mp3", b"x" * (2 * 1024 * 1024 + 1))}, BAD_FILE_SIZE),
    ],
)
def test_the_fake_refuses_uploads_as_documented(
    query_type: str, form: dict[str, tuple[str | None, bytes]], errcode: int
) -> None:
    store = FakeMedia()
    with pytest.raises(Refused) as e:
        store.upload(query_type, form, datetime(2026, 12, 1, tzinfo=UTC))
    assert (e.value.status, e.value.code) == (200, errcode) and not store.data


def test_refused_tokens_are_token_only_where_the_app_token_was_sent() -> None:
    assert classify_oapi(40014, app_token=True) == ("token", None)
    assert classify_oapi(42001, app_token=True) == ("token", None)
    assert classify_oapi(88, app_token=True, sub_code="40014") == ("token", None)
    assert classify_oapi(88, app_token=True, sub_code="60011") == ("config", None)
    assert classify_oapi(40014) == ("other", None)  # a webhook carries no app token to refresh


def test_message_shapes() -> None:
    assert file_message("@lAx", "季度 报告.PDF") == (
        "sampleFile",
        {"mediaId": "@lAx", "fileName": "季度 报告.PDF", "fileType": "pdf"},
    )
    assert image_message("@lAy") == ("sampleImageMsg", {"photoURL": "@lAy"})
    assert (file_type("a.tar.gz"), file_type(".hidden"), file_type("none")) == ("gz", "", "")
