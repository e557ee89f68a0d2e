from ita_portal.navigation import add
from measures.permissions import can_have_own_measures
from organizations.permissions import reads_an_organization

add(30, "mine", "งานของฉัน", "my-measures", can_have_own_measures)
add(31, "measures", "มาตรการ", "measure-list", reads_an_organization)
add(32, "issues", "ประเด็นที่ต้องปรับปรุง", "issue-list", reads_an_organization)
