"""An import batch's life, whichever pipeline read it: preview, apply (all or nothing), undo.

The batch's `kind` says which pipeline it belongs to (the analysis document or the workbook);
it is chosen from the file's content when the batch is made and never guessed again.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from imports.document.write import apply_document, preview_document, undo_document_updates
from imports.models import BatchState, ImportBatch, Pipeline
from imports.permissions import require_importer
from imports.upload import check_size
from imports.workbook.apply import apply_workbook, preview_workbook, undo_updates
from measures.models import WORK_EVENTS, MeasureEvent, ProgressUpdate
from organizations.models import Organization

UNDO_ORDER = ("measures.MeasureStep", "measures.Measure", "measures.ImprovementIssue",
              "indicators.IndicatorScore", "indicators.Recommendation", "organizations.Position",
              "organizations.Department")
PREVIEWS = {Pipeline.DOCUMENT: preview_document, Pipeline.WORKBOOK: preview_workbook}


def pipeline_of(data, filename=""):
    """The workbook for an Excel file (a zip holding xl/), the document for everything else."""
    if data[:2] == b"PK" and b"xl/" in data[:4096]:
        return Pipeline.WORKBOOK
    if filename.lower().endswith(".xlsx"):
        return Pipeline.WORKBOOK
    return Pipeline.DOCUMENT


def preview(*, organization, fiscal_year, data, filename, by, kind=None):
    require_importer(by, organization)
    check_size(data)
    kind = kind or pipeline_of(data, filename)
    return PREVIEWS[kind](organization=organization, fiscal_year=fiscal_year, data=data,
                          filename=filename, by=by)


@transaction.atomic
def apply(*, batch, mapping, by, skip=()):
    """Write the batch: all of it (but the rows in `skip`) or, on any error, nothing."""
    require_importer(by, batch.organization)
    # One confirm at a time per organisation: a second batch of the same document waits, then
    # updates what the first created instead of colliding with it (review L2).
    Organization.objects.select_for_update().get(pk=batch.organization_id)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != BatchState.PREVIEW:
        raise ValidationError("การนำเข้านี้ยืนยันหรือยกเลิกไปแล้ว")
    if batch.kind == Pipeline.WORKBOOK:
        summary = apply_workbook(batch, by)
    else:
        summary = apply_document(batch, mapping, skip, by)
    batch.state, batch.applied_at, batch.summary = BatchState.APPLIED, timezone.now(), summary
    batch.save()
    return batch


@transaction.atomic
def undo(*, batch, by):
    """Remove what the batch created, unless work has been recorded on it since."""
    require_importer(by, batch.organization)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != BatchState.APPLIED:
        raise ValidationError("ยกเลิกได้เฉพาะการนำเข้าที่ยืนยันแล้ว")
    created = [o for o in batch.created_rows.all() if not o.was_update]
    measure_ids = [o.object_id for o in created if o.model == "measures.Measure"]
    if (ProgressUpdate.objects.filter(measure_id__in=measure_ids).exists()
            or MeasureEvent.objects.filter(measure_id__in=measure_ids,
                                           kind__in=WORK_EVENTS).exists()):
        raise ValidationError("มีการรายงานความคืบหน้าหรือเปลี่ยนสถานะของมาตรการที่นำเข้าแล้ว "
                              "จึงยกเลิกทั้งชุดไม่ได้ โปรดแก้ไขรายการนั้นโดยตรง")
    if batch.kind == Pipeline.WORKBOOK:
        undo_updates(batch, by)
    else:
        undo_document_updates(batch, by)
    for label in UNDO_ORDER:
        ids = [o.object_id for o in created if o.model == label]
        apps.get_model(label).objects.filter(pk__in=ids).delete()
    batch.state, batch.undone_at, batch.undone_by = BatchState.UNDONE, timezone.now(), by
    batch.save()
    return batch
