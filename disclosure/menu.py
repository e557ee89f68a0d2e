from ita_portal.navigation import add
from organizations.permissions import is_member

add(40, "oit", "การเปิดเผยข้อมูล OIT", "checklist-latest", is_member)
