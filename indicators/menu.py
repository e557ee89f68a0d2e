from ita_portal.navigation import add, signed_in
from organizations.permissions import is_member

add(50, "results", "ผลการประเมิน", "org-results", is_member,
    args=lambda user: [user.organization.slug])
add(60, "criteria", "เกณฑ์การประเมิน", "criteria-latest", signed_in)
