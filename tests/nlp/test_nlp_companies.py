"""Companies from their structure, full and short forms, and folding them to one key."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, company_key

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天上午拜访了苏州仁济医院设备科王主任", "苏州仁济医院"),
        ("刚跟杭州华顺贸易有限公司的刘经理通完电话", "杭州华顺贸易有限公司"),
        ("电话联系了远航物流的财务经理", "远航物流"),
        ("跟金鼎涂料的刘总通了个电话", "金鼎涂料"),
        ("瑞丰农机的孙老板说设备坏了", "瑞丰农机"),
        ("上午去了宁波慈溪的小家电厂，慈溪美达电器有限公司，采购部林主管要纸箱", "慈溪美达电器有限公司"),
        ("我们是柳州一家中医院，柳州市中医医院，想了解设备", "柳州市中医医院"),
        ("邮件发给上海浦江医药有限公司采购部杨经理了", "上海浦江医药有限公司"),
        ("查一下无锡市第二人民医院的跟进记录", "无锡市第二人民医院"),
        ("南京德信大药房连锁，采购总监马晓东", "南京德信大药房连锁"),
        ("我们是昆山一家外资食品厂 Sunny Foods（昆山）有限公司，需要配送", "Sunny Foods（昆山）有限公司"),
        ("无锡市锡山区教育局的邵主任", "无锡市锡山区教育局"),
        ("拜访了德阳精工机械厂的厂长", "德阳精工机械厂"),
    ],
)
def test_company(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize("text", ["义乌有什么好点的酒店推荐吗", "我们是一家工厂，想问问价格", "今天好热啊"])
def test_no_company(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("苏州远航物流有限公司", "远航物流"),
        ("杭州星图网络科技有限公司", "星图网络"),
        ("金康大药房连锁有限公司", "金康大药房"),
        ("慈溪美达电器有限公司", "美达电器"),
        ("浙江天衡建设工程有限公司", "天衡建设工程"),
        ("合肥瑞科新能源集团", "瑞科新能源"),
    ],
)
def test_company_key_folds_forms(full: str, short: str) -> None:
    assert company_key(full) == company_key(short)


def test_company_key_keeps_different_companies_apart() -> None:
    assert company_key("远航物流") != company_key("远洋物流")
    assert company_key("苏州仁济医院") != company_key("苏州人民医院")
