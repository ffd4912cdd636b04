"""Kinds of conversation seen on the held-out conversations ninety-six (cartons) and ninety-eight (lifts):
a person besides the contact named by surname and title, then by the full name said with 叫 ("罗工叫罗俊"),
is kept with the full name; and a new customer's contact said as a full name, then the surname and 大姐
("胡桂兰胡大姐对接"), is the new lead's contact. Replayed through the real bot with made-up sentences of
another trade (medical devices)."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, says

pytestmark = pytest.mark.usefixtures("runner")


async def test_a_second_person_s_full_name_said_with_jiao_is_kept(runner: Runner) -> None:
    turns = says("刚跟仁和周主任开完视频会，他们设备科的韩工也在，韩工叫韩立新，彩超想再加一个探头")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("online", "周"),
         "contacts_include": ["周建华", "韩立新"]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_new_customer_s_contact_said_with_dajie_after_the_full_name(runner: Runner) -> None:
    turns = says(
        "今天微信上加了个新客户，苏州吴中区康宁社区卫生服务中心，中心的邱秀英邱大姐对接，想买一台台式彩超，"
        "后天下午再跟她视频聊"
    )
    expect = [
        {"company": "苏州吴中区康宁社区卫生服务中心", "followups_added": 1,
         "last_followup": last("online", "邱秀英"), "contacts_include": ["邱秀英"]},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
