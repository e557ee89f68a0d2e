"""What a line of an analysis document means, whatever its layout: a year, a total with its
grade or rating, a tool or indicator heading with or without its score, a section heading, a
numbered or bulleted item, a labelled field (ผู้รับผิดชอบ: …). Pure functions over one line;
the year's criteria (indicator and tool names, band labels) come in as `Criteria`.
"""

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ita_portal.thai import arabic_digits

SCORE = r"(\d{1,3}(?:\.\d{1,2})?)"
SCORE_PHRASE = re.compile(
    r"\(?\s*(?:ได้|มี)?\s*(?:ผล)?คะแนน(?:เฉลี่ย|รวม)?\s*(?:เท่ากับ|=|:)?\s*" + SCORE +
    r"(?:\s*คะแนน)?\s*\)?|\(?\s*" + SCORE + r"\s*คะแนน\s*\)?")
BARE_SCORE = re.compile(r"^\s*\(?\s*(?:ได้|มี)?\s*(?:ผล)?(?:คะแนน(?:เฉลี่ย|รวม)?)?\s*[:=]?\s*"
                        + SCORE + r"\s*(?:คะแนน)?\s*\)?\s*$")
INDICATOR_NUMBER = re.compile(r"ตัวชี้วัด(?:ที่)?\s*(\d{1,2})")
NUMBERED = re.compile(r"^\s*(?:\(?(\d{1,3})[.)]\s*(?!\d)|(\d{1,3})\s+(?=\D))")
SUB_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\.\d{1,2}\.?\s+|\(\d{1,2}\)\s*|[ก-ฮ][.)]\s+)")
BULLET = re.compile(r"^\s*[-•●○▪■◦✓*–]\s*")
YEAR = re.compile(r"(?<!\d)(25[5-9]\d)(?!\d)")
TOTAL_WORDS = re.compile(r"คะแนนรวม|ผลคะแนน|คะแนนภาพรวม|ภาพรวม|คะแนนการประเมิน\s*ITA|"
                         r"ผลการประเมิน\s*ITA|ได้คะแนน\s*\d|มีคะแนน")
NOT_A_RESULT = re.compile(r"เป้าหมาย|ขึ้นไป|ร้อยละ")
GRADE_CONTEXT = re.compile(r"ระดับ|ผลการประเมิน|ผ่าน|ต้องปรับปรุง")
LABEL = re.compile(r"^\s*(ผู้รับผิดชอบ|หน่วยงานที่รับผิดชอบ|ระยะเวลา(?:ดำเนินการ)?|ช่วงเวลา|"
                   r"การ(?:ตรวจ)?ติดตาม(?:และ)?(?:ประเมินผล)?|การรายงานผล|"
                   r"วิธีดำเนินการ|ขั้นตอน(?:การดำเนินการ|การดำเนินงาน)?|"
                   r"แนวทาง(?:การ)?(?:ปรับปรุง|แก้ไข|พัฒนา)(?:แก้ไข)?|ประเด็นที่ต้องปรับปรุง|"
                   r"ตัวชี้วัดที่เกี่ยวข้อง)\s*[:：]\s*(.*)$")
SECTIONS = [
    ("measures", re.compile(r"^\s*(?:\d{1,2}[.)]?\s*)?(?:ส่วนที่\s*\d+\s*)?มาตรการ(?:เพื่อ|ส่งเสริม|"
                            r"ขับเคลื่อน|ป้องกัน|ในการ|การ)?.*(?:ประจำปี|ปีงบประมาณ|ดังนี้|$)")),
    ("recommendations", re.compile(r"^\s*(?:\d{1,2}[.)]?\s*)?ข้อเสนอแนะ")),
    ("approaches", re.compile(r"^\s*(?:\d{1,2}[.)]?\s*)?แนวทาง(?:การ)?(?:ปรับปรุง|แก้ไข|พัฒนา)")),
    ("issues", re.compile(r"^\s*(?:\d{1,2}[.)]?\s*)?(?:ประเด็น(?:ที่ต้อง(?:ปรับปรุง|พัฒนา)|ที่ควร"
                          r"(?:ปรับปรุง|พัฒนา)|ปัญหา|ข้อบกพร่อง)|จุดอ่อน|ข้อบกพร่อง|"
                          r"สิ่งที่ต้องปรับปรุง)")),
    ("summary", re.compile(r"^\s*บทสรุป")),
    ("analysis", re.compile(r"^\s*(?:\d{1,2}[.)]?\s*)?(?:O\d{1,2}\s*)?(?:ผลการวิเคราะห์|"
                            r"การวิเคราะห์ผล|การนำผลการประเมิน)")),
]


@dataclass
class Criteria:
    """The assessment year's words: indicator and tool names (spaces removed), band labels."""

    year: int
    names: dict  # indicator number → name
    tools: dict = field(default_factory=dict)  # tool code → name
    labels: list = field(default_factory=list)  # band labels

    def __post_init__(self):
        self.labels = sorted(self.labels, key=len, reverse=True)


def squash(text):
    return re.sub(r"\s+", "", text)


def numbers(text):
    return arabic_digits(text or "")


def similarity(a, b):
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def score_value(text):
    value = Decimal(text)
    return value if 0 <= value <= 100 else None


def bare_score(text):
    """The score of a line that is only a score: '97.68 คะแนน', 'ได้คะแนน ๗๘.๗๙', '(90.12)'."""
    match = BARE_SCORE.match(numbers(text))
    return score_value(match.group(1)) if match and "." in match.group(1) else None


