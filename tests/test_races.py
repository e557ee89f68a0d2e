"""Review L1 and L2, reproduced with two real database sessions (PostgreSQL, as in production):
a resolution typed while another admin closes the meeting is refused, never silently missing
from the frozen report; two batches of the same document confirmed at once both land, the
second updating what the first created, with no server error."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.utils import timezone

from imports.document.write import owner_choices
from imports.services import apply, preview
from measures.models import Measure
from reports.models import Committee, Meeting, MeetingNote, MeetingStatus
from reports.services import meeting_note_save
from tests.imports.conftest import SEED
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db(transaction=True)
WAIT = 1.5  # seconds the second session is given to get past the lock if nothing holds it


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need a second session on a real server; this runs on "
                    "PostgreSQL (make test)")


def in_other_session(work):
    """Run `work` on its own connection in a thread; (thread, outcome dict)."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except Exception as error:  # noqa: BLE001 (the test asserts on what happened)
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_a_note_typed_while_the_meeting_closes_is_refused(org, org_admin):
    measure = make_measure(org, 1)
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการสนับสนุนฯ")
    meeting = Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                     number=1, date=timezone.localdate())
    with transaction.atomic():  # the closing admin holds the meeting, as meeting_close does
        Meeting.objects.select_for_update().get(pk=meeting.pk)
        thread, outcome = in_other_session(lambda: meeting_note_save(
            meeting=meeting, measure=measure, note="มติ: เร่งรัด", by=org_admin))
        thread.join(WAIT)
        assert thread.is_alive(), "the note was written without waiting for the close"
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED)
    thread.join(30)
    assert isinstance(outcome.get("error"), ValidationError)
    assert "ปิดแล้ว" in outcome["error"].messages[0]
    assert not MeetingNote.objects.exists()


def test_two_batches_of_one_document_confirmed_at_once_both_land(criteria, org, org_admin):
    data = SEED.read_bytes()
    batches = [preview(organization=org, fiscal_year=2565, data=data, filename="seed.txt",
                       by=org_admin) for _ in range(2)]
    mapping = {n: "new" for n, m in owner_choices(batches[0]).items() if m is None}
    with transaction.atomic():
        apply(batch=batches[0], mapping=mapping, by=org_admin)
        thread, outcome = in_other_session(lambda: apply(
            batch=batches[1], mapping={n: "new" for n, m in owner_choices(batches[1]).items()
                                       if m is None}, by=org_admin))
        thread.join(WAIT)
    thread.join(60)
    assert "error" not in outcome, outcome.get("error")
    assert Measure.objects.filter(organization=org, fiscal_year=2565).count() == 4
