"""Phones (mobile, landline, +86, separators, extensions) and e-mail addresses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import extract
from nlp.phones import find_emails, find_phones


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("电话13812345678", "13812345678"),
        ("手机 139-5311-2288", "13953112288"),
        ("手机 138 1234 5678", "13812345678"),
        ("手机+86 136 0591 2345", "13605912345"),
        ("+8613723456789", "13723456789"),
        ("+86-186-0716-5520", "18607165520"),
        ("电话0571-8888 6666", "057188886666"),
        ("电话(021)6288 1234", "02162881234"),
        ("电话 (0592) 5123 456", "05925123456"),
        ("座机0771-5636888", "07715636888"),
        ("电话 0510-8812 3456 转 8021", "051088123456"),
    ],
)
def test_phones(text: str, phone: str) -> None:
    assert [p for p, _ in find_phones(text)][:1] == [phone]


@pytest.mark.parametrize("text", ["订单号20260112087", "预算150万", "2026年3月10日"])
def test_not_phones(text: str) -> None:
    assert find_phones(text) == []


def test_email_lower_cased() -> None:
    assert [e for e, _ in find_emails("邮箱 Yang.Min@Pujiang-Pharma.com ，谢谢")] == [
        "yang.min@pujiang-pharma.com"
    ]


def test_a_mobile_read_out_digit_by_digit() -> None:
    assert find_phones("我姓冯电话是一三三零三一一八八二七")[0][0] == "13303118827"
    assert find_phones("一共一百二十三万") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("佛山陶瓷厂前台 0757-8231 5566 转 302 找设备科", "075782315566"),
        ("总机 010-6789 2345 EXT 27，问物流部", "01067892345"),
        ("售后热线 400-611-7788转2", "4006117788"),
        ("服务电话 800 830 5126 ext.5", "8008305126"),
        ("物业客服4001-826-826", "4001826826"),
        ("报修 0371-6655 1234-8019", "037166551234"),
    ],
)
def test_a_phone_with_its_extension_is_the_number_alone(text: str, phone: str) -> None:
    assert [p for p, _ in find_phones(text)] == [phone]


@pytest.mark.parametrize("text", ["合同额8000000000元", "工单号4001234567890"])
def test_no_service_line_in_amounts_or_long_numbers(text: str) -> None:
    assert find_phones(text) == []


def test_a_service_line_with_an_extension_is_the_reports_phone() -> None:
    sent = datetime(2026, 4, 14, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    ex = extract("今天电话联系了宁波恒泰模具的钱经理，他给的是400-667-2310转15，下周再约", sent)
    assert ex.phone == "4006672310"
