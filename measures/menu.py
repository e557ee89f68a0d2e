from ita_portal.navigation import add
from measures.permissions import can_have_own_measures
from organizations.permissions import is_member

add(30, "mine", "งานของฉัน", "my-measures", can_have_own_measures)
add(31, "measures", "มาตรการ", "measure-list", is_member)
add(32, "issues", "ประเด็นที่ต้องปรับปรุง", "issue-list", is_member)
