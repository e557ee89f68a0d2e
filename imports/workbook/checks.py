"""What a workbook's rows must satisfy before anything is written; each problem by place."""

from django.core.exceptions import ValidationError

from disclosure.services import clean_urls
from imports.workbook import layout
from imports.workbook.read import problem
from indicators.models import Indicator, OITItem
from measures.models import ImprovementIssue, Measure
from organizations.models import Department, Position
from organizations.owners import EVERYONE_PATTERN, normalise

LIMITS = {"owner_text": 300, "period_text": 120, "name": 120, "aliases": 300}
KEYS = {"owners": ("kind", "name"), "issues": ("id",), "measures": ("number",),
        "steps": ("measure", "order"), "oit": ("code",)}


class Checker:
    def __init__(self, target, rows):
        self.target, self.rows, self.problems = target, rows, []
        self._indicators, self._measures, self._codes = {}, None, None
        org = target.org
        self.departments = set(Department.objects.filter(organization=org)
                               .values_list("name_th", flat=True))
        self.departments |= {v["name"] for _, v in rows.get("owners", [])
                             if v["kind"] == "สำนัก/กอง" and v["name"]}
        self.positions = set(Position.objects.filter(organization=org)
                             .values_list("name_th", flat=True))
        self.positions |= {v["name"] for _, v in rows.get("owners", [])
                           if v["kind"] == "ตำแหน่ง" and v["name"]}
        self.owner_names = {normalise(n) for n in self.departments | self.positions}
        self.owner_names |= set(target.owners)

    def run(self):
        for sheet in layout.SHEETS:
            self.sheet = sheet
            seen = {}
            for number, values in self.rows.get(sheet.key, []):
                self.number = number
                self._common(values, seen)
                getattr(self, f"check_{sheet.key}")(values)
        return self.problems

    def fail(self, column_key, message):
        header = next((c.header for c in self.sheet.columns if c.key == column_key), "")
        self.problems.append(problem(self.sheet, self.number, header, message))

    def _common(self, values, seen):
        for key, limit in LIMITS.items():
            if len(values.get(key) or "") > limit:
                self.fail(key, f"ยาวเกิน {limit} ตัวอักษร")
        key = tuple(values.get(k) for k in KEYS[self.sheet.key])
        if all(part is not None for part in key):
            if key in seen:
                self.fail(KEYS[self.sheet.key][-1], f"ซ้ำกับแถว {seen[key]}")
            seen[key] = self.number

    def owners_known(self, values):
        for name in values.get("owners") or []:
            if not EVERYONE_PATTERN.search(name) and normalise(name) not in self.owner_names:
                self.fail("owners", f"ไม่พบผู้รับผิดชอบ “{name}” ในหน่วยงาน: เพิ่มในแผ่นงาน "
                                    f"“{layout.OWNERS.title}” หรือแก้ชื่อให้ตรง")

    def check_owners(self, values):
        if values["kind"] and values["kind"] not in layout.OWNER_KINDS:
            self.fail("kind", "ต้องเป็น “สำนัก/กอง” หรือ “ตำแหน่ง”")
        if values["department"] and values["department"] not in self.departments:
            self.fail("department", f"ไม่พบสำนัก/กอง “{values['department']}”")
        if values["kind"] == "สำนัก/กอง" and values["department"]:
            self.fail("department", "สำนัก/กองไม่มีสังกัด ให้เว้นว่าง")

    def check_issues(self, values):
        if values["indicator"] is not None and values["indicator"] not in self.indicators(
                self.target.assessed):
            self.fail("indicator", f"ไม่มีตัวชี้วัดที่ {values['indicator']} ในเกณฑ์ปี "
                                   f"{self.target.assessed}")
        if values["id"] and not ImprovementIssue.objects.filter(
                pk=values["id"], organization=self.target.org,
                fiscal_year=self.target.fiscal_year).exists():
            self.fail("id", f"ไม่พบประเด็นรหัส {values['id']} ของหน่วยงานในปีงบประมาณนี้ "
                            "(เว้นว่างเพื่อเพิ่มใหม่)")
        self.owners_known(values)

    def check_measures(self, values):
        if values["start_date"] and values["end_date"] and (
                values["start_date"] > values["end_date"]):
            self.fail("end_date", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม")
        unknown = set(values["indicators"] or []) - self.indicators(self.target.fiscal_year)
        if unknown:
            self.fail("indicators", f"ไม่มีตัวชี้วัดที่ {', '.join(map(str, sorted(unknown)))} "
                                    f"ในเกณฑ์ปี {self.target.fiscal_year}")
        self.owners_known(values)

    def check_steps(self, values):
        if values["start_date"] and values["end_date"] and (
                values["start_date"] > values["end_date"]):
            self.fail("end_date", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม")
        number = values["measure"]
        if number is not None and number not in self.measure_numbers():
            self.fail("measure", f"ไม่พบมาตรการลำดับ {number} ในแผ่นงาน “มาตรการ” หรือในระบบ")

    def check_oit(self, values):
        if values["code"] and values["code"] not in self.oit_codes():
            self.fail("code", f"ไม่มีข้อ {values['code']} ในรายการ OIT ปี "
                              f"{self.target.fiscal_year}")
        try:
            clean_urls(values["urls"] or [], self.target.org.domains)
        except ValidationError as error:
            for message in error.messages:
                self.fail("urls", message)
        for key, names in (("department", self.departments), ("position", self.positions)):
            if values[key] and values[key] not in names:
                self.fail(key, f"ไม่พบ “{values[key]}” ในหน่วยงาน")

    def indicators(self, year):
        if year not in self._indicators:
            self._indicators[year] = set(Indicator.objects.filter(year__year=year)
                                         .values_list("number", flat=True))
        return self._indicators[year]

    def measure_numbers(self):
        if self._measures is None:
            self._measures = {v["number"] for _, v in self.rows.get("measures", [])}
            self._measures |= set(Measure.objects.filter(
                organization=self.target.org, fiscal_year=self.target.fiscal_year)
                .values_list("number", flat=True))
        return self._measures

    def oit_codes(self):
        if self._codes is None:
            self._codes = set(OITItem.objects.filter(year__year=self.target.fiscal_year)
                              .values_list("code", flat=True))
        return self._codes

