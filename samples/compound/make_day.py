#!/usr/bin/env python3
"""Writes day.jsonl: a whole group-buy day in the 110-building compound of compound.json (see README.md here).

Deterministic (a fixed seed): running it again writes the same file. People, rooms and phone numbers are made
up; the shapes of the lines are those residents type: full copies of the chain (some of them stale, so copies
fork), short replies with one's own line, volunteers' blocks of offline lines for elders (代登记), changes,
cancellations, chatter, lines nobody can read, a phone number now and then, and the coordinators' commands.
A 配药 roster runs beside the order in the same group. The next day the goods arrive and households collect.

    /usr/bin/python3 samples/compound/make_day.py   # rewrites samples/compound/day.jsonl
"""
import json
import os
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(20220420)
CST = timezone(timedelta(hours=8))
HERE = os.path.dirname(os.path.abspath(__file__))
GROUP = "g_tianshan_tuangou"

with open(os.path.join(HERE, "compound.json"), encoding="utf-8") as f:
    COMPOUND = json.load(f)
NAME = COMPOUND.get("compound") or "小区"
HEAD = COMPOUND["head"]
AREA_LEADERS = [a["leader"] for a in COMPOUND["areas"] if a.get("leader")]
GROUP_LEADERS = {g["name"]: g["leader"] for a in COMPOUND["areas"] for g in a["groups"] if g.get("leader")}
VOLUNTEERS = {}
BUILDINGS = []
for area in COMPOUND["areas"]:
    for group in area["groups"]:
        for b in group["buildings"]:
            number = str(b["building"]) if isinstance(b, dict) else str(b)
            BUILDINGS.append(number)
            if isinstance(b, dict) and b.get("volunteer"):
                VOLUNTEERS[number] = b["volunteer"]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖夏方白邹孟秦江薛顾钱严"
HONORIFICS = ["阿姨", "老师", "先生", "女士", "奶奶", "爷爷", "伯伯", "姐", "", "", "", "", "", ""]
GIVEN = "伟芳敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华玉兰萍红建国文"
ELDERS = ["奶奶", "爷爷", "阿婆", "老伯", "阿爹"]

messages = []


def post(at, sender_id, sender_name, text):
    messages.append({
        "msgId": f"day-{len(messages) + 1:04d}", "groupId": GROUP, "senderId": sender_id,
        "senderName": sender_name, "time": at.isoformat(timespec="seconds"), "text": text, "mentioned": False,
    })


def person_name():
    surname = rng.choice(SURNAMES)
    r = rng.random()
    if r < 0.45:
        return surname + rng.choice(HONORIFICS)
    if r < 0.8:
        return surname + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    return surname


# Households: high-rise buildings have 18 floors, the old walk-ups (the last 30) six; four flats a floor.
households = []
taken = set()
for _ in range(360):
    while True:
        building = rng.choice(BUILDINGS)
        floors = 6 if int(building) > 80 else 18
        room = f"{rng.randint(1, floors)}{rng.randint(1, 4):02d}"
        if (building, room) not in taken:
            taken.add((building, room))
            break
    households.append({"building": building, "room": room, "name": person_name()})
for i, h in enumerate(households):
    h["id"] = f"wxid_r{i + 1:03d}"



def items_of():
    """What a household orders: {item index: quantity}, at least one item."""
    order = {}
    if rng.random() < 0.75:
        order[0] = rng.choice([1, 1, 1, 2])
    if rng.random() < 0.45:
        order[1] = rng.choice([1, 1, 2])
    if rng.random() < 0.25:
        order[2] = rng.choice([1, 1, 2])
    return order or {0: 1}


CN = {1: "一", 2: "两", 3: "三"}


def address(h):
    b, r = h["building"], h["room"]
    return rng.choice([f"{b}号楼{r}", f"{b}-{r}", f"{b}号 {r}", f"{b}栋{r}室", f"{b}#{r}", f"{b}号{r}"])


