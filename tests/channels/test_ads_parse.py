"""The push platforms' parsers and checks on their own: submit times in every form the platforms write
them (and a missing, unreadable or future one), lead ids, answers by label, the defaults that let a
source work without a field map, and signatures compared on the raw body."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.channels.ads import baidu, feiyu, generic, xiaohongshu
from bot.channels.ads.lead import to_message
from bot.channels.ads.receiver import AdReceiver
from bot.channels.errors import BadCallback, SignatureError
from bot.clock import FixedClock
from bot.config import LEAD_FIELDS, LeadSourceConfig
from bot.fakes.ads_push import feiyu_push, headers_for, xiaohongshu_push
from tests.channels.ads_push_fixtures import FEIYU, GENERIC, NOW, SUBMITTED, TZ, XIAOHONGSHU

BARE = dataclasses.replace(FEIYU, fields={}, values={})  # name, platform, path_token and token alone


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1796026800, datetime(2026, 11, 30, 8, 20, tzinfo=UTC)),
        ("1796026800", datetime(2026, 11, 30, 8, 20, tzinfo=UTC)),
        (1796026800123, datetime(2026, 11, 30, 8, 20, 0, 123000, tzinfo=UTC)),  # milliseconds
        ("2026-11-30 16:20:00", datetime(2026, 11, 30, 8, 20, tzinfo=UTC)),  # Beijing time
        ("2026/11/30 16:20:00", datetime(2026, 11, 30, 8, 20, tzinfo=UTC)),
        (None, NOW),
        ("", NOW),
        ("yesterday", NOW),
        (True, NOW),
        ("2027-01-01 00:00:00", NOW),  # in the future: a wrong clock
        (10**30, NOW),
    ],
)
def test_feiyu_create_time(value: Any, expected: datetime) -> None:
    [lead] = feiyu.parse({"clue_id": "1", "create_time": value}, NOW, TZ)
    assert lead.submitted_at == expected


def test_feiyu_id_falls_back_to_id_and_remark_dict_may_be_a_json_string() -> None:
    data = {
        "id": 99,
        "name": "王伟",
        "telphone": "13800138000",
        "remark_dict": json.dumps({"意向产品": "DR"}),
    }
    [lead] = feiyu.parse(data, NOW, TZ)
    message = to_message(lead, BARE, feiyu.DEFAULTS)
    assert (lead.lead_id, message.form["product"], message.form["name"]) == ("99", "DR", "王伟")


def test_feiyu_defaults_map_the_standard_answers_without_a_field_map() -> None:
    data = {
        "clue_id": "5", "name": "王伟", "telphone": "13800138000", "city_name": "成都", "email": "w@x.cn",
        "remark": "想了解价格",
        "remark_dict": {"公司名称": "华西医院", "职务": "设备科科长", "意向产品": "CT/DR", "预算": "50-80万"},
        "promotion_name": "CT春季投放", "creative_id": 17,
    }  # fmt: skip
    [lead] = feiyu.parse(data, NOW, TZ)
    form = to_message(lead, BARE, feiyu.DEFAULTS).form
    keys = ("name", "phone", "company", "title", "city", "product", "email", "message")
    assert {k: form[k] for k in keys} == {
        "name": "王伟", "phone": "13800138000", "company": "华西医院", "title": "设备科科长", "city": "成都",
        "product": "CT/DR", "email": "w@x.cn", "message": "想了解价格",
    }  # fmt: skip
    assert form["source_detail"] == "广告 CT春季投放 · 创意 17"


def test_feiyu_a_city_answered_in_the_form_wins_over_the_network_guess() -> None:
    data = {"clue_id": "6", "city_name": "北京", "remark_dict": {"所在城市": "成都"}}
    [lead] = feiyu.parse(data, NOW, TZ)
    assert to_message(lead, BARE, feiyu.DEFAULTS).form["city"] == "成都"


def test_every_default_names_a_lead_field() -> None:
    for module in (feiyu, baidu, xiaohongshu, generic):
        assert set(module.DEFAULTS.values()) <= set(LEAD_FIELDS), module.__name__


def test_feiyu_access_token_is_compared_exactly() -> None:
    feiyu.verify({"Access-Token": FEIYU.token}, b"{}", FEIYU)
    for given in ("", FEIYU.token + "x", FEIYU.token.upper(), "令牌"):
        with pytest.raises(SignatureError):
            feiyu.verify({"Access-Token": given}, b"{}", FEIYU)
    with pytest.raises(SignatureError):  # an unset token never matches
        feiyu.verify({"Access-Token": ""}, b"{}", dataclasses.replace(FEIYU, token=""))


def test_baidu_delay_values_that_mean_no_delay() -> None:
    for delay in (None, "", 0, "0", False):
        [lead] = baidu.parse({"clue_id": "1", "push_delay": delay}, NOW, TZ)
        assert not lead.supplement, delay
    [lead] = baidu.parse({"clue_id": "1", "push_delay": "延迟20分钟", "keyword": "CT"}, NOW, TZ)
    assert lead.supplement and lead.detail == "关键词 CT"


def test_baidu_form_detail_multiple_choice_and_commit_time() -> None:
    data = {
        "clue_id": 12, "commit_time": "2026-12-01 16:48:00", "clue_phone_number": "13800138000",
        "form_detail": [{"name": "意向产品", "type": "checkbox", "value": ["CT", "DR"]},
                        {"name": "意向产品", "type": "text", "value": "MR"}, {"name": "", "value": "x"}],
    }  # fmt: skip
    [lead] = baidu.parse(data, NOW, TZ)
    assert lead.answers["意向产品"] == "CT、DR"  # a repeated label keeps the first answer
    assert lead.submitted_at == SUBMITTED


def test_xiaohongshu_signature_is_hmac_sha1_of_the_raw_body() -> None:
    headers, body = xiaohongshu_push(
        XIAOHONGSHU, clue_id="x1", name="王伟", phone="138", answers={}, created_at=SUBMITTED
    )
    xiaohongshu.verify(headers, body, XIAOHONGSHU)
    xiaohongshu.verify({"X-Red-Signature": headers["X-Red-Signature"].removeprefix("sha1=").upper()}, body,
                       XIAOHONGSHU)  # fmt: skip
    respaced = json.dumps(json.loads(body), ensure_ascii=False, indent=1).encode()  # same JSON, other bytes
    for given, payload in ((headers["X-Red-Signature"], respaced), ("sha1=", body), ("", body)):
        with pytest.raises(SignatureError):
            xiaohongshu.verify({"X-Red-Signature": given}, payload, XIAOHONGSHU)
    [lead] = xiaohongshu.parse(json.loads(body), NOW, TZ)
    assert (lead.lead_id, lead.submitted_at, lead.answers["手机号"]) == ("x1", SUBMITTED, "138")


def test_generic_takes_a_list_of_leads_and_times_in_the_configured_zone() -> None:
    data = [
        {"lead_id": "a", "submitted_at": "2026-12-01T08:48:00+00:00", "name": "王伟"},
        {"id": 7, "submitted_at": "2026-12-01 16:48:00", "answers": [{"label": "城市", "value": "成都"}]},
    ]
    first, second = generic.parse(data, NOW, TZ)
    assert (first.lead_id, second.lead_id) == ("a", "7")
    assert first.submitted_at == second.submitted_at == SUBMITTED
    assert to_message(second, GENERIC, generic.DEFAULTS).form["city"] == "成都"


def test_generic_signature_header_is_the_sources_and_prefix_optional() -> None:
    body = b'{"lead_id": "1"}'
    headers = headers_for(GENERIC, body)
    generic.verify(headers, body, GENERIC)
    generic.verify({k: v.removeprefix("sha256=") for k, v in headers.items()}, body, GENERIC)
    with pytest.raises(SignatureError):
        generic.verify({"X-Signature": headers["X-Lead-Signature"]}, body, GENERIC)


def test_a_missing_form_list_still_gives_a_lead() -> None:
    [lead] = xiaohongshu.parse({"data": {"leads_id": "1"}}, NOW, TZ)
    assert lead.submitted_at == NOW and lead.answers == {"leads_id": "1"}
    with pytest.raises(BadCallback):
        baidu.parse({"clue_id": ""}, NOW, TZ)


def test_the_source_is_found_among_many_by_platform_and_path() -> None:
    sources = [
        LeadSourceConfig(name=f"s{i}", platform=p, path_token=f"path-{p}-{i:012d}", token="t" * 8)
        for i in range(50)
        for p in ("feiyu", "baidu")
    ]
    receiver = AdReceiver(sources, FixedClock(NOW), _never, TZ)
    assert receiver.source("baidu", "path-baidu-000000000042") is sources[85]
    assert receiver.source("feiyu", "path-baidu-000000000042") is None
    assert receiver.source("baidu", "path-baidu-00000000004") is None
    assert receiver.source("tencent", "") is None


def test_the_fake_feiyu_push_parses_back() -> None:
    created = NOW - timedelta(hours=1)
    _, body = feiyu_push(FEIYU, clue_id="c", name="王伟", phone="138", answers={"意向产品": "CT"},
                         created_at=created, city="成都")  # fmt: skip
    [lead] = feiyu.parse(json.loads(body), NOW, TZ)
    assert (lead.submitted_at, lead.answers["remark_dict.意向产品"], lead.answers["city_name"]) == (
        created, "CT", "成都"
    )  # fmt: skip


async def _never(messages: Any) -> list[int]:
    raise AssertionError("not called")
