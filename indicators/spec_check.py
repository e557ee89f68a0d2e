"""Check a criteria document row by row: every bad value is named with its sheet and row.

`check_spec(spec)` returns (clean document, errors). The clean document has numbers as
Decimal/int and flags as bool, ready for `indicators.spec.apply_spec`.
"""

from decimal import Decimal, InvalidOperation

from indicators.models import (
    MAX_YEAR,
    MIN_YEAR,
    CriteriaStatus,
    CrosswalkRelation,
    DataPeriod,
    PortalDocument,
    ResultKind,
)

SHEETS = {"tools": "เครื่องมือ", "indicators": "ตัวชี้วัด", "bands": "ระดับผล",
          "sub_indicators": "ตัวชี้วัดย่อย", "oit_items": "รายการ OIT",
          "crosswalk": "ตารางเทียบข้อ"}
CHOICES = {
    "result_kind": ResultKind.values, "status": CriteriaStatus.values,
    "data_period": DataPeriod.values, "portal_document": ["", *PortalDocument.values],
    "relation": CrosswalkRelation.values,
}
TRUE = {"1", "true", "yes", "ใช่", "1.0"}


class BadValue(ValueError):
    pass


def number(value, low=0, high=100):
    try:
        result = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise BadValue(f"“{value}” ไม่ใช่ตัวเลข") from None
    if not result.is_finite() or not low <= result <= high:
        raise BadValue(f"{value} ต้องอยู่ระหว่าง {low} ถึง {high}")
    return result


def integer(value, low, high):
    result = number(value, low, high)
    if result != int(result):
        raise BadValue(f"{value} ต้องเป็นจำนวนเต็ม")
    return int(result)


def text(value, limit, required=True):
    result = str(value if value is not None else "").strip()
    if required and not result:
        raise BadValue("ต้องกรอก")
    if len(result) > limit:
        raise BadValue(f"ยาวเกิน {limit} ตัวอักษร")
    return result


def choice(field, value):
    result = str(value or "").strip()
    if result not in CHOICES[field]:
        raise BadValue(f"“{result}” ไม่ใช่ค่าที่ใช้ได้ ({' / '.join(v for v in CHOICES[field] if v)})")
    return result


def flag(value):
    return str(value).strip().lower() in TRUE if value not in (None, "") else False


def check_spec(spec):
    return SpecChecker(spec).run()


