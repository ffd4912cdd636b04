"""People: surname + title, full names next to titles, compound and English titles."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("拜访了设备科王主任", "王", "主任"),
        ("李总那边上次聊到哪了", "李", "总"),
        ("慈溪美达电器有限公司，采购部林主管要彩盒", "林", "主管"),
        ("见了设备科钱伟科长", "钱伟", "科长"),
        ("超声科孙晓燕主任挺满意", "孙晓燕", "主任"),
        ("上午拜访了采购经理刘芳，聊了供货", "刘芳", "采购经理"),
        ("总经理方振华亲自接待", "方振华", "总经理"),
        ("采购经理马丽沟通了", "马丽", "采购经理"),
        ("他们的人力资源总监张伟说要换系统", "张伟", "人力资源总监"),
        ("给IT负责人杨帆演示了系统", "杨帆", "IT负责人"),
        ("扬州金辉幕墙工程有限公司的韦总工", "韦", "总工"),
        ("见了CEO陈志伟", "陈志伟", "CEO"),
        ("跟CTO Kevin聊了下", "Kevin", "CTO"),
        ("微信跟VP Kevin聊了下", "Kevin", "VP"),
        ("工程部经理欧阳明说平台不好用", "欧阳明", "工程部经理"),
        ("欧阳经理那个客户", "欧阳", "经理"),
        ("常州恒康大药房，老板姓费，想进货", "费", "老板"),
        ("联系人林女士 15906801234", "林", None),
        ("我是陈先生", "陈", None),
        # A function no list holds before the title, a full name closing it: the person is after.
        ("新客户 宁波港湾物流 关务总监韩立新 13812340000", "韩立新", "关务总监"),
        ("园林公司的养护经理房晓东，电话13812340001", "房晓东", "养护经理"),
        # A full name before the title and no name after it stays the person.
        ("见了钱伟总监 他说下周定", "钱伟", "总监"),
    ],
)
def test_person(extractor: Extractor, text: str, name: str, title: str | None) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == (name, title)


def test_title_without_name(extractor: Extractor) -> None:
    ex = extractor.extract("宏图陶瓷那单黄了 老板娘说最后还是选了别家", SENT)
    assert (ex.contact_name, ex.contact_title) == (None, "老板娘")


@pytest.mark.parametrize(
    "text",
    [
        "老板你好，想进点货",
        "热熔施工演示效果不错",
        "总预算300万",
        "员工600人",
        # A title with no name that the next character makes another word: a body, not a person.
        "下周一他们要开董事会定方案",
        "方案得等监事会过了才行",
    ],
)
def test_no_person(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.contact_name is None
    assert ex.contact_title is None


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # Three-character names, and names that stop at a verb.
        ("技术部长周永刚很满意", "周永刚", "技术部长"),
        ("马丽刚到公司", None, None),
        ("经理高峰微信聊了一下", "高峰", "经理"),
        # Minority names: before or after a title, or alone.
        ("请联系设备总监热合曼 电话 13899123307", "热合曼", "设备总监"),
        ("规划科 买买提科长 电话 0998 2629 105", "买买提", "科长"),
        ("见了副总经理乌云其其格，储能柜要上", "乌云其其格", "副总经理"),
        ("同事给的线索 格尔木盐湖光储电站 站长助理 拉毛 电话0979 8423 561", "拉毛", "站长助理"),
        ("乌云其其格那个客户现在什么进度", "乌云其其格", None),
        ("联系人：包格日乐 13912345678", "包格日乐", None),
        # Surname after a department or a company.
        ("信息中心赵主任说可以", "赵", "主任"),
        ("刚跟华锐数控周部长通完电话", "周", "部长"),
        # A full name and the surname with the title, in either order.
        ("拜访了长白山机械有限公司的金哲金总", "金哲", "总"),
        ("上午拜访了闽南重工的黄总黄志伟", "黄志伟", "总"),
        # English names after English titles.
        ("拜访了IT Manager Kelly Liu", "Kelly Liu", "IT Manager"),
        ("请联系总经理助理 Kevin Zhang", "Kevin Zhang", "总经理助理"),
        # Compound titles as written; a repeated department word keeps only the title.
        ("见了采购中心副主任宋晓光", "宋晓光", "采购中心副主任"),
        ("生技部主任 杨兴贵 15186523307", "杨兴贵", "生技部主任"),
        ("储能项目经理 齐悦 手机 15033118826", "齐悦", "储能项目经理"),
        ("跟蒙泰煤机的机电副总开了个会，姓白", "白", "机电副总"),
        ("实训中心主任艾克拜尔看了演示", "艾克拜尔", "实训中心主任"),
        ("教导主任刘明说下周再看", "刘明", "教导主任"),
        ("见了设备部部长张海军", "张海军", "部长"),
        ("信息部部长王强说可以", "王强", "部长"),
        ("实训处副处长李建国说可以", "李建国", "副处长"),
        ("股长 乌兰 电话13812345678", "乌兰", "股长"),
        ("拜访了七星区教育局的装备股长李明", "李明", "装备股长"),
        ("闽江学院的信息化办公室主任林晓东说可以", "林晓东", "信息化办公室主任"),
        ("第十中学的阿不都热合曼主任说国庆后再说", "阿不都热合曼", "主任"),
        # A minority name goes on with its ending (…江, …兰) and, after a middle dot, its family part.
        ("仓储主管艾尔肯江说下周来看叉车", "艾尔肯江", "仓储主管"),
        ("物流部经理迪丽努尔·阿斯卡尔 13999001122", "迪丽努尔·阿斯卡尔", "物流部经理"),
        ("调度主任阿迪力江说周五装车", "阿迪力江", "调度主任"),
        ("见了仓库的卡德尔·沙吾提，叉车要两台", "卡德尔·沙吾提", None),
    ],
)
def test_person_other_industries(
    extractor: Extractor, text: str, name: str | None, title: str | None
) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == (name, title)


@pytest.mark.parametrize("text", ["我在信息部，负责信息化", "信息化建设要加快"])
def test_departments_are_not_names(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).contact_name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("新客户 绍兴柯桥印染厂 对接人叫方雅琴 要污水处理", "方雅琴"),
        ("【官网留言】姓名：滕子豪 公司：襄阳汉江汽配 电话：0710-3322 1188", "滕子豪"),
        ("联系人采购部葛晓东，要两台冷干机", "葛晓东"),
        ("朋友介绍 温岭的一家泵业厂 老板叫林海波 想换生产线", "林海波"),
        ("负责人是冯雪梅，下周去见", "冯雪梅"),
        ("帮我建个线索 杭州西湖药房 采购部邹晓燕 13770001234", "邹晓燕"),
        # an honorific after a surname is no part of the name
        ("行政总监韩女士说下周给答复", "韩"),
        ("有需要请联系潘先生 13800002222", "潘"),
    ],
)
def test_a_name_said_after_who_the_contact_is(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT).contact_name == name


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # a forwarded inquiry greets our rep first: the contact is the writer
        ("【转发】赵总好，我是芜湖市镜湖区实验小学的总务主任孔令文，想问下价格", "孔令文", "总务主任"),
        ("【转发】钱经理您好，我是绍兴柯桥的采购员施雯，麻烦回电", "施雯", "采购员"),
        # no title is read inside the company ("昆明市长水…" holds no 市长)
        ("电话聊了昆明市长水航城物流有限公司仓储部的邹主管", "邹", "主管"),
        # a surname and a title written as one name, an honorific 姐
        ("老板 蒋总 电话聊了 下周去厂里", "蒋", "总"),
        ("跟江南材料研究所的杭博士视频了", "杭", "博士"),
        ("那个电话是鼎盛物业的柏姐打来的", "柏", None),
        # a rare surname after 姓
        ("老板娘姓禚，开春要进货", "禚", "老板娘"),
        # English names after what introduces them, 采购 before a name
        ("Hello, I'm Nadia from Lumen Studio, need a quote", "Nadia", None),
        ("跟鼎新电子的采购Irene视频会议了", "Irene", "采购"),
        ("回访了博远精密的采购蔺小姐 样品测试通过了", "蔺", "采购"),
        # a name asked about, with no title
        ("邰立新是哪家的客户", "邰立新", None),
        ("Harper Lin是哪个公司的", "Harper Lin", None),
        # the title said around the name: 叫, a following title, a form field, a function word no list holds
        ("饭局上认识了渝北一家火锅店的老板叫滕建业", "滕建业", "老板"),
        ("新线索 丽江古城一家客栈 对接人叫祁丽华 前厅副总 手机13988812345", "祁丽华", "前厅副总"),
        ("【官网留言】姓名：卜秀兰 职务：护理部主任 电话：0871-6812 3390", "卜秀兰", "护理部主任"),
        ("见了后场主管邱文斌 新店要上设备", "邱文斌", "后场主管"),
        ("跟景德镇陶源陶瓷的EHS经理 Frank 聊了", "Frank", "EHS经理"),
        ("采购经理冉 要4台 下礼拜一报价", "冉", "采购经理"),
        ("找同事吴工 18921103357", "吴", "工"),
    ],
)
def test_person_kinds_seen_on_unseen_text(
    extractor: Extractor, text: str, name: str, title: str | None
) -> None:
    e = extractor.extract(text, SENT)
    assert (e.contact_name, e.contact_title) == (name, title)


@pytest.mark.parametrize(
    "text", ["谢谢老板🙏", "在不在 老板", "老板 你们那个烘干机多少钱", "新办公楼要配经理台和老板桌"]
)
def test_no_person_kinds(extractor: Extractor, text: str) -> None:
    e = extractor.extract(text, SENT)
    assert e.contact_name is None and e.contact_title is None


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("微信跟澜清宋主任聊了", "宋", "主任"),  # the name starts where the company ends
        ("今天跟邝晓峰吃了个饭，他是冀北新能源的", "邝晓峰", None),  # a full name met with
        ("襄阳楚风纺织 付晓东 15172638800 想做屋顶光伏", "付晓东", None),  # after the company and a space
    ],
)
def test_full_names_around_companies(extractor: Extractor, text: str, name: str, title: str | None) -> None:
    e = extractor.extract(text, SENT)
    assert (e.contact_name, e.contact_title) == (name, title)


def test_a_product_is_no_name(extractor: Extractor) -> None:
    # "冷" is a surname, but 冷干机 is what they buy (a catalog word in the test catalog or not)
    e = extractor.extract("想咨询下你们的螺杆空压机和冷干机，联系人：设备部 钟工", SENT)
    assert (e.contact_name, e.contact_title) == ("钟", "工")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("联系我 Mr. Lam 18925563380", "Lam", None),
        ("打通了深圳齐悦邱采购的电话", "邱", "采购"),
        ("来了个新对接人，采购的于丽娟，说之前的经理离职了", "于丽娟", "采购"),
        ("新线索：贵阳筑美整形外科医院，采购办 陶 主任，要超皮秒", "陶", "主任"),
        ("新来的采购经理叫邵佳琪，电话18691237745", "邵佳琪", "采购经理"),
        ("保定京驰那边检测报告出来了，电话里王经理说他们也在看", "王", "经理"),
        ("见了他们电工组长胡国平，问题不大", "胡国平", "电工组长"),
        ("刚从成都美颜门诊部出来罗总说想换一台", "罗", "总"),
        ("去酒店看了后厨，见了新来的采购童雪梅，电话13800001234", "童雪梅", "采购"),
        ("物流园那边换了财务柏琳，月底对账", "柏琳", "财务"),
    ],
)
def test_more_person_shapes(extractor: Extractor, text: str, name: str, title: str | None) -> None:
    e = extractor.extract(text, SENT)
    assert (e.contact_name, e.contact_title) == (name, title)


@pytest.mark.parametrize("text", ["跟他们采购计划对了一下，下周报价", "销售方案发过去了"])
def test_a_job_before_a_word_is_no_person(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).contact_name is None


def test_collective_purchase_is_no_person(extractor: Extractor) -> None:
    e = extractor.extract("年底集中采购复印纸和打印机", SENT)
    assert e.contact_name is None


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("budget 200-300万, contact: Steven Liu, steven.liu@example.com", "Steven Liu", None),
        ("上午去镇政府拜访了分管副镇长许建华", "许建华", "副镇长"),  # 分管 is a role, not a function
    ],
)
def test_contact_colon_and_roles(extractor: Extractor, text: str, name: str, title: str | None) -> None:
    e = extractor.extract(text, SENT)
    assert (e.contact_name, e.contact_title) == (name, title)


def test_jiao_after_a_spaced_title_is_no_part_of_the_name(extractor: Extractor) -> None:
    e = extractor.extract("今天见了他们新来的工程副总 叫濮永刚 下周二再去", SENT)
    assert (e.contact_name, e.contact_title) == ("濮永刚", "工程副总")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # 小/老/大 + surname, read only where a contact stands: after a title, after the organisation, or
        # signed at the end of an inquiry.
        ("今早在青山茶叶合作社 社长老蒋 带我看了茶园", "蒋", "社长"),
        ("骑行俱乐部 会长大周 说要两百件骑行服", "周", "会长"),
        ("微信上跟华锐软件的小邹聊了下 ERP要三套", "邹", None),
        ("想问下你们的CNC 二手的有没有 电话13900001111 小柯", "柯", None),
        # English titles typed in lower case, with the name after them.
        ("和Brightway的purchasing manager Nina开了个会", "Nina", "purchasing manager"),
        ("今天跟Polar Labs的founder Ethan在他们办公室见了面", "Ethan", "founder"),
        ("跟一个设计工作室的主创设计师Ivy吃了个饭", "Ivy", "主创设计师"),
        ("烘焙工作室的主理人 Coco 要一台烤箱", "Coco", "主理人"),
        ("新线索: 某研究所, contact 许文博, 要云ERP", "许文博", None),
        # 叫 before a name no surname list holds, and research titles.
        ("要建一个分拣中心 运营总监叫巴特尔 电话 13700002222", "巴特尔", "运营总监"),
        ("负责采购的是副研究员邵文斌 他们要一台CNC", "邵文斌", "副研究员"),
    ],
)
def test_nicknames_english_titles_and_called_names(
    extractor: Extractor, text: str, name: str | None, title: str | None
) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == (name, title)


@pytest.mark.parametrize(
    "text",
    [
        "明天跟小王一起去拜访华锐",  # a colleague, not the contact
        "小王说华锐那边没问题",
        "理事长老乡们都来了",  # 老乡 is a word
        "经理叫我明天去 ",
    ],
)
def test_colleagues_and_words_are_no_nicknamed_contact(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).contact_name is None


def test_an_honorific_before_a_han_surname_is_no_name(extractor: Extractor) -> None:
    ex = extractor.extract("酒店工程部要换两套CNC 联系 Ms. 罗 0898-8000 1234", SENT)
    assert (ex.contact_name, ex.contact_title) == ("罗", None)


@pytest.mark.parametrize(
    "text",
    ["宏达机械今天电话聊了，新对接人是生产部的詹国栋，下周去", "宏达机械的对接人换成了采购部的詹国栋"],
)
def test_a_contact_role_with_the_department_of_the_person(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).contact_name == "詹国栋"
