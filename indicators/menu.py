from ita_portal.navigation import add, signed_in
from organizations.permissions import organization_in_view, reads_an_organization

add(50, "results", "ผลการประเมิน", "org-results", reads_an_organization,
    args=lambda user: [organization_in_view(user).slug])
add(60, "criteria", "เกณฑ์การประเมิน", "criteria-latest", signed_in)
add(95, "criteria-manage", "จัดการเกณฑ์", "criteria-manage", lambda user: user.is_staff)