class SpecChecker:
    def __init__(self, spec):
        self.spec, self.errors, self.clean = spec, [], {}

    def run(self):
        if not isinstance(self.spec, dict):
            return {}, ["เอกสารเกณฑ์ต้องเป็นข้อมูลของปีเดียว"]
        self._year()
        for key, reader in (("tools", self._tool), ("indicators", self._indicator),
                            ("bands", self._band), ("sub_indicators", self._sub),
                            ("oit_items", self._item), ("crosswalk", self._crosswalk)):
            self.clean[key] = self._rows(key, reader)
        self._references()
        return self.clean, self.errors

    def _field(self, where, name, convert, *args):
        try:
            return convert(*args)
        except BadValue as error:
            self.errors.append(f"{where} “{name}”: {error}")
            return None

    def _year(self):
        s, where = self.spec, "แผ่นงาน “ปี”"
        self.clean.update(
            year=self._field(where, "year", integer, s.get("year"), MIN_YEAR, MAX_YEAR),
            title_th=self._field(where, "title_th", text, s.get("title_th"), 200),
            result_kind=self._field(where, "result_kind", choice, "result_kind",
                                    s.get("result_kind")),
            target_score=self._field(where, "target_score", number, s.get("target_score")),
            status=self._field(where, "status", choice, "status", s.get("status") or "draft"),
            source_note=self._field(where, "source_note", text, s.get("source_note"), 4000,
                                    False),
            crosswalk_from=s.get("crosswalk_from") or None)

    def _rows(self, key, reader):
        rows = self.spec.get(key) or []
        if not isinstance(rows, list):
            self.errors.append(f"แผ่นงาน “{SHEETS[key]}”: ต้องเป็นรายการ")
            return []
        out = []
        for number_, row in enumerate(rows, start=2):
            where = f"แผ่นงาน “{SHEETS[key]}” แถว {number_}"
            if not isinstance(row, dict):
                self.errors.append(f"{where}: รูปแบบไม่ถูกต้อง")
                continue
            before = len(self.errors)
            clean = reader(where, row)
            if len(self.errors) == before:
                out.append(clean)
        return out

    def _tool(self, where, row):
        return {"code": self._field(where, "code", text, row.get("code"), 8),
                "name_th": self._field(where, "name_th", text, row.get("name_th"), 200),
                "name_en": self._field(where, "name_en", text, row.get("name_en"), 200, False),
                "weight": self._field(where, "weight", number, row.get("weight"), 0, 1)}

    def _indicator(self, where, row):
        return {"number": self._field(where, "number", integer, row.get("number"), 1, 99),
                "tool": self._field(where, "tool", text, row.get("tool"), 8),
                "name_th": self._field(where, "name_th", text, row.get("name_th"), 200),
                "name_en": self._field(where, "name_en", text, row.get("name_en"), 200, False)}

    def _band(self, where, row):
        each = row.get("min_each_tool")
        return {"label": self._field(where, "label", text, row.get("label"), 40),
                "min_total": self._field(where, "min_total", number, row.get("min_total")),
                "min_each_tool": None if each in (None, "") else self._field(
                    where, "min_each_tool", number, each)}

    def _sub(self, where, row):
        return {"indicator": self._field(where, "indicator", integer, row.get("indicator"),
                                         1, 99),
                "code": self._field(where, "code", text, row.get("code"), 8),
                "name_th": self._field(where, "name_th", text, row.get("name_th"), 200)}

    def _item(self, where, row):
        where = f"{where} ({row.get('code') or '?'})"
        return {
            "code": self._field(where, "code", text, row.get("code"), 8),
            "subindicator": self._field(where, "subindicator", text, row.get("subindicator"), 8),
            "group_th": self._field(where, "group_th", text, row.get("group_th"), 200, False),
            "name_th": self._field(where, "name_th", text, row.get("name_th"), 300),
            "name_en": self._field(where, "name_en", text, row.get("name_en"), 300, False),
            "data_period": self._field(where, "data_period", choice, "data_period",
                                       row.get("data_period")),
            "data_period_derived": flag(row.get("data_period_derived")),
            "evidence_th": self._field(where, "evidence_th", text, row.get("evidence_th"),
                                       4000, False),
            "verified": flag(row.get("verified", True)),
            "note_th": self._field(where, "note_th", text, row.get("note_th"), 300, False),
            "portal_document": self._field(where, "portal_document", choice, "portal_document",
                                           row.get("portal_document")),
        }

    def _crosswalk(self, where, row):
        return {"from_code": self._field(where, "from_code", text, row.get("from_code"), 8,
                                         False),
                "to_code": self._field(where, "to_code", text, row.get("to_code"), 8, False),
                "relation": self._field(where, "relation", choice, "relation",
                                        row.get("relation")),
                "note": self._field(where, "note", text, row.get("note"), 300, False)}

    def _references(self):
        c = self.clean
        self._unique("tools", "code")
        self._unique("indicators", "number")
        self._unique("bands", "label")
        self._unique("sub_indicators", "code")
        self._unique("oit_items", "code")
        tools = {t["code"] for t in c["tools"]}
        numbers = {i["number"] for i in c["indicators"]}
        subs = {s["code"] for s in c["sub_indicators"]}
        self.errors += [f"ตัวชี้วัดที่ {i['number']}: ไม่มีเครื่องมือ “{i['tool']}”"
                        for i in c["indicators"] if i["tool"] not in tools]
        self.errors += [f"ตัวชี้วัดย่อย {s['code']}: ไม่มีตัวชี้วัดที่ {s['indicator']}"
                        for s in c["sub_indicators"] if s["indicator"] not in numbers]
        self.errors += [f"ข้อ {i['code']}: ไม่มีตัวชี้วัดย่อย “{i['subindicator']}”"
                        for i in c["oit_items"] if i["subindicator"] not in subs]

    def _unique(self, key, field):
        seen = set()
        for row in self.clean[key]:
            if row[field] in seen:
                self.errors.append(f"แผ่นงาน “{SHEETS[key]}”: “{row[field]}” ซ้ำ")
            seen.add(row[field])
