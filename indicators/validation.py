"""What must hold before a year's criteria are published (each rule one function)."""

from decimal import Decimal

from indicators.models import ItemCrosswalk, OITItem
from indicators.years import previous_year


def publish_errors(year):
    """Every reason the year cannot be published yet, in Thai (empty when it can)."""
    return [*weight_errors(year), *structure_errors(year), *band_errors(year),
            *crosswalk_errors(year)]


def weight_errors(year):
    tools = list(year.tools.all())
    if not tools:
        return ["ยังไม่มีเครื่องมือการประเมิน"]
    total = sum((t.weight for t in tools), Decimal(0))
    errors = [] if total == 1 else [
        f"น้ำหนักของเครื่องมือรวมกันได้ {total:.3f} ต้องเท่ากับ 1 พอดี"]
    used = set(year.indicators.values_list("tool_id", flat=True))
    errors += [f"เครื่องมือ {t.code} ยังไม่มีตัวชี้วัด" for t in tools if t.pk not in used]
    return errors


def structure_errors(year):
    items = OITItem.objects.filter(year=year).select_related("sub_indicator__indicator")
    errors = [f"ข้อ {i.code} ไม่ได้อยู่ในตัวชี้วัดย่อยของปีนี้" for i in items
              if i.sub_indicator.indicator.year_id != year.pk]
    for kind in ("analysis", "report"):
        codes = [i.code for i in items if i.portal_document == kind]
        if len(codes) > 1:
            errors.append(f"เอกสารที่ระบบจัดทำ ({kind}) ผูกกับหลายข้อ: {', '.join(codes)}")
    empty = year.indicators.filter(tool__code="OIT", sub_indicators__isnull=True)
    errors += [f"ตัวชี้วัดที่ {i.number} ยังไม่มีตัวชี้วัดย่อย" for i in empty]
    return errors


def band_errors(year):
    bands = list(year.bands.order_by("order"))
    if not bands:
        return ["ยังไม่มีเกณฑ์ระดับผลการประเมิน"]
    errors = [f"“{b.label}”: คะแนนขั้นต่ำต้องอยู่ระหว่าง 0 ถึง 100" for b in bands
              if not 0 <= b.min_total <= 100
              or (b.min_each_tool is not None and not 0 <= b.min_each_tool <= 100)]
    if any(a.min_total < b.min_total for a, b in zip(bands, bands[1:], strict=False)):
        errors.append("เกณฑ์ระดับผลต้องเรียงจากคะแนนสูงไปต่ำ")
    if min(b.min_total for b in bands) != 0:
        errors.append("เกณฑ์ระดับผลไม่ครอบคลุมคะแนน 0–100: ระดับต่ำสุดต้องเริ่มที่ 0")
    return errors


def crosswalk_errors(year):
    previous = previous_year(year)
    if previous is None:
        return []
    rows = ItemCrosswalk.objects.filter(from_year=previous, to_year=year)
    sources = set(rows.values_list("from_item__code", flat=True))
    targets = set(rows.values_list("to_item__code", flat=True))
    errors = [f"ข้อ {code} ของปี {previous.year} ยังไม่อยู่ในตารางเทียบข้อ"
              for code in previous.oit_items.values_list("code", flat=True)
              if code not in sources]
    errors += [f"ข้อ {code} ของปี {year.year} ยังไม่อยู่ในตารางเทียบข้อ"
               for code in year.oit_items.values_list("code", flat=True) if code not in targets]
    pending = rows.filter(confirmed=False).count()
    if pending:
        errors.append(f"ตารางเทียบข้อยังมี {pending} แถวที่ระบบเสนอและยังไม่ได้ยืนยัน")
    return errors
