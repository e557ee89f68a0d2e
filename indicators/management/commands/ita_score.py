import json
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError

from indicators.models import AssessmentYear
from indicators.scoring import compute_result, gap_to_target, oit_indicator_scores, round2
from indicators.selectors import UnknownYear, year_rules
from ita_portal.thai import arabic_digits


def fail(message):
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = (
        "คำนวณคะแนน ITA จากคะแนนรายตัวชี้วัด (สำหรับตอบคำถาม \"ถ้า…\"). "
        "พิมพ์ JSON: iit, eit, oit, total และ grade หรือ rating ตามเกณฑ์ของปี"
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="ปีที่ประเมิน (พ.ศ.)")
        parser.add_argument("--scores", required=True,
                            help="คะแนนตัวชี้วัดเรียงตามลำดับ คั่นด้วยจุลภาค")
        parser.add_argument(
            "--oit-missing", default=None,
            help="ข้อ OIT ที่ไม่ผ่าน เช่น O3,O12 (คำนวณตัวชี้วัด OIT จากรายข้อ; "
                 "ใส่ว่าง \"\" ถ้าผ่านทุกข้อ) แล้ว --scores ให้เฉพาะตัวชี้วัด IIT และ EIT",
        )

    def handle(self, *args, year, scores, oit_missing, **options):
        rules = self._rules(year)
        numbers = rules.indicator_numbers
        oit_scores = {}
        if oit_missing is not None:
            oit_scores = self._oit_scores(rules, oit_missing)
            numbers = [n for n in numbers if n not in oit_scores]
        values = self._parse_scores(scores, len(numbers))
        result = compute_result(rules, {**dict(zip(numbers, values, strict=True)), **oit_scores})
        self.stdout.write(json.dumps(self._as_json(rules, result), ensure_ascii=False))

    def _rules(self, year):
        try:
            return year_rules(int(arabic_digits(year)))
        except (ValueError, UnknownYear):
            known = ", ".join(str(y) for y in AssessmentYear.objects.values_list("year", flat=True))
            raise fail(f"ไม่พบเกณฑ์ของปี {year} (ปีที่มีเกณฑ์: {known or 'ยังไม่ได้โหลด'})") from None

    def _parse_scores(self, text, expected):
        parts = [p.strip() for p in arabic_digits(text).split(",") if p.strip()]
        if len(parts) != expected:
            raise fail(f"ต้องมีคะแนน {expected} ค่า แต่ได้ {len(parts)} ค่า")
        try:
            values = [Decimal(p) for p in parts]
        except InvalidOperation:
            raise fail(f"คะแนนต้องเป็นตัวเลข: {text}") from None
        bad = [str(v) for v in values if not (0 <= v <= 100) or not v.is_finite()]
        if bad:
            raise fail(f"คะแนนต้องอยู่ระหว่าง 0 ถึง 100: {', '.join(bad)}")
        return values

    def _oit_scores(self, rules, text):
        known = {c for subs in rules.oit_structure.values() for i in subs.values() for c in i}
        missing = {p.strip().upper() for p in text.split(",") if p.strip()}
        if missing - known:
            raise fail(f"ไม่มีข้อ OIT นี้ในเกณฑ์ปี {rules.year}: {', '.join(sorted(missing - known))}")
        return oit_indicator_scores(rules, known - missing)

    def _as_json(self, rules, result):
        out = {"year": rules.year}
        out.update({code.lower(): _num(score) for code, score in result.tools.items()})
        out["total"] = _num(result.total)
        out[rules.result_kind] = result.band
        out["target"] = _num(rules.target)
        out["gap_to_target"] = _num(gap_to_target(rules, result.total))
        out["indicators"] = {str(n): _num(s) for n, s in sorted(result.indicators.items())}
        return out


def _num(value):
    return None if value is None else float(round2(value))
