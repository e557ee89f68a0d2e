from ita_portal.navigation import add
from organizations.permissions import reads_an_organization

add(40, "oit", "การเปิดเผยข้อมูล OIT", "checklist-latest", reads_an_organization)
