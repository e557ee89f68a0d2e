"""How measure data reads to people: owner names in one line (uses prefetched relations),
step numbers."""

import re

from ita_portal.thai import thai_digits

OWN_NUMBER = re.compile(r"^\s*(\(?[0-9๐-๙]{1,2}[).]|[0-9๐-๙]{1,2}\s)")

EVERYONE = "ทุกสำนัก ทุกกอง รวมถึงพนักงานทุกคน"


def owner_list(owned):
    names = [d.name_th for d in owned.owner_departments.all()]
    names += [p.name_th for p in owned.owner_positions.all()]
    names += [str(u) for u in owned.owner_users.all()]
    if owned.owned_by_everyone:
        names.insert(0, EVERYONE)
    return names


def owner_names(owned):
    return ", ".join(owner_list(owned)) or owned.owner_text or "–"


def numbered_step(step):
    """"๒. text", unless the text carries its own number ("(๒) …", "2) …", "๒. …")."""
    if OWN_NUMBER.match(step.text):
        return step.text
    return f"{thai_digits(step.order)}. {step.text}"
