"""Official indicator scores of one or many organisations from CSV or XLSX.

Columns: หน่วยงาน (slug or Thai name), ปี (B.E.), 1 … 10 (or "ตัวชี้วัดที่ 1" …), and optionally
IIT, EIT, OIT, คะแนนรวม, ผลการประเมิน. Given totals are checked against the criteria of the year
(indicators.scoring.compute_result); every mismatch and every bad cell is reported with its row,
and then nothing is written. Otherwise all rows are written in one transaction.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction

from imports.permissions import can_import_scores_for
from imports.upload import MAX_BYTES, TOO_LARGE, UnreadableDocument
from imports.workbook.read import open_workbook
from indicators import selectors
from indicators.models import Indicator, IndicatorScore
from indicators.scoring import compute_result, round2
from ita_portal.thai import arabic_digits
from organizations import versions
from organizations.models import Organization

TOLERANCE = Decimal("0.01")
MAX_ROWS = 20000


@dataclass
class ScoreImport:
    rows: list = field(default_factory=list)      # (row, organization, year, {n: score})
    errors: list = field(default_factory=list)    # "แถว 3: …"
    created: int = 0
    updated: list = field(default_factory=list)   # "org ปี n: old → new"


def read_table(data, filename):
    """[[cell, …], …] from a CSV (UTF-8, with or without BOM) or the first sheet of an XLSX."""
    if filename.lower().endswith(".xlsx"):
        book = open_workbook(data)
        try:
            return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)][:MAX_ROWS]
        except (SyntaxError, KeyError, ValueError, IndexError, zipfile.BadZipFile) as error:
            raise UnreadableDocument("อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย") from error
        finally:
            book.close()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDocument("ไฟล์ CSV ต้องบันทึกเป็น UTF-8") from error
    return list(csv.reader(io.StringIO(text.replace("\x00", ""))))[:MAX_ROWS]


def column_of(header):
    """"หน่วยงาน" → org, "ปี" → year, "ตัวชี้วัดที่ 3"/"3" → 3, IIT/EIT/OIT, total, band."""
    text = arabic_digits(str(header or "")).strip().lower()
    if "หน่วยงาน" in text or text in ("organization", "slug"):
        return "org"
    if text in ("ปี", "year", "ปีที่ประเมิน", "ปีประเมิน"):
        return "year"
    if text in ("iit", "eit", "oit"):
        return text.upper()
    if "รวม" in text or text == "total":
        return "total"
    if "ผลการประเมิน" in text or text in ("grade", "ระดับ"):
        return "band"
    found = re.fullmatch(r"(?:ตัวชี้วัดที่\s*)?(\d{1,2})", text)
    return int(found.group(1)) if found else None


def parse(table, by):
    result = ScoreImport()
    lookups = {"rules": {}, "orgs": {}}
    if not table:
        raise UnreadableDocument("ไฟล์ว่าง")
    columns = [column_of(h) for h in table[0]]
    if "org" not in columns or "year" not in columns:
        raise UnreadableDocument("แถวแรกต้องเป็นหัวตาราง มีคอลัมน์ “หน่วยงาน” และ “ปี” "
                                 "และคอลัมน์ตัวชี้วัด 1–10")
    for number, cells in enumerate(table[1:], start=2):
        if any(c not in (None, "") for c in cells):
            _row(result, number, dict(zip(columns, cells, strict=False)), by, lookups)
    return result


def _number(raw):
    try:
        value = Decimal(arabic_digits(str(raw)).strip())
    except InvalidOperation:
        raise ValueError from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError
    return value.quantize(TOLERANCE, rounding=ROUND_HALF_UP)  # two places, as the NACC reports


def _row(result, number, cells, by, lookups):
    def fail(message):
        result.errors.append(f"แถว {number}: {message}")

    org = _organization(cells.get("org"), by, fail, lookups["orgs"])
    rules = _rules(cells.get("year"), lookups["rules"])
    if rules is None:
        return fail(f"ไม่มีเกณฑ์การประเมินปี “{cells.get('year')}”")
    scores, given = {}, {}
    for key, raw in cells.items():
        if key in (None, "org", "year", "band") or raw in (None, ""):
            continue
        try:
            (scores if isinstance(key, int) else given)[key] = _number(raw)
        except ValueError:
            fail(f"คะแนน{_label(key)} “{raw}” ต้องเป็นตัวเลข 0–100")
    unknown = set(scores) - set(rules.indicator_numbers)
    if unknown:
        fail(f"ปี {rules.year} ไม่มีตัวชี้วัดที่ {', '.join(map(str, sorted(unknown)))}")
    _check_totals(rules, scores, given, cells.get("band"), fail)
    if org is not None:
        result.rows.append((number, org, rules.year, scores))


def _label(key):
    return {"total": "รวม", "IIT": " IIT", "EIT": " EIT", "OIT": " OIT"}.get(
        key, f"ตัวชี้วัดที่ {key}")


def _rules(raw, cache):
    try:
        year = int(arabic_digits(str(raw)).strip())
    except ValueError:
        return None
    if year not in cache:
        try:
            cache[year] = selectors.year_rules(year)
        except selectors.UnknownYear:
            cache[year] = None
    return cache[year]


def _organization(key, by, fail, cache):
    key = str(key or "").strip()
    if key not in cache:
        cache[key] = Organization.objects.filter(slug=key).first() or (
            Organization.objects.filter(name_th=key).first())
    org = cache[key]
    if org is None:
        return fail(f"ไม่พบหน่วยงาน “{key}”")
    if not can_import_scores_for(by, org):
        return fail(f"ไม่มีสิทธิ์นำเข้าคะแนนของ “{org.name_th}”")
    return org


def _check_totals(rules, scores, given, band, fail):
    if not given and not band:
        return
    computed = compute_result(rules, scores)
    if computed.missing:
        return fail("ให้คะแนนรวมมาแต่ตัวชี้วัดไม่ครบ (ขาด "
                    f"{', '.join(map(str, computed.missing))}) จึงตรวจคะแนนรวมไม่ได้")
    expected = {"total": computed.total, **computed.tools}
    for key, value in given.items():
        if abs(round2(expected[key]) - value) > TOLERANCE:
            fail(f"คะแนน{_label(key)}ในไฟล์ {value} ไม่ตรงกับที่คำนวณจากตัวชี้วัด "
                 f"{round2(expected[key])}")
    if band and str(band).strip() != computed.band:
        fail(f"ผลการประเมินในไฟล์ “{band}” ไม่ตรงกับที่คำนวณได้ “{computed.band}”")


@transaction.atomic
def write(result, by, source):
    """Write every parsed row (call only when result.errors is empty), in bulk per year."""
    for year in sorted({year for _, _, year, _ in result.rows}):
        rows = [(org, scores) for _, org, y, scores in result.rows if y == year]
        indicators = {i.number: i for i in Indicator.objects.filter(year__year=year)}
        existing = {(s.organization_id, s.indicator.number): s for s in IndicatorScore.objects
                    .filter(organization__in=[org for org, _ in rows], indicator__year__year=year)
                    .select_related("indicator")}
        new, changed = [], []
        for org, scores in rows:
            for number, value in sorted(scores.items()):
                score = existing.get((org.pk, number))
                if score is None:
                    new.append(IndicatorScore(organization=org, indicator=indicators[number],
                                              score=value, source=source[:200], recorded_by=by))
                elif score.score != value:
                    result.updated.append(f"{org.name_th} ปี {year} ตัวชี้วัดที่ {number}: "
                                          f"{score.score} → {value}")
                    score.score, score.source, score.recorded_by = value, source[:200], by
                    changed.append(score)
        IndicatorScore.objects.bulk_create(new, batch_size=1000)
        IndicatorScore.objects.bulk_update(changed, ["score", "source", "recorded_by"],
                                           batch_size=1000)
        for org, _ in rows:
            versions.touch(org.pk)  # bulk writes send no signals
        result.created += len(new)
    return result


def import_scores(data, filename, by, *, dry_run=False):
    """Parse, check and (unless dry_run or any error) write; `by` None is the operator."""
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(TOO_LARGE)
    result = parse(read_table(data, filename), by)
    if not result.errors and not dry_run:
        write(result, by, f"นำเข้าจาก {filename}")
    return result
