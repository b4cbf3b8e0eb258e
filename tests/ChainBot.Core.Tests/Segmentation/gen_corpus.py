#!/usr/bin/env python3
"""Generates parity_corpus.txt: the lines the segmenter parity test cuts with both jieba and ChainBot.

Deterministic (fixed seed, no hash-order dependence): rerunning it rewrites the same file byte for byte.
Run from anywhere:  python3 tests/ChainBot.Core.Tests/Segmentation/gen_corpus.py

The lines imitate what a compound's group chat holds (chain-formats.md): headers with prices, specs and
deadlines, entries in every numbering, address, name and quantity form, edits and cancellations, offline
lines, rosters, commands, chatter, English and mixed text, full-width characters, emoji inside and outside
the BMP, tabs, runs of spaces and Traditional characters; then hand-written lines and random character soup
that pushes on the run boundaries (re_han / re_skip / re_eng).
"""
import os
import random

SEED = 20220418
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "parity_corpus.txt")

rng = random.Random(SEED)


def pick(seq):
    return seq[rng.randrange(len(seq))]


COMPOUNDS = ["天山三村", "沧海二期", "金桥花园", "阳光小区", "古北新城", "长宁新村", "曹杨一村", "田林十二村", "绿地崴廉公馆", "万科城市花园"]
AREAS = ["一区", "二区", "东区", "西区", "南区", "北区", "二期", "三期", ""]
GROCERIES = ["蔬菜套餐", "大米", "鸡蛋", "土鸡蛋", "牛奶", "纯牛奶", "酸奶", "猪肉", "五花肉", "排骨", "肋排", "鸡腿", "鸡翅", "鸡胸肉",
             "土豆", "西红柿", "番茄", "青菜", "菠菜", "生菜", "白菜", "大白菜", "卷心菜", "包菜", "黄瓜", "茄子", "青椒", "洋葱", "胡萝卜",
             "白萝卜", "冬瓜", "南瓜", "西兰花", "花菜", "芹菜", "韭菜", "豆腐", "面条", "挂面", "馒头", "包子", "饺子", "速冻水饺", "汤圆",
             "苹果", "香蕉", "橙子", "梨", "西瓜", "葡萄", "草莓", "猕猴桃", "火龙果", "芒果", "菠萝", "桔子", "柚子", "牛肉", "羊肉", "带鱼",
             "鲈鱼", "黄鱼", "虾仁", "基围虾", "冻虾", "食用油", "菜籽油", "花生油", "酱油", "生抽", "老抽", "醋", "盐", "白糖", "面粉",
             "小米", "玉米", "红薯", "山药", "莲藕", "蘑菇", "香菇", "金针菇", "木耳", "大蒜", "生姜", "葱", "香菜", "豆芽", "毛豆", "蚕豆",
             "水果套餐", "肉类套餐", "套餐A", "套餐B", "套餐C", "方便面", "火腿肠", "午餐肉", "榨菜", "咸鸭蛋", "皮蛋", "腊肉", "香肠"]
GOODS = ["卫生纸", "抽纸", "洗衣液", "洗洁精", "口罩", "N95口罩", "酒精", "消毒液", "84消毒液", "洗手液", "牙膏", "香皂", "垃圾袋",
         "纸尿裤", "奶粉", "猫粮", "狗粮", "矿泉水", "农夫山泉", "可乐", "啤酒", "抗原试剂", "抗原", "体温计", "电池"]
MEDICINES = ["氨氯地平", "二甲双胍", "阿司匹林", "布洛芬", "连花清瘟", "硝苯地平", "降压药", "胰岛素", "阿托伐他汀", "瑞舒伐他汀",
             "缬沙坦", "厄贝沙坦", "美托洛尔", "格列美脲", "阿卡波糖", "二甲双胍缓释片", "硝苯地平控释片", "速效救心丸", "复方丹参滴丸",
             "感冒灵", "板蓝根", "蒙脱石散", "对乙酰氨基酚", "头孢", "阿莫西林", "氯雷他定", "奥美拉唑", "甲钴胺", "左甲状腺素钠片"]