def score_phrase(text):
    """(score, text without it) for a score written inside a line, else (None, text)."""
    text = numbers(text)
    for match in SCORE_PHRASE.finditer(text):
        raw = match.group(1) or match.group(2)
        if "." in raw or "คะแนน" in match.group(0):
            value = score_value(raw)
            if value is not None:
                return value, (text[:match.start()] + " " + text[match.end():]).strip()
    return None, text


def trailing_score(text):
    """A decimal number closing a heading ("… คะแนนเฉลี่ย 83.37" written wrongly still ends so)."""
    match = re.search(r"\s(\d{1,3}\.\d{1,2})\s*$", numbers(text))
    if not match or score_value(match.group(1)) is None:
        return None, text
    return score_value(match.group(1)), numbers(text)[:match.start()]


def numbered(text):
    """The leading item number of '1. …', '๑) …', '(2) …', else None."""
    match = NUMBERED.match(numbers(text))
    return int(match.group(1) or match.group(2)) if match else None


def strip_marker(text):
    """The item without its number or bullet."""
    text = BULLET.sub("", text, count=1)
    text = SUB_NUMBERED.sub("", text, count=1)
    return re.sub(r"^\s*\(?[0-9๐-๙]{1,3}\s*[.)]?\s*(?=\S)", "", text, count=1).strip()


def is_item(text):
    return bool(numbered(text) or BULLET.match(text) or SUB_NUMBERED.match(numbers(text)))


def is_sub_item(text):
    return bool(BULLET.match(text) or SUB_NUMBERED.match(numbers(text)))


def label_of(text):
    """('owner' | 'period' | 'monitoring' | 'steps' | 'approach' | 'issue' | 'indicators',
    value) for a labelled line, else None."""
    match = LABEL.match(text)
    if not match:
        return None
    word = match.group(1)
    kind = ("owner" if "รับผิดชอบ" in word else "period" if "เวลา" in word
            else "monitoring" if "ติดตาม" in word or "รายงาน" in word
            else "approach" if word.startswith("แนวทาง") else "issue" if "ประเด็น" in word
            else "indicators" if "ตัวชี้วัด" in word else "steps")
    return kind, match.group(2).strip()


def section_of(text):
    if len(text) > 120 or label_of(text):
        return None
    for name, pattern in SECTIONS:
        if pattern.match(text):
            return name
    return None


def indicator_heading(text, criteria):
    """(indicator number, score or None) when the line is a heading naming an indicator:
    "ตัวชี้วัดที่ 2 …", or a name close to one of the year's (typos allowed)."""
    score, rest = score_phrase(text)
    if score is None:
        score, rest = trailing_score(rest)
    explicit = INDICATOR_NUMBER.search(rest)
    rest = INDICATOR_NUMBER.sub(" ", rest)
    rest = re.sub(r"\([A-Z]{2,4}\)|[:：]", " ", rest)
    name = squash(strip_marker(rest))
    if explicit and len(name) <= 60 and explicit.start() < 8:
        number = int(explicit.group(1))
        return (number, score) if number in criteria.names else None
    best = _closest(name, criteria.names)
    if best is None:
        return None
    if explicit and int(explicit.group(1)) in criteria.names:
        best = int(explicit.group(1))
    return best, score


def _closest(name, names, threshold=0.8):
    if not name:
        return None
    scored = [(similarity(squash(full), name), number) for number, full in names.items()
              if len(name) <= len(squash(full)) * 1.3 + 4]
    best = max(scored, default=(0, None))
    return best[1] if best[0] >= threshold else None


def tool_heading(text, criteria):
    """(tool code, score or None) when the line heads an IIT/EIT/OIT section."""
    score, rest = score_phrase(text)
    upper = rest.upper()
    codes = [code for code in criteria.tools if re.search(rf"(?<![A-Z]){code}(?![A-Z])", upper)]
    code_words = "|".join(map(re.escape, criteria.tools)) or "$^"
    squashed = squash(strip_marker(re.sub(rf"\(?(?:{code_words})\)?|[:：]|แบบ(?:วัด|ตรวจ)", " ",
                                          rest, flags=re.I)))
    tool_words = re.match(r"\s*(?:[0-9๐-๙.)\s]*)(?:แบบวัด|แบบตรวจ|เครื่องมือ)", rest)
    if len(codes) == 1 and (not squashed or tool_words and len(squashed) <= 60):
        return codes[0], score
    named = _closest(squashed, {code: squash(name).removeprefix("แบบวัด").removeprefix(
        "แบบตรวจ") for code, name in criteria.tools.items()}, 0.85)
    return (named, score) if named else None


def total_and_result(text, criteria):
    """(total or None, band label or None) of a line stating the overall result."""
    plain = numbers(text)
    total = None
    if len(plain) > 200 or NOT_A_RESULT.search(plain):
        return None, None
    if TOTAL_WORDS.search(plain) and not INDICATOR_NUMBER.search(plain):
        total, _ = score_phrase(plain)
    label = None
    if total is not None or GRADE_CONTEXT.search(plain):
        label = band_label(plain, criteria)
    return total, label


def band_label(text, criteria):
    for label in criteria.labels:
        if label.isascii():
            if re.search(rf"(?:ระดับ|ผลการประเมิน|เกรด)\s*[:“\"(]?\s*{re.escape(label)}(?![A-Za-z])",
                         text):
                return label
        elif label in text and not text.count("ประเด็นที่" + label):
            return label
    return None


def years_of(text):
    """(assessment year, fiscal year of measures) the line names, each or None."""
    plain = numbers(text)
    found = [int(y) for y in YEAR.findall(plain)]
    if not found:
        return None, None
    if "มาตรการ" in plain or "แผนปฏิบัติ" in plain:
        return None, found[0]
    if re.search(r"ผลการประเมิน|ITA|คะแนน|ประเมินคุณธรรม", plain):
        return found[0], None
    return None, None
