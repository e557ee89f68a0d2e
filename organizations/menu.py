from django.utils.translation import gettext as _

from ita_portal.navigation import add, signed_in
from organizations.notices import unread_of
from organizations.permissions import is_any_org_admin


def _inbox_label(user):
    unread = unread_of(user)
    return _("การแจ้งเตือน") + (f" ({unread})" if unread else "")


add(80, "people", "ผู้ใช้และหน่วยงาน", "people", is_any_org_admin)
add(81, "audit", "ประวัติการแก้ไข", "audit", is_any_org_admin)
add(90, "inbox", _inbox_label, "inbox", signed_in)