UNITS = ["份", "箱", "袋", "斤", "盒", "个", "瓶", "包", "只", "条", "把", "提", "桶", "罐", "支", "板", "件", "套", "颗", "块",
         "根", "捆", "组", "听", "排", "打", "串", "盆", "张", "公斤", "千克", "克", "kg", "KG", "g", "ml", "L"]
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
            "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
            "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
            "欧阳", "司马", "上官", "诸葛", "东方"]
HONORIFICS = ["阿姨", "叔叔", "奶奶", "爷爷", "先生", "女士", "小姐", "老师", "师傅", "阿婆", "阿公", "大爷", "大妈", "姐", "哥",
              "老伯", "伯伯", "婆婆", "阿伯", "医生", "家"]
GIVEN = ["三", "四", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
         "建国", "志强", "美玲", "国华", "晓东", "小红", "海燕", "桂英", "玉兰", "建华"]
NICKS = ["Amy", "Tony", "Lily", "Kevin", "🌸花花", "🍀幸运草", "阳光☀️", "快乐每一天", "静待花开", "A王姐", "Jason_Li", "小猪佩奇",
         "宝妈", "一米阳光", "🐱喵喵", "Coco", "老K", "~云淡风轻~", "✨星星", "😊微笑", "Sunny🌞", "王大厨", "🍉西瓜太郎", "Mr.Zhang"]
CN_NUM = ["一", "两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十二", "二十", "半"]
FW_DIGITS = "０１２３４５６７８９"
EMOJI = ["😀", "🙏", "👍", "🌸", "🥬", "🥚", "🍎", "🐷", "❤️", "✅", "☀️", "🔥", "💊", "📦", "🚚", "⏰", "‼️", "❗", "⭐", "👌🏻", "🤝", "😂",
         "🎉", "👏", "🌹", "🍊", "🥩", "🧻", "😷", "🏠", "\U0001F9C5", "\U0001FAD1", "\u2764", "\u263a"]
PUNCT = ["，", "。", "！", "？", "：", "；", "、", "（", "）", "【", "】", "「", "」", "《", "》", "…", "——", "~", "～", "·", "“", "”",
         ",", ".", "!", "?", ":", ";", "(", ")", "[", "]", "/", "\\", "|", "@", "$", "^", "*", "=", "<", ">", "'", '"', "`"]
TRAD = ["接龍", "團購", "12號樓", "3單元", "雞蛋", "蘋果", "蔬菜套餐兩份", "謝謝", "麵條", "豬肉", "劉阿姨", "陳先生", "醫保卡",
        "藥品登記", "截止時間", "訂單", "數量", "價格", "東區", "幫忙", "還有嗎", "發貨", "運費", "領取", "電話"]


