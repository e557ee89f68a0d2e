from imports.permissions import can_import
from ita_portal.navigation import add


def _may_import(user):
    return user.organization_id is not None and can_import(user, user.organization)


add(70, "imports", "นำเข้าเอกสาร", "import-start", _may_import)
