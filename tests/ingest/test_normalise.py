"""One test per normalisation rule, on short real snippets of the sample documents."""

from __future__ import annotations

from ingest import normalise as n
from minzheng.paths import DOCUMENTS_DIR

ZHOUSHAN = (DOCUMENTS_DIR / "002_66b1147c1cebaaf5.txt").read_text(encoding="utf-8")


def test_traditional_to_simplified():
    assert n.to_simplified("全市養老床位總數達到15.9萬張") == "全市养老床位总数达到15.9万张"


def test_simplified_text_is_left_alone():
    text = "到2025年,节地生态安葬率达到70%。"
    assert n.to_simplified(text) == text


def test_large_text_is_converted_in_blocks_without_changing_it():
    text = "養老床位總數達到15.9萬張。\n" * 120_000
    assert n.to_simplified(text) == "养老床位总数达到15.9万张。\n" * 120_000


def test_pinyin_annotations_removed():
    assert n.strip_pinyin("洛克斯醫(yī)療分享|上海發(fā)布") == "洛克斯醫療分享|上海發布"
    assert n.strip_pinyin("養(yǎng)老床位總數(shù)") == "養老床位總數"


def test_brackets_that_are_not_pinyin_stay():
    assert n.strip_pinyin("每万人(户籍人口)拥有社会组织数") == "每万人(户籍人口)拥有社会组织数"
    assert n.strip_pinyin("节地生态安葬率(%)") == "节地生态安葬率(%)"


def test_mangled_runs_marked():
    # GBK-decoded UTF-8 of 保基本养老机构 and 条例, as the Shanghai copy has them.
    assert n.mark_mangled("完善?;攫B老机构(床位)的建设标准") == "完善〓老机构(床位)的建设标准"
    assert n.mark_mangled("推进修订《上海市殡葬管理?l例》") == "推进修订《上海市殡葬管理〓例》"
    assert n.mark_mangled("搭建全市操作平台?!笆奈濉逼陂g完成2.5万户改造任务") == "搭建全市操作平台〓完成2.5万户改造任务"
    assert n.mark_mangled("全面实行“全岗?fù)ā?、首问?fù)责") == "全面实行“全岗〓、首问〓责"


def test_mangled_marks_survive_normalisation_and_never_become_digits():
    text = n.normalise("制定?;敬参徊季趾屠谜?,加快推动养老服务资源在全市范围内有效利用和配置。")
    assert text == "制定〓,加快推动养老服务资源在全市范围内有效利用和配置。"


def test_text_without_question_marks_unchanged():
    text = "全市养老床位总数达到15.9万张,“一床难求”矛盾基本缓解。"
    assert n.mark_mangled(text) == text


def test_full_width_forms_and_chinese_years():
    assert n.unify_characters("护理型床位占比５１％，二〇二五年") == "护理型床位占比51%,2025年"
    assert n.unify_characters("二0三五年远景目标") == "2035年远景目标"


def test_decimal_full_stop_only_before_wan():
    assert n.unify_characters("从2010年的44。6万个增长到") == "从2010年的44.6万个增长到"
    # Here 。 ends a sentence and 4. starts a list item.
    assert n.unify_characters("占总人口比例约1。4.基本社会服务") == "占总人口比例约1。4.基本社会服务"


def test_spam_lines_dropped():
    spam = "国产在线播放精品视频,精品国产成人一区二区三区,无人视频在线观看播放免费,人妻无码不卡中文字幕在线视频"
    assert n.boilerplate_reason(spam) == "spam"
    # One such word is ordinary text: 精品项目, 成人孤儿.
    assert n.boilerplate_reason("移民后扶精品项目扎实推进。") is None
    assert n.boilerplate_reason("妥善安置回归社会的成人孤儿。") is None


def test_document_sharing_banner_dropped():
    banner = ZHOUSHAN.splitlines()[0]
    assert banner.startswith("《舟山市民政事业发展")
    assert n.boilerplate_reason(banner) == "document-sharing banner"


def test_navigation_and_copyright_dropped():
    lines = ["返回首页 > 您现在的位置: 我爱芜湖 > 下设单位 > 正文", "(点击图片放大查看)",
             "上一页  [1] [2] [3] [4] [5]  下一页", "返回顶部", "图片关键词",
             "声明  |  转载此文是出于传递更多信息之目的,如有内容和图片的著作权异议,请及时联系我们"]
    assert n.drop_boilerplate_lines(lines) == []


def test_page_markers_removed_and_text_joined():
    lines = n.normalise(ZHOUSHAN).split("\n")
    text = "\n".join(lines)
    # 到202 / 40、 / 5年 in the file: the page number cut the year in two.
    assert "到2025年,新增“移民美丽家园”建设项目135个左右" in text
    assert "推进分层分类救助制度改革" in text
    assert "\n2、" not in text and "40、" not in text


def test_real_list_numbering_kept():
    lines = ["(一)社会救助帮困机制进一步完善",
             "1、社会救助帮困体系不断完善认真贯彻落实国务院《社会救助暂行办法》,共救助各类社会救助对象272.52万人次。",
             "2、社会救助工作机制日益规范。在社会救助领域引入居民经济状况核对机制。",
             "3、孤儿保障和救助管理工作逐步加强。建立区孤儿保障联席会议制度。",
             "4、社会慈善事业深入开展。累计接受社会各界爱心捐款2.52亿元。"]
    assert n.remove_page_markers(lines) == lines


def test_shares_written_in_words_get_their_sign():
    # Forms of real texts: 千分之三十 (民政部 2016), 百分之五十 and 百分之百 of funeral policies.
    assert n.normalise("实现了养老床位千分之三十的规划目标") == "实现了养老床位30‰的规划目标"
    assert n.normalise("节地生态安葬率达到百分之五十以上") == "节地生态安葬率达到50%以上"
    assert n.normalise("覆盖率达到百分之百") == "覆盖率达到100%"
    assert n.normalise("比例为百分之十二点五") == "比例为12.5%"