def fw(s):
    """Full-width form of ASCII digits and letters."""
    out = []
    for ch in s:
        if "0" <= ch <= "9" or "A" <= ch <= "Z" or "a" <= ch <= "z":
            out.append(chr(ord(ch) + 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def building():
    n = rng.randint(1, 40)
    form = rng.randrange(12)
    if form == 0:
        return f"{n}号"
    if form == 1:
        return f"{n}号楼"
    if form == 2:
        return f"{n}栋"
    if form == 3:
        return f"{n}幢"
    if form == 4:
        return pick(["十二号楼", "三号楼", "二十一号", "五栋", "十号楼"])
    if form == 5:
        return f"{pick('ABCD')}{rng.randint(1, 9)}栋"
    if form == 6:
        return f"{pick(AREAS)}{n}号"
    if form == 7:
        return f"{n}号楼{rng.randint(1, 4)}单元"
    if form == 8:
        return f"沧海二期{n}号"
    return f"{n}号"


def room():
    return f"{rng.randint(1, 28)}{rng.randint(1, 4):02d}"


def address():
    b = rng.randint(1, 40)
    r = room()
    form = rng.randrange(18)
    return [
        f"{b}号{r}", f"{b}-{r}", f"{b}－{r}", f"{b}#{r}", f"{b}/{r}", f"{b}号楼{r}", f"{b}号楼{r}室", f"{b}栋{r}",
        f"{b}幢{rng.randint(1, 4)}单元{r}", f"{b}-{rng.randint(1, 4)}-{r}", f"{building()} {r}", f"{b}号 {rng.randint(1, 18)}楼",
        r, f"{pick(AREAS)}{b}号{r}", f"东区{b}-{r}", fw(f"{b}-{r}"), f"{b}号{r}室", f"{b} {r}",
    ][form]


def person():
    form = rng.randrange(10)
    if form == 0:
        return pick(SURNAMES) + pick(GIVEN)
    if form in (1, 2):
        return pick(SURNAMES) + pick(HONORIFICS)
    if form == 3:
        return pick(["小", "老"]) + pick(SURNAMES)
    if form == 4:
        return pick(NICKS)
    if form == 5:
        return pick(SURNAMES) + pick(["奶奶家", "阿姨家", "老师家"])
    if form == 6:
        return ""
    if form == 7:
        return pick(SURNAMES)
    return pick(SURNAMES) + pick(GIVEN) + pick(["", " ", "（代）"])


def quantity(item=None):
    u = pick(UNITS[:20])
    n = rng.randint(1, 12)
    form = rng.randrange(24)
    it = item or pick(GROCERIES)
    return [
        f"{n}{u}", f"{pick(CN_NUM)}{u}", f"x{n}", f"×{n}", f"*{n}", f"X {n}", f"{n}", f"一{u}", "半斤", f"{n}斤半",
        f"{rng.randint(1, 5)}.{rng.randint(1, 9)}kg", f"{n}个", "二十个", f"两箱{it}", f"{it}{n}{u}",
        f"{it}{n} {pick(GROCERIES)}{rng.randint(1, 5)}", f"{it}+{n}", "各1份", f"套餐A {n} 套餐B {rng.randint(1, 4)}",
        fw(f"{n}") + u, "Ｘ" + fw(str(n)), f"{it} {n}{u}", f"{it}×{n}", f"{n}{u}{it}",
    ][form]


def number_prefix(i):
    form = rng.randrange(9)
    circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
    return [f"{i}.", f"{i}. ", f"{i}、", f"{i})", f"{i}，", circled[(i - 1) % 20], f"{i} ", f"{i}.\t", fw(str(i)) + "．"][form]


def entry_line(i):
    form = rng.randrange(16)
    pre = number_prefix(i)
    sep = pick([" ", "", "  ", "\t", "，", " "])
    if form <= 6:
        return f"{pre}{address()}{sep}{person()}{sep}{quantity()}"
    if form == 7:
        return f"{pre}{address()} {person()} {pick(['改2份', '改为3份', '取消', '不要了', '改成1份', '加1份'])}"
    if form == 8:
        return f"更正：{address()} {quantity()}"
    if form == 9:
        return f"{pre}（代）{address()} {pick(SURNAMES)}{pick(['奶奶', '阿婆', '爷爷'])} {quantity()}"
    if form == 10:
        return f"帮{rng.randint(1, 30)}号{room()}{pick(SURNAMES)}{pick(['奶奶', '阿姨', '老伯'])}接龙{pick(['', ' ', '，'])}{quantity()}"
    if form == 11:
        return f"{pre}楼下阿婆 {quantity()}"
    if form == 12:
        return f"{pre}{address()} {person()} {pick(MEDICINES)} {rng.randint(1, 4)}盒 {pick(['医保卡已交', '自费', '急', '', '谢谢志愿者🙏'])}"
    if form == 13:
        return f"{pre}{address()} {person()} {pick(GOODS)}{rng.randint(1, 3)}{pick(['包', '瓶', '个', '盒', '箱'])} 电话{phone()}"
    if form == 14:
        return f"{pre}{address()}{person()}{quantity()}{pick(EMOJI)}"
    return f"{pre}"


def phone():
    p = "1" + pick("3456789") + "".join(str(rng.randint(0, 9)) for _ in range(9))
    form = rng.randrange(4)
    return [p, p[:3] + "****" + p[7:], f"{p[:3]} {p[3:7]} {p[7:]}", f"{p[:3]}-{p[3:7]}-{p[7:]}"][form]


def price():
    n = rng.randint(5, 199)
    form = rng.randrange(10)
    return [f"{n}元/份", f"¥{n}/盒", f"单价{n}", f"{n}.{rng.randint(0, 9)}元", f"￥{n}", f"{n}元一箱", f"{n}块", f"${n}",
            f"{n}元/斤", f"团购价{n}元（原价{n + rng.randint(5, 40)}元）"][form]


def spec():
    return pick([f"每份约{rng.randint(3, 10)}斤（{rng.randint(5, 9)}-{rng.randint(10, 12)}个品种）", f"{rng.choice([200, 250, 500])}ml*{rng.choice([12, 16, 24])}",
                 f"{rng.randint(1, 5)}.{rng.randint(1, 9)}kg/袋", f"{rng.randint(10, 30)}枚/盒", f"5kg装", f"净重{rng.randint(1, 10)}斤",
                 f"规格：{rng.randint(1, 5)}L*{rng.randint(2, 6)}桶", "约500g", "10斤装", "250ml*24", f"{rng.randint(1, 20)}0g×{rng.randint(2, 10)}包"])


def deadline():
    return pick(["截止时间：今晚8点", "20:00前", "明天中午12点截止", "截止：4月20日18:00", "今晚九点截单", "截止時間：明早10點",
                 f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日{rng.randint(8, 22)}:00截止", "下午3点前接龙", "满50份成团，不满退款",
                 "DDL 8pm tonight", "⏰截止到晚上8点！"])


def header_lines():
    out = []
    if rng.random() < 0.5:
        out.append(pick(["#接龙", "#接龍", "#Group Note"]))
    item = pick(GROCERIES + GOODS)
    out.append(f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日 {pick(COMPOUNDS)} {item}团购")
    out.append(f"规格：{spec()}，{price()}")
    out.append(deadline())
    out.append(pick(["自提点：小区南门", "取货地点：3号楼下", "送货到楼下，志愿者分发", "自提时间：明天下午2-5点", "配送费另计",
                     "地址：长宁路1688号（近中山公园）", "团长：王姐 13812345678"]))
    out.append(pick(["例：12号 301 张三 2份", "例 12-301 王阿姨 1份", "格式：楼号-房号 姓名 数量", "例：15号302 刘阿姨 氨氯地平 2盒",
                     "例：A3栋1201 Amy x2"]))
    return out


CHATTER = [
    "大家好，今天的菜什么时候到？", "谢谢团长辛苦了🙏", "请问还能接龙吗", "我家的鸡蛋还没拿到", "志愿者们辛苦了！", "收到", "好的👌",
    "今天下午核酸检测，请大家下楼排队", "明天早上7点全员核酸，带好身份证", "有没有人需要降压药，我们统一去配", "已付款，请查收",
    "群里有谁家多了口罩吗", "物业通知：明天停水", "这批大米质量不错", "上次的猪肉有点肥", "求购布洛芬，家里小孩发烧了",
    "@ChainBot 统计", "@ChainBot 3号楼", "汇总", "我的", "截止", "导出", "帮助", "统计一下", "团长，我改一下，改成3份",
    "不好意思，我取消", "12-301 取消", "请大家按格式接龙，不然统计不了", "哈哈哈哈哈", "转账了，35元", "红包已发",
    "有没有人拼单买水果", "今天的配送车几点到？", "已经到小区门口了，大家下来拿", "没有收到的请在群里说一下",
    "我们楼的志愿者是谁？", "麻烦帮我代登记一下，我妈不会用微信", "老人不会接龙，我帮她报名", "这个群是团购群吗",
    "请不要在群里发广告", "营长说今天不送了", "居委会通知：周末开始封控管理", "明天有没有人去药店？", "谢谢邻居们的帮助❤️",
]

ENGLISH = [
    "Thanks for organizing! I'll pick up at 5pm.", "Is there still milk available?", "Order: 2 boxes of eggs, building 12 room 301",
    "iPhone 15 Pro Max 256GB", "Please pay via WeChat Pay or Alipay.", "Sorry, I have to cancel my order.", "OK", "ok👍",
    "Can someone help me register for my grandma?", "Delivery ETA: 14:30", "price: $12.50 / box", "email me at amy.wang@example.com",
    "https://mp.weixin.qq.com/s/AbC_123-xyz?from=groupmessage", "C++ and C# are languages", "AT&T 5G", "3.14159 is pi",
    "100% organic, 0% sugar", "hello   world", "tab\tseparated\tvalues", "Mixed 中文 and English 混合",
    "COVID-19 antigen test x2", "Room 1201, Bldg A3", "N95口罩 50 pcs", "Vitamin C 1000mg", "2022-04-18T09:30:00+08:00",
    "¯\\_(ツ)_/¯", "#hashtag and @mention", "a_b-c.d+e%f&g#h", "WiFi密码: chainbot2022", "GPS 31.2304N 121.4737E",
]

HAND = [
    "", " ", "  ", "\t", "\u3000", "王阿姨大米两袋", "刘阿姨氨氯地平2盒", "12号301 王阿姨 1份", "15-502 李 2份", "3号楼201 陈先生 1",
    "7号 1102 刘 两份", "1. 2. 王 3. 李 1份", "N. .", "6. 9号楼1201 张三 鸡蛋1 牛奶2", "配药登记：15号302 刘阿姨 氨氯地平 2盒 医保卡已交",
    "核酸志愿者报名", "行动不便人员登记", "①12号301王阿姨1份", "1)12#301 李女士 x2", "1，12/301 陈 ×2", "1、12-3-301 小王 *2",
    "十二号楼 老刘 3斤半", "A3栋 Amy 1.5kg", "3号楼2单元 🌸花花 二十个", "12号 3楼 刘奶奶家 两箱牛奶", "1201 牛奶+1",
    "东区3-201 各1份", "沧海二期5号 套餐A 1 套餐B 2", "一区12号 ２份", "Ｘ２", "改2份", "改为3份", "更正：12-301 3份", "取消",
    "不要了", "帮5号102王奶奶接龙", "（代）5-102 王奶奶 2份", "楼下阿婆 1份", "68元/份", "¥45/盒", "单价12", "满50份成团",
    "截止时间：今晚8点", "20:00前", "1.5kg", "250ml*24", "13812345678", "138****5678", "a\tb\t\tc", "a  b   c    d",
    "😀😀😀", "🙏谢谢", "👍🏻👍🏼👍🏽", "👨‍👩‍👧‍👦全家", "🇨🇳中国", "\U00020000𠀀字", "𪚥龘", "〇一二三", "ＡＢＣ１２３",
    "１２号楼３０１室", "接龍 12號樓 3單元", "謝謝團長！", "豬肉兩斤、雞蛋一盒", "中華人民共和國", "…………", "——", "！！！", "？？",
    "...", "---", "___", "%%%", "+++", "###", "&&&", "a.b.c", "1.2.3", "-1", "+86 138 1234 5678", "1e10", "0x1F",
    "鸡蛋1盒+牛奶2箱+大米1袋", "鸡蛋*2,牛奶*1", "五花肉500g", "排骨1kg", "西红柿3斤 土豆2斤 青菜1斤", "苹果5个、香蕉1把",
    "卫生纸1提 洗衣液2桶 口罩50个", "酒精75% 500ml 2瓶", "二甲双胍0.5g*60片 2盒", "阿司匹林100mg 3盒", "连花清瘟胶囊 1盒",
    "硝苯地平控释片30mg", "降压药、胰岛素", "布洛芬缓释胶囊 300mg*20粒", "我要2份蔬菜套餐，送到12号楼", "王阿姨的大米还没到",
    "张三李四王五赵六", "欧阳修司马光诸葛亮", "上官婉儿", "研究生命的起源", "结婚的和尚未结婚的", "他说的确实在理",
    "南京市长江大桥", "乒乓球拍卖完了", "下雨天留客天留我不留", "我们中出了一个叛徒", "工信处女干事每月经过下属科室",
    "abc123def456", "ABC DEF", "a1b2c3", "12abc", "abc12", "x2", "X2", "1x2", "2x", "kg2", "2kg", "2KG", "2Kg", "2公斤",
    "\r", "a\rb", "\x0b\x0c", "\x1c\x1d\x1e\x1f", "\x85", "\xa0", "\u1680", "\u2000\u200a", "\u2028\u2029", "\u202f\u205f",
    "\u200b零宽", "\ufeffBOM", "\u00ad软连字符", "é à ü", "Ω≈ç√∫", "русский текст", "العربية", "日本語のテキスト", "한국어 텍스트",
    "ㄅㄆㄇ", "ｶﾀｶﾅ", "㊀㊁㊂", "⑴⑵⑶", "Ⅰ Ⅱ Ⅲ", "½ ¼ ¾", "℃", "№1", "™ ©", "\u9fd5\u9fd6\u9fff", "\u4dff\u4e00", "\u3400㐀",
    "鿕鿖", "\uf900豈", "\u2e80⺀",
]


def chatter_line():
    form = rng.randrange(6)
    if form == 0:
        return pick(CHATTER) + pick(["", pick(EMOJI), pick(EMOJI) * 2, " " + pick(EMOJI)])
    if form == 1:
        return f"{pick(SURNAMES)}{pick(HONORIFICS)}{pick(['，', '：', ' '])}{pick(CHATTER)}"
    if form == 2:
        return f"{pick(CHATTER)}{pick(PUNCT)}{pick(CHATTER)}"
    if form == 3:
        return f"{pick(GROCERIES)}{pick(['还有吗？', '多少钱一斤', '什么时候到', '新鲜吗', '已售罄', '明天补货'])}"
    if form == 4:
        return f"{pick(COMPOUNDS)}{rng.randint(1, 40)}号楼的{pick(['邻居', '志愿者', '班长', '居民'])}{pick(['请注意', '辛苦了', '请下楼拿菜', '请核对数量'])}"
    return pick(CHATTER).replace("，", pick([",", "，", " ", "  ", "\t"]))


def english_line():
    form = rng.randrange(4)
    if form == 0:
        return pick(ENGLISH)
    if form == 1:
        return f"{pick(ENGLISH)} {pick(CHATTER)}"
    if form == 2:
        return f"{pick(NICKS)}: {pick(ENGLISH)}"
    return f"{pick(GROCERIES)} {rng.randint(1, 9)} {pick(['box', 'boxes', 'bags', 'pcs', 'kg', 'bottles'])}, {pick(['thanks', 'thx', 'pls', 'ASAP'])}"


def traditional_line():
    return "".join(pick(TRAD) + pick(["", " ", "，", "：", str(rng.randint(1, 9))]) for _ in range(rng.randint(2, 5)))


SOUP_POOLS = [
    "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感",
    "大米鸡蛋牛奶猪肉排骨土豆青菜苹果香蕉口罩酒精阿姨叔叔奶奶先生女士接龙团购截止取消份箱袋斤盒个瓶包只条号楼单元室栋幢",
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "+#&._%-",
    " \t  \u3000",
    "，。！？：；、（）【】《》…—·“”~～",
    "０１２３４５６７８９ＡＢＣｘＸ＃",
    "龍號棟單樓層區園場門廳鄰裡幫設訂預價錢費總計數量稱額據時間點後週鐘",
]


def soup_line():
    n = rng.randint(1, 40)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.06:
            out.append(pick(EMOJI))
        elif r < 0.08:
            out.append(pick(["\r\n", "\r", "\n\r"]).replace("\n", "\\n"))  # keep the file line-based
        else:
            pool = SOUP_POOLS[rng.randrange(len(SOUP_POOLS))]
            out.append(pool[rng.randrange(len(pool))])
    return "".join(out)


def main():
    lines = []
    lines.extend(HAND)
    # Whole chain posts, a header and its entries, as people paste them.
    for _ in range(40):
        lines.extend(header_lines())
        start = rng.choice([1, 1, 1, 6, 12])
        for i in range(start, start + rng.randint(5, 25)):
            lines.append(entry_line(i))
    for _ in range(250):
        lines.append(chatter_line())
    for _ in range(150):
        lines.append(english_line())
    for _ in range(80):
        lines.append(traditional_line())
    for _ in range(120):
        lines.append(f"{address()} {person()} {quantity()}")
    for _ in range(60):
        lines.append(f"{pick(GROCERIES)} {spec()} {price()} {deadline()}")
    for _ in range(400):
        lines.append(soup_line())
    # Tabs, runs of spaces and full-width forms sprinkled over otherwise ordinary lines.
    for _ in range(100):
        base = entry_line(rng.randint(1, 60))
        lines.append(base.replace(" ", pick(["  ", "\t", " \t ", "\u3000", "   "])))
    for _ in range(60):
        lines.append(fw(entry_line(rng.randint(1, 60))))

    # A file line cannot hold "\n"; a lone "\r" would be rewritten by editors, so it is spelled out above
    # and only the whitespace the test builds (joining lines with "\r\n") carries real line breaks.
    for line in lines:
        assert "\n" not in line
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        for line in lines:
            f.write(line.replace("\r", "\\r") + "\n")
    print(f"{len(lines)} lines -> {OUT}")


if __name__ == "__main__":
    main()