def item_text(order):
    parts = []
    for i, q in sorted(order.items()):
        name = ["蔬菜套餐", "鸡蛋", "五常大米"][i]
        unit = ["份", "盒", "袋"][i]
        short = ["蔬菜", "鸡蛋", "大米"][i]
        style = rng.random()
        if style < 0.55:
            parts.append(f"{name}{q}{unit}")
        elif style < 0.75:
            parts.append(f"{short}{CN[q]}{unit}")
        elif style < 0.9:
            parts.append(f"{name}x{q}")
        else:
            parts.append(f"{'①②③'[i]}{q}")
    return " ".join(parts)


def line_of(h):
    text = f"{address(h)} {h['name']} {item_text(h['order'])}"
    if rng.random() < 0.06:
        text += f" 1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
    if rng.random() < 0.08:
        text += rng.choice(["（放门口）", "（晚上取）", "（不要葱）", "(已转账)"])
    return text


HEADER = (f"#接龙\n4月20日 {NAME} 保供蔬菜+鸡蛋+大米团购🥬\n"
          "①蔬菜套餐（约6斤，8个品种） 68元/份\n②鸡蛋 30枚/盒 28元/盒\n③五常大米 10斤/袋 55元/袋\n"
          "满200份成团\n截止：今晚8点\n明天上午到货，各楼志愿者分发到楼\n例：12号楼 301 张三 蔬菜套餐1份 鸡蛋1盒")
ROSTER_HEADER = (f"#接龙\n{NAME} 本周配药登记💊（周五统一去社区医院配药）\n"
                 "格式：楼号-房号 姓名 药名 数量 医保卡\n例：12-301 张三 氨氯地平 2盒 医保卡已交")
MEDICINES = ["氨氯地平 2盒", "二甲双胍 3盒", "阿司匹林肠溶片 1盒", "硝苯地平缓释片 2盒", "阿托伐他汀 1盒", "速效救心丸 1瓶", "缬沙坦 2盒"]
CHATTER = ["今天能到吗？", "收到", "谢谢团长🙏", "大米是新米吗", "团长辛苦了", "👍", "鸡蛋是土鸡蛋吗？", "钱转哪里？",
           "我家楼下有人阳了，送到楼下就行", "请问可以货到付款吗", "好的", "[强][强]"]

head = (HEAD["senderId"], HEAD["name"])
t = datetime(2022, 4, 20, 8, 0, tzinfo=CST)
post(t, *head, HEADER + "\n\n1.")

hurried = []            # households who wrote their line in a hurry
copies = [[]]           # the lines of each full copy posted, oldest first
ordered = []            # households with a line, in order
def numbered(lines):
    return "\n".join(f"{i + 1}. {l}" for i, l in enumerate(lines))


def full_copy(lines):
    return HEADER + "\n\n" + numbered(lines)


def tick(minutes_low, minutes_high):
    global t
    t += timedelta(seconds=rng.randint(minutes_low * 60, minutes_high * 60))


