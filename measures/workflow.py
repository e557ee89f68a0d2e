"""The measure status workflow as a table: which moves are allowed, which need a note,
which only an organisation admin may make."""

from measures.models import CLOSED_STATUSES, Status

S = Status
TRANSITIONS = {
    S.NOT_STARTED: {S.IN_PROGRESS, S.ON_HOLD, S.DONE, S.CANCELLED},
    S.IN_PROGRESS: {S.ON_HOLD, S.DONE, S.CANCELLED},
    S.ON_HOLD: {S.IN_PROGRESS, S.CANCELLED},
    S.DONE: {S.IN_PROGRESS},       # reopening
    S.CANCELLED: {S.IN_PROGRESS},  # reopening
}
# (from, to) pairs, or any move into these statuses, that must say why.
NOTE_REQUIRED_TO = {S.CANCELLED, S.ON_HOLD}
ADMIN_ONLY_TO = {S.CANCELLED}
ADMIN_ONLY_FROM = {S.CANCELLED}


def is_reopening(from_status, to_status):
    return from_status in CLOSED_STATUSES and to_status not in CLOSED_STATUSES


def allowed_targets(from_status, is_admin):
    targets = set(TRANSITIONS.get(from_status, set()))
    if not is_admin:
        if from_status in ADMIN_ONLY_FROM:
            return set()
        targets -= ADMIN_ONLY_TO
    return targets


def aside_targets(from_status, is_admin):
    """The moves that are not a progress report: putting a measure on hold or cancelling it
    (each with its reason) and reopening a closed one. The page offers these apart; moving on
    (in progress, done) is what a progress report does."""
    return {to for to in allowed_targets(from_status, is_admin)
            if to in NOTE_REQUIRED_TO or is_reopening(from_status, to)}


def transition_problem(from_status, to_status, is_admin, note):
    """A Thai sentence saying why the move is refused, or None when it is allowed."""
    if from_status == to_status:
        return None
    label = Status(to_status).label
    if to_status not in TRANSITIONS.get(from_status, set()):
        return f"เปลี่ยนสถานะจาก “{Status(from_status).label}” เป็น “{label}” ไม่ได้"
    if not is_admin and (to_status in ADMIN_ONLY_TO or from_status in ADMIN_ONLY_FROM):
        return "เฉพาะผู้ดูแลระบบของหน่วยงานเท่านั้นที่เปลี่ยนสถานะเป็น/จาก “ยกเลิก” ได้"
    needs_note = to_status in NOTE_REQUIRED_TO or is_reopening(from_status, to_status)
    if needs_note and not (note or "").strip():
        return f"กรุณาระบุเหตุผลเมื่อเปลี่ยนสถานะเป็น “{label}”"
    return None
