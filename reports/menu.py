from ita_portal.navigation import add
from organizations.permissions import is_member

add(20, "dashboard", "แดชบอร์ด", "dashboard", is_member)
add(21, "meetings", "การประชุม", "meeting-list", is_member)
add(22, "reports", "รายงาน PDF", "report-list", is_member)