residents = [h for h in households[:300]]
elders = households[300:]
rng.shuffle(residents)
volunteer_buildings = [b for b in BUILDINGS if b in VOLUNTEERS]
roster_posted = False
roster_lines = []
roster_people = rng.sample(households, 24)
commands_at = {60: "mine", 110: "group", 150: "other-group", 190: "area", 230: "building"}
for n, h in enumerate(residents):
    tick(1, 2)
    h["order"] = items_of()
    h["line"] = line_of(h)
    r = rng.random()
    if r < 0.33:
        base = copies[-2] if len(copies) > 2 and rng.random() < 0.12 else copies[-1]   # a stale copy: a fork
        own = h["line"]
        if rng.random() < 0.05:
            # Written in a hurry: no room, or a unit the item is not sold by. The line stays in later copies.
            hurried.append(h)
            if len(hurried) % 2:
                own = f"{h['building']}号楼 {h['name']} 蔬菜套餐1份"   # read: the building's household by that name
                h["order"], h["room"] = {0: 1}, None
            else:
                own = f"{h['building']}-{h['room']} {h['name']} 蔬菜3斤"  # unread: 斤 is no unit of 蔬菜套餐
                h["order"] = {}
        lines = base + [own]
        copies.append(lines)
        post(t, h["id"], h["name"], full_copy(lines))
    else:
        post(t, h["id"], h["name"], h["line"])
    ordered.append(h)

    if n % 25 == 12 and elders:
        # A building volunteer adds offline lines for elders without smartphones.
        v_building = rng.choice(volunteer_buildings)
        v = VOLUNTEERS[v_building]
        block = []
        for _ in range(rng.randint(2, 4)):
            if not elders:
                break
            e = elders.pop()
            e["building"] = v_building
            while (e["building"], e["room"]) in taken:
                e["room"] = f"{rng.randint(1, 6)}{rng.randint(1, 4):02d}"
            taken.add((e["building"], e["room"]))
            e["name"] = rng.choice(SURNAMES) + rng.choice(ELDERS)
            e["order"] = items_of()
            e["line"] = line_of(e)
            e["by"] = v
            block.append(e["line"])
            ordered.append(e)
        tick(0, 1)
        post(t, v["senderId"], v["name"], rng.choice(["代登记：\n", "线下登记（老人不会用手机）：\n", "帮楼里老人接龙：\n"]) + "\n".join(block))
    if n % 40 == 30:
        tick(0, 2)
        post(t, h["id"] if rng.random() < 0.5 else rng.choice(households)["id"], rng.choice(SURNAMES), rng.choice(CHATTER))
    if n % 55 == 40:
        # A line nobody can place: no building, or no quantity.
        tick(0, 1)
        who = rng.choice(households)
        post(t, who["id"], who["name"], rng.choice(["我要两份鸡蛋", "+1 蔬菜", "帮我也登记一份", f"{who['building']}号楼 {who['name']} 蔬菜"]))
    if n == 90 and not roster_posted:
        roster_posted = True
        tick(1, 3)
        post(t, *head, ROSTER_HEADER + "\n\n1.")
    if roster_posted and len(roster_lines) < len(roster_people) and n % 6 == 0:
        p = roster_people[len(roster_lines)]
        tick(0, 2)
        line = f"{p['building']}-{p['room']} {p['name']} {rng.choice(MEDICINES)} {rng.choice(['医保卡已交', '医保卡已交', '自费'])}"
        roster_lines.append(line)
        if rng.random() < 0.4:
            post(t, p["id"], p["name"], ROSTER_HEADER + "\n\n" + numbered(roster_lines))
        else:
            post(t, p["id"], p["name"], line)
    kind = commands_at.get(n)
    if kind == "mine":
        tick(0, 1)
        who = ordered[3]
        post(t, who["id"], who["name"], "我的")
    elif kind == "group":
        leader = next(iter(GROUP_LEADERS.values()))
        tick(0, 1)
        post(t, leader["senderId"], leader["name"], "统计")
    elif kind == "other-group":
        leader = list(GROUP_LEADERS.values())[1]
        tick(0, 1)
        post(t, leader["senderId"], leader["name"], "统计 " + list(GROUP_LEADERS)[2])
    elif kind == "area" and AREA_LEADERS:
        tick(0, 1)
        post(t, AREA_LEADERS[0]["senderId"], AREA_LEADERS[0]["name"], "@ChainBot 统计")
    elif kind == "building":
        b = volunteer_buildings[3]
        tick(0, 1)
        post(t, VOLUNTEERS[b]["senderId"], VOLUNTEERS[b]["name"], f"{b}号楼")

