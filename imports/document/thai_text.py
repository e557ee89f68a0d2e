"""Thai text as PDF text layers really carry it, put back into the words people typed.

- Word (and old Thai fonts) split SARA AM into NIKHAHIT + SARA AA (ดํา → ดำ), sometimes with
  the tone mark in between (น ํ ้ า → น้ำ); write tone marks and above vowels before their
  consonant, or a tone mark before the vowel it sits on (ก ่ ี → กี่); leave the fonts'
  shifted variants from the private use area (U+F700–U+F71A) and a dotted circle (◌) a shaper
  put under a mark that had no base.
- WeasyPrint (without /ActualText) maps the SARA AM glyph to SARA AA only (ดำเนินการ →
  ดาเนินการ): the words that cannot be written with SARA AA are put right from a short list.
"""

import re
import unicodedata

NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
TONES = "\u0e48-\u0e4b"
ABOVE = "\u0e31\u0e34-\u0e37\u0e47\u0e4c\u0e4d"
BELOW = "\u0e38-\u0e3a"
CONSONANT = "\u0e01-\u0e2e"
# Private-use glyph variants in Thai fonts made for Windows/Mac (U+F700–U+F71A: marks shifted
# left or lowered, ฐ and ญ without their descender), each the character it stands for.
PUA = dict(zip(map(chr, range(0xF700, 0xF71B)),
               "\u0e10\u0e34\u0e35\u0e36\u0e37\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
               "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e0d\u0e31\u0e4d\u0e47\u0e48"
               "\u0e49\u0e4a\u0e4b\u0e4c\u0e38\u0e39\u0e3a", strict=True))
PUA_TABLE = str.maketrans(PUA)
LEFTOVERS = re.compile("[\u25cc\u00ad\ufeff\u200b-\u200d]")
SPLIT_AM = re.compile(f"{NIKHAHIT}([{TONES}]?){SARA_AA}")
TONE_AFTER_AM = re.compile(f"{SARA_AM}([{TONES}])")
TONE_BEFORE_VOWEL = re.compile(f"([{TONES}\u0e4c])([\u0e31\u0e34-\u0e37\u0e47{BELOW}])")
# A tone mark written after the final consonant of a ั syllable (ครัง้ → ครั้ง): LibreOffice.
TONE_AFTER_FINAL = re.compile(f"\u0e31([{CONSONANT}])([{TONES}])(?!\u0e32)")
MARK_BEFORE_BASE = re.compile(f"(?<![{CONSONANT}{BELOW}{ABOVE}{TONES}])([{ABOVE}{TONES}]+)"
                              f"([{CONSONANT}])")
# Words WeasyPrint loses ำ in; written with า none of them is a Thai word.
LOST_AM = ("ดำเนิน", "สำนัก", "ประจำ", "กำหนด", "อำนาจ", "ตำแหน่ง", "จำนวน", "ลำดับ", "สำคัญ",
           "กำกับ", "สำเร็จ", "จำเป็น", "คำนึง", "คำสั่ง", "จัดทำ", "อำเภอ", "ตำบล", "สำรวจ",
           "ชำระ", "บำรุง", "ดำรง", "อำนวย", "ทำงาน", "นำผล", "นำไป", "แนะนำ", "คำแนะนำ", "ต่ำกว่า",
           "น้ำหนัก", "ซ้ำซ้อน", "กำลัง", "สำหรับ", "ทำให้", "คำร้อง", "ประจำปี", "กำกับดูแล")
LOST_AM_FIX = {word.replace(SARA_AM, SARA_AA): word for word in LOST_AM}
LOST_AM_PATTERN = re.compile("|".join(sorted(LOST_AM_FIX, key=len, reverse=True)))


def normalise(text):
    """Text with the faults above put right; other text unchanged."""
    text = text.translate(PUA_TABLE)
    text = LEFTOVERS.sub("", text)
    text = SPLIT_AM.sub(lambda m: m.group(1) + SARA_AM, text)
    text = TONE_AFTER_AM.sub(lambda m: m.group(1) + SARA_AM, text)
    text = MARK_BEFORE_BASE.sub(lambda m: m.group(2) + m.group(1), text)
    text = TONE_BEFORE_VOWEL.sub(lambda m: m.group(2) + m.group(1), text)
    text = TONE_AFTER_FINAL.sub(lambda m: "\u0e31" + m.group(2) + m.group(1), text)
    text = LOST_AM_PATTERN.sub(lambda m: LOST_AM_FIX[m.group(0)], text)
    return unicodedata.normalize("NFC", _latin_ligatures(text))


def _latin_ligatures(text):
    """ﬁ, ﬂ and friends (U+FB00–U+FB06) as their letters; Thai is left as it is."""
    return re.sub("[\ufb00-\ufb06]", lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
