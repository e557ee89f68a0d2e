"""A workbook batch as people read it: per sheet, each row's action and changed columns."""

from imports.workbook import layout

ACTIONS = {"create": "เพิ่มใหม่", "update": "แก้ไข", "same": "ไม่เปลี่ยนแปลง"}
LABELS = {
    "owners": lambda v: f"{v['kind']}: {v['name']}",
    "issues": lambda v: f"ตัวชี้วัดที่ {v['indicator']}: {v['title']}",
    "measures": lambda v: f"{v['number']}. {v['title']}",
    "steps": lambda v: f"มาตรการ {v['measure']} ขั้นตอนที่ {v['order']}: {v['text']}",
    "oit": lambda v: f"{v['code']}",
}


def _shown(value):
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return "–" if value in (None, "") else str(value)


def workbook_sections(plan):
    sections = []
    for sheet in layout.SHEETS:
        rows = plan["rows"].get(sheet.key, [])
        headers = {c.key: c.header for c in sheet.columns}
        counts = {label: sum(1 for r in rows if r["action"] == key)
                  for key, label in ACTIONS.items()}
        sections.append({"title": sheet.title, "counts": counts, "rows": [{
            "row": r["row"], "action": r["action"], "action_label": ACTIONS[r["action"]],
            "label": LABELS[sheet.key](r["values"]),
            "changes": [(headers[k], _shown(old), _shown(new))
                        for k, (old, new) in r["changes"].items()]}
            for r in rows if r["action"] != "same"]})
    return sections
