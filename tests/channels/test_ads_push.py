"""The ad platforms' push endpoint over real HTTP: a valid push of each platform becomes one inquiry with
the form mapped (field map, value map, tags, the platform's lead, the submit time) and the platform's
success answer; repeats carry the same id; a bad token or signature, an unknown path, a malformed,
misshapen or oversized body are refused with nothing accepted; 百度's delayed push is a supplement."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.channels.ads.receiver import MAX_BODY
from bot.config import PUSH_PLATFORMS
from bot.fakes.ads_push import baidu_push, headers_for, path
from tests.channels.ads_push_fixtures import BAIDU, FEIYU, PLATFORMS, SUBMITTED, Platform, serve
from tests.raw_http import post_in_two_writes

ALL = pytest.mark.parametrize("name", sorted(PLATFORMS))


def test_every_push_platform_has_a_receiver() -> None:
    from bot.channels.ads.receiver import PUSH_MODULES as RECEIVERS

    assert set(RECEIVERS) == set(PUSH_PLATFORMS) == set(PLATFORMS)


@ALL
async def test_a_valid_push_becomes_one_inquiry_with_the_form_mapped(aiohttp_client: Any, name: str) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    headers, body = platform.push("7301")
    response = await client.post(platform.path, data=body, headers=headers)
    assert (response.status, await response.json()) == (200, platform.success)
    [message] = recorder.messages
    assert (message.platform, message.kind, message.platform_msg_id) == ("ads", "inquiry", f"{name}:7301")
    assert message.sent_at == SUBMITTED  # the SLA runs from the customer's submit, not from arrival
    form = dict(message.form)
    assert form.pop("source_detail")  # where the lead came from: the platform's campaign or channel
    assert form == {
        "name": "王伟",
        "phone": "13800138000",
        "company": "华西医院",  # the source's field map: 所在医院 -> company
        "city": "成都",
        "product": "64排CT",  # the source's value map: CT/DR -> 64排CT
        "source": platform.source.name,
        "tags": "CT/DR意向、预算50-80万",
        "lead_ref": f"{name}:7301",
    }
    assert "华西医院" in message.text and "64排CT" in message.text


@ALL
async def test_the_same_push_three_times_carries_one_id(aiohttp_client: Any, name: str) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    headers, body = platform.push("7302")
    for _ in range(3):  # the platform retries: the pipeline stores the id once
        response = await client.post(platform.path, data=body, headers=headers)
        assert (response.status, await response.json()) == (200, platform.success)
    assert [[m.platform_msg_id for m in call] for call in recorder.calls] == [[f"{name}:7302"]] * 3


@ALL
async def test_a_bad_token_or_signature_is_401_and_nothing_is_accepted(
    aiohttp_client: Any, name: str
) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    headers, body = platform.push(**{platform.bad: True})
    response = await client.post(platform.path, data=body, headers=headers)
    assert response.status == 401 and "token" not in (await response.text()).lower()
    bare = {"Content-Type": "application/json"}  # no credentials at all
    if name == "baidu":
        body = json.dumps({k: v for k, v in json.loads(body).items() if k != "token"}).encode()
    assert (await client.post(platform.path, data=body, headers=bare)).status == 401
    assert recorder.calls == []


@pytest.mark.parametrize("name", ["xiaohongshu", "generic"])  # the others send a token, not a signature
async def test_a_signature_over_another_body_is_401(aiohttp_client: Any, name: str) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    headers, _ = platform.push("1")
    _, other = platform.push("2")
    assert (await client.post(platform.path, data=other, headers=headers)).status == 401
    assert recorder.calls == []


@ALL
async def test_an_unknown_path_is_404_and_nothing_is_read(aiohttp_client: Any, name: str) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    headers, body = platform.push()
    token = platform.source.path_token
    other = "baidu" if name != "baidu" else "feiyu"
    for wrong in (
        f"/leads/{name}/{token[:-1]}x",
        f"/leads/{other}/{token}",
        f"/leads/{name}/",
        "/leads/tencent/x",
    ):
        assert (await client.post(wrong, data=body, headers=headers)).status == 404, wrong
    assert recorder.calls == []


async def test_a_source_of_another_platform_is_not_served_at_its_path(aiohttp_client: Any) -> None:
    client, recorder = await serve(aiohttp_client, sources=[FEIYU])
    headers, body = PLATFORMS["baidu"].push()
    assert (await client.post(path(BAIDU), data=body, headers=headers)).status == 404
    assert recorder.calls == []


@ALL
async def test_malformed_json_is_400(aiohttp_client: Any, name: str) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    for body in (
        b'{"clue_id": ',
        b"\xff\xfe",
        b'{"a": "\\u0000"}',
        b"NaN",
        b'{"clue_id": "1", "lead_id": "1", "n": 1e999}',
    ):
        response = await client.post(platform.path, data=body, headers=headers_for(platform.source, body))
        assert response.status == 400, body
    assert recorder.calls == []


# JSON inside a string field, as hostile as a body: nested too deep (was a 500), NUL, a lone surrogate, 1e999
NESTED = ['{"a": ' + "[" * 2000 + "]" * 2000 + "}", '{"a": "x\\u0000"}', '{"a": "\\ud800"}', '{"a": 1e999}']
SHAPES: dict[str, list[Any]] = {
    "feiyu": [[], "x", {"name": "王伟"}, {"clue_id": {"a": 1}}, {"clue_id": "1", "remark_dict": "{oops"},
              {"clue_id": True}, {"clue_id": "x" * 200},
              *({"clue_id": "1", "remark_dict": n} for n in NESTED)],
    "baidu": [{"clue_id": "1", "form_detail": {"a": 1}}, {"clue_id": "1", "form_detail": "[oops"},
              {"clue_id": "1", "form_detail": [1, 2]}, {"clue_phone_number": "138"},
              *({"clue_id": "1", "form_detail": f"[{n}]"} for n in NESTED)],
    "xiaohongshu": [[], {"data": []}, {"data": {"leads_id": "1", "data": {"a": 1}}},
                    {"data": {"keyword": "CT"}}, {"data": {"leads_id": "1", "data": ["x"]}}],
    "generic": [[], "x", {"name": "王伟"}, [{"lead_id": "1"}, 2], [{"lead_id": str(i)} for i in range(101)],
                {"lead_id": "1", "answers": 3}],
}  # fmt: skip


@ALL
async def test_a_body_of_the_wrong_shape_is_400(aiohttp_client: Any, name: str) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    for shape in SHAPES[name]:
        if name == "baidu":
            shape = {**shape, "token": platform.source.token}
        body = json.dumps(shape, ensure_ascii=False).encode()
        response = await client.post(platform.path, data=body, headers=headers_for(platform.source, body))
        assert response.status == 400, shape
    assert recorder.calls == []


async def test_a_baidu_body_that_is_not_an_object_cannot_be_authenticated(aiohttp_client: Any) -> None:
    client, recorder = await serve(aiohttp_client)
    for body in (b"[]", b'"token"'):
        assert (await client.post(path(BAIDU), data=body)).status == 400
    assert recorder.calls == []


@ALL
async def test_an_oversized_body_is_413(aiohttp_client: Any, name: str) -> None:
    platform = PLATFORMS[name]
    client, recorder = await serve(aiohttp_client)
    headers, body = platform.push(answers={"留言": "很" * MAX_BODY})
    assert (await client.post(platform.path, data=body, headers=headers)).status == 413
    assert recorder.calls == []


async def test_a_body_in_several_segments_is_read_whole(aiohttp_client: Any) -> None:
    client, recorder = await serve(aiohttp_client)
    platform = PLATFORMS["xiaohongshu"]
    headers, body = platform.push("seg")
    status, answer = await post_in_two_writes(client.server, platform.path, body, headers)
    assert (status, json.loads(answer)) == (200, platform.success)
    assert [m.platform_msg_id for m in recorder.messages] == ["xiaohongshu:seg"]


async def test_baidu_delayed_push_is_a_supplement_of_the_same_lead(aiohttp_client: Any) -> None:
    client, recorder = await serve(aiohttp_client)
    platform = PLATFORMS["baidu"]
    for delayed in (False, True):
        headers, body = platform.push("bd1", delayed=delayed, keyword="CT机价格")
        response = await client.post(platform.path, data=body, headers=headers)
        assert (response.status, await response.json()) == (200, {"code": 0})
    first, later = recorder.messages
    assert (first.platform_msg_id, later.platform_msg_id) == ("baidu:bd1", "baidu:bd1:supplement")
    assert later.form["lead_ref"] == first.form["lead_ref"] == "baidu:bd1"
    assert later.form["supplement"] == "1" and "supplement" not in first.form
    assert "关键词 CT机价格" in later.form["source_detail"] and "计划 CT-华西" in later.form["source_detail"]
    assert "关键词" not in first.form["source_detail"]
    assert later.sent_at == first.sent_at == SUBMITTED


async def test_baidu_two_phone_numbers_are_phone_and_phone2(aiohttp_client: Any) -> None:
    client, recorder = await serve(aiohttp_client)
    headers, body = PLATFORMS["baidu"].push("bd2", phone="13800138000,13900139000")
    assert (await client.post(path(BAIDU), data=body, headers=headers)).status == 200
    [message] = recorder.messages
    assert (message.form["phone"], message.form["phone2"]) == ("13800138000", "13900139000")


async def test_baidu_form_detail_as_a_json_string_and_its_token_not_kept(aiohttp_client: Any) -> None:
    client, recorder = await serve(aiohttp_client)
    headers, body = baidu_push(
        BAIDU, clue_id="bd3", name="李娜", phone="13700137000", answers={"城市": "重庆"},
        created_at=SUBMITTED, form_as_string=True,
    )  # fmt: skip
    assert (await client.post(path(BAIDU), data=body, headers=headers)).status == 200
    [message] = recorder.messages
    assert (message.form["name"], message.form["city"]) == ("李娜", "重庆")
    assert BAIDU.token not in json.dumps(message.raw, ensure_ascii=False)


async def test_a_failed_store_is_a_503_so_the_platform_pushes_again(aiohttp_client: Any) -> None:
    client, recorder = await serve(aiohttp_client)
    platform: Platform = PLATFORMS["feiyu"]
    headers, body = platform.push("f9")
    recorder.fail = 1
    assert (await client.post(platform.path, data=body, headers=headers)).status == 503
    assert (await client.post(platform.path, data=body, headers=headers)).status == 200
    assert [m.platform_msg_id for m in recorder.messages] == ["feiyu:f9"]