# Changes and cancellations, then a consolidated copy from the head.
for h in rng.sample([h for h in ordered if "by" not in h and h["order"]], 10):
    tick(1, 4)
    if rng.random() < 0.4:
        post(t, h["id"], h["name"], f"{h['building']}-{h['room']} {h['name']} 取消")
        # On the 配药 roster too, the cancellation could be for either chain: reported to the sender, not guessed.
        h["cancelled"] = h not in roster_people
    else:
        i = min(h["order"])
        name = ["蔬菜套餐", "鸡蛋", "五常大米"][i]
        h["order"][i] += 1
        post(t, h["id"], h["name"], f"{h['building']}-{h['room']} {name}改{h['order'][i]}{['份', '盒', '袋'][i]}")

t = datetime(2022, 4, 20, 19, 30, tzinfo=CST)
post(t, *head, "统计")
t = datetime(2022, 4, 20, 20, 0, 30, tzinfo=CST)
post(t, *head, "截止")
late = households[-1] if "order" not in households[-1] else rng.choice([h for h in households if "order" not in h])
late["order"] = {0: 1}
late["line"] = f"{late['building']}-{late['room']} {late['name']} 蔬菜套餐1份"
tick(3, 6)
post(t, late["id"], late["name"], late["line"] + "，麻烦团长了🙏")
tick(2, 4)
post(t, *head, f"接受 {late['building']}-{late['room']}")
tick(1, 2)
post(t, *head, "导出")

# The next day: the goods arrive and households collect.
t = datetime(2022, 4, 21, 9, 30, tzinfo=CST)
post(t, *head, "到货")
collected = set()
active = [h for h in ordered if not h.get("cancelled")]
rng.shuffle(active)
for i, h in enumerate(active[: int(len(active) * 0.6)]):
    tick(0, 1)
    if "by" in h:
        post(t, h["by"]["senderId"], h["by"]["name"], f"{h['building']}-{h['room']} 已取")
    else:
        post(t, h["id"], h["name"], rng.choice(["已领", "已领", "已取", "已领取，谢谢志愿者"]))
    collected.add((h["building"], h["room"]))
    if i == 80:
        post(t, *head, "未领")
# Volunteers who handed out their whole building say so at once.
for b in volunteer_buildings[:5]:
    tick(2, 5)
    post(t, VOLUNTEERS[b]["senderId"], VOLUNTEERS[b]["name"], f"{b}号楼全部已领")
b = volunteer_buildings[6]
tick(5, 10)
post(t, VOLUNTEERS[b]["senderId"], VOLUNTEERS[b]["name"], f"{b}号楼未领")
tick(10, 20)
post(t, *head, "台账 配药")
tick(1, 3)
post(t, *head, "统计")

# What the day should come to, from what each household meant: the test holds the bot's tally and pickups to it.
PRICES = [68, 28, 55]
NAMES = ["蔬菜套餐", "鸡蛋", "五常大米"]
counted = [h for h in ordered + [late] if h["order"] and not h.get("cancelled")]
collected_keys = set(collected)
for b in volunteer_buildings[:5]:
    collected_keys |= {(h["building"], h["room"]) for h in counted if h["building"] == b}
buildings = {}
for h in counted:
    row = buildings.setdefault(h["building"], {"households": 0, "amount": 0, "collected": 0})
    row["households"] += 1
    row["amount"] += sum(PRICES[i] * q for i, q in h["order"].items())
    row["collected"] += (h["building"], h["room"]) in collected_keys
expected = {
    "households": len(counted),
    "items": {NAMES[i]: sum(h["order"].get(i, 0) for h in counted) for i in range(3)},
    "amount": sum(r["amount"] for r in buildings.values()),
    "collected": sum(r["collected"] for r in buildings.values()),
    "buildings": dict(sorted(buildings.items(), key=lambda kv: int(kv[0]))),
    "roster": len(roster_lines),
}
with open(os.path.join(HERE, "day.expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
    f.write("\n")

with open(os.path.join(HERE, "day.jsonl"), "w", encoding="utf-8") as f:
    for m in messages:
        f.write(json.dumps(m, ensure_ascii=False) + "\n")
print(f"{len(messages)} messages, {len(ordered)} households ordered, {len(roster_lines)} 配药 lines")
