"""The preview of a document batch: every row with its mark (new, unchanged, change old → new),
its key for unticking, and the counts shown next to the confirm button."""

from imports.document import compare
from indicators.selectors import require_assessed_year
from measures.models import Cadence

STATUS_LABELS = {compare.NEW: "ใหม่", compare.SAME: "มีอยู่แล้ว ไม่เปลี่ยน",
                 compare.CHANGE: "เปลี่ยน"}
FIELD_LABELS = {"score": "คะแนน", "approach": "แนวทาง", "monitoring": "การติดตาม",
                "title": "มาตรการ", "period_text": "ระยะเวลา", "start_date": "วันเริ่ม",
                "end_date": "วันสิ้นสุด", "cadence": "รอบรายงาน",
                "owner_text": "ผู้รับผิดชอบตามเอกสาร", "text": "วิธีดำเนินการ"}
KINDS = (("scores", "คะแนน"), ("issues", "ประเด็น"), ("measures", "มาตรการ"))


def _row(key, found):
    return {"key": key, "status": found["status"],
            "status_label": STATUS_LABELS[found["status"]],
            "changes": [(_label(name), old, new) for name, (old, new) in found["changes"].items()]}


def _label(name):
    """"title" → "มาตรการ"; "ขั้นตอนที่ 2 (text)" → "ขั้นตอนที่ 2 วิธีดำเนินการ"."""
    if name.endswith(")") and " (" in name:
        step, field = name[:-1].split(" (", 1)
        return f"{step} {FIELD_LABELS.get(field, field)}"
    return FIELD_LABELS.get(name, name)


def rows(batch):
    """{"year", "scores", "issues", "measures", "recommendations", "counts"} for the template."""
    year = require_assessed_year(batch.fiscal_year)
    found, plan = compare.marks(batch, year), batch.plan
    labels = dict(Cadence.choices)
    for draft in plan["issues"] + plan["measures"]:
        draft["cadence_label"] = labels.get(draft["cadence"], "ไม่ระบุ (ทุกครั้งที่ประชุม)")
    return {
        "year": year.year,
        "scores": [{**_row(f"scores:{n}", m), "number": n, "value": plan["scores"][n]}
                   for n, m in found["scores"].items()],
        "issues": [{**_row(f"issues:{i}", m), "draft": d}
                   for i, (d, m) in enumerate(zip(plan["issues"], found["issues"], strict=True))],
        "measures": [{**_row(f"measures:{i}", m), "draft": d} for i, (d, m) in
                     enumerate(zip(plan["measures"], found["measures"], strict=True))],
        "recommendations": [{"key": f"recommendations:{i}", "draft": d}
                            for i, d in enumerate(plan.get("recommendations", []))],
        "counts": [(kind, label, found_counts) for kind, label in KINDS
                   if (found_counts := compare.counts(found).get(kind))],
    }


def all_keys(preview_rows):
    return {row["key"] for kind in ("scores", "issues", "measures", "recommendations")
            for row in preview_rows[kind]}
