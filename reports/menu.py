from ita_portal.navigation import add
from organizations.permissions import reads_an_organization

add(20, "dashboard", "แดชบอร์ด", "dashboard", reads_an_organization)
add(21, "meetings", "การประชุม", "meeting-list", reads_an_organization)
add(22, "reports", "รายงาน PDF", "report-list", reads_an_organization)
