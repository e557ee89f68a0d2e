"""Optimistic concurrency for rows with a `version` column: one check and one error."""

from django.db.models import F

SAVED_BEFORE_YOU = ("มีผู้อื่นบันทึก{what}ก่อนท่าน ระบบจึงยังไม่บันทึกข้อมูลของท่าน "
                    "ข้อความที่ท่านกรอกยังอยู่ในแบบฟอร์ม กรุณาตรวจสอบข้อมูลล่าสุดแล้วบันทึกอีกครั้ง")


class ConcurrentEdit(Exception):
    """Someone else saved the row after this user opened it (the view answers 409)."""

    def __init__(self, what="ข้อมูลนี้"):
        self.message = SAVED_BEFORE_YOU.format(what=what)
        super().__init__(self.message)


def save_if_version(obj, expected_version, what="ข้อมูลนี้", **fields):
    """Write `fields` and version + 1 only if the row still has `expected_version`.

    The object is updated in memory; ConcurrentEdit when someone saved in between.
    """
    changed = type(obj).objects.filter(pk=obj.pk, version=expected_version).update(
        version=F("version") + 1, **fields)
    if not changed:
        raise ConcurrentEdit(what)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.version = expected_version + 1
