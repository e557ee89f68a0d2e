"""Turn owner names as documents write them into departments and positions.

"สำนักปลัด, กองคลัง, นักวิชาการคอมพิวเตอร์" → two departments and a position;
"ทุกสำนัก ทุกกอง รวมถึง พนักงานทุกคน" → everyone; "จนท. พัสตุ" → the position whose aliases
name it. Unknown names are returned, never guessed.
"""

import re
from dataclasses import dataclass, field

from organizations.models import Department, Position

EVERYONE_PATTERN = re.compile(r"ทุกสำนัก|ทุกกอง|พนักงานทุกคน|ทุกส่วนราชการ")


def normalise(name):
    return re.sub(r"\s+", "", name).replace("ฯ", "").lower()


@dataclass
class ResolvedOwners:
    departments: list = field(default_factory=list)
    positions: list = field(default_factory=list)
    everyone: bool = False
    unmatched: list = field(default_factory=list)


def split_owner_text(text):
    return [part.strip() for part in re.split(r"[,\n]|\s{2,}", text) if part.strip()]


def owner_index(organization):
    """{normalised name or alias: Department or Position} for one organisation."""
    index = {}
    for model in (Department, Position):
        for obj in model.objects.filter(organization=organization):
            names = [obj.name_th, *obj.aliases.split(",")]
            for name in names:
                if name.strip():
                    index.setdefault(normalise(name), obj)
    return index


def resolve_owners(organization, names, index=None):
    index = index if index is not None else owner_index(organization)
    resolved = ResolvedOwners()
    for name in names:
        if EVERYONE_PATTERN.search(name):
            resolved.everyone = True
            continue
        match = index.get(normalise(name))
        if isinstance(match, Department):
            resolved.departments.append(match)
        elif isinstance(match, Position):
            resolved.positions.append(match)
        else:
            resolved.unmatched.append(name)
    return resolved
