"""Publishing documents on the organisation's public pages: the decision (who approved it,
when), its own copy of the PDF at a stable public address, the OIT item it answers, and the
withdrawal with a reason. Nothing is deleted: a withdrawn document's address answers 410."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from disclosure.services import evidence_published, evidence_withdrawn
from measures.evidence import check_upload
from reports.models import PublishedDocument
from reports.permissions import require_publisher


def _pdf_bytes(export, upload):
    if export is not None:
        if not export.file:
            raise ValidationError("รายงานนี้ยังจัดทำไม่เสร็จ เผยแพร่ได้เมื่อได้ไฟล์ PDF แล้ว")
        with export.file.open("rb") as handle:
            return handle.read(), f"{export.get_kind_display()} {export.fiscal_year}.pdf"
    if upload is None:
        raise ValidationError("กรุณาเลือกรายงานของระบบ หรือแนบไฟล์ PDF")
    if check_upload(upload) != "application/pdf":
        raise ValidationError(f"ไฟล์ “{upload.name}” ไม่ใช่ PDF (เผยแพร่ได้เฉพาะไฟล์ PDF)")
    upload.seek(0)
    return upload.read(), upload.name


def public_documents(organization):
    """The organisation's documents on its public pages now (not withdrawn), newest first."""
    return (PublishedDocument.objects.filter(organization=organization, withdrawn_at=None)
            .select_related("oit_item"))


@transaction.atomic
def publish_document(*, organization, by, title, public_url, export=None, upload=None,
                     oit_item=None):
    """Approve and publish; `public_url(document)` is its address as the public will reach it
    (under the main website when the portal runs there). The OIT item picks the address up."""
    require_publisher(by, organization)
    if export is not None and export.organization_id != organization.pk:
        raise ValidationError("ไม่พบรายงานนี้ในหน่วยงาน")
    content, name = _pdf_bytes(export, upload)
    document = PublishedDocument(organization=organization, title=title.strip(), export=export,
                                 oit_item=oit_item, original_name=name[:255], size=len(content),
                                 sha256=hashlib.sha256(content).hexdigest(), published_by=by,
                                 published_at=timezone.now())
    document.file.save("document.pdf", ContentFile(content), save=False)
    document.save()
    document.public_url = public_url(document)
    document.save(update_fields=["public_url"])
    if oit_item is not None:
        evidence_published(organization=organization, oit_item=oit_item,
                           url=document.public_url, by=by)
    return document


@transaction.atomic
def withdraw_document(*, document, by, reason):
    """Take a document off the public pages, with a reason; its OIT item loses the link."""
    require_publisher(by, document.organization)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("กรุณาระบุเหตุผลที่ถอนการเผยแพร่")
    document = PublishedDocument.objects.select_for_update().get(pk=document.pk)
    if document.withdrawn_at is not None:
        raise ValidationError("เอกสารนี้ถอนการเผยแพร่แล้ว")
    document.withdrawn_by, document.withdrawn_at = by, timezone.now()
    document.withdrawn_reason = reason[:2000]
    document.save(update_fields=["withdrawn_by", "withdrawn_at", "withdrawn_reason"])
    if document.oit_item_id:
        evidence_withdrawn(organization=document.organization, oit_item=document.oit_item,
                           url=document.public_url, by=by)
    return document
