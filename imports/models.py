"""Imports kept as batches: what was read, what was created, and whether it was undone."""

from django.conf import settings
from django.db import models

from organizations.models import Organization

USER = settings.AUTH_USER_MODEL


class BatchState(models.TextChoices):
    PREVIEW = "preview", "รอยืนยัน"
    APPLIED = "applied", "นำเข้าแล้ว"
    UNDONE = "undone", "ยกเลิกการนำเข้าแล้ว"


class Pipeline(models.TextChoices):
    DOCUMENT = "document", "เอกสารวิเคราะห์ผลและมาตรการ"
    WORKBOOK = "workbook", "แบบฟอร์ม Excel"


class ImportBatch(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="import_batches", verbose_name="หน่วยงาน")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ")
    kind = models.CharField("ชนิด", max_length=10, choices=Pipeline.choices,
                            default=Pipeline.DOCUMENT)
    source_name = models.CharField("ที่มา", max_length=200, blank=True)
    source_sha256 = models.CharField("SHA-256 ของต้นฉบับ", max_length=64)
    plan = models.JSONField("สิ่งที่อ่านได้")
    state = models.CharField("สถานะ", max_length=8, choices=BatchState.choices,
                             default=BatchState.PREVIEW)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="นำเข้าโดย")
    created_at = models.DateTimeField("อ่านเมื่อ", auto_now_add=True)
    applied_at = models.DateTimeField("นำเข้าเมื่อ", null=True, blank=True)
    summary = models.JSONField("ผลการนำเข้า", default=dict, blank=True)
    undone_at = models.DateTimeField("ยกเลิกเมื่อ", null=True, blank=True)
    undone_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name="ยกเลิกโดย")

    class Meta:
        verbose_name = "การนำเข้าเอกสาร"
        verbose_name_plural = "การนำเข้าเอกสาร"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.source_name or 'ข้อความ'} ({self.get_state_display()})"


class ImportedObject(models.Model):
    """One row the batch created or changed; undo removes what it created and writes back
    what it changed (`before`), provided nobody has changed it since (`after`)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="created_rows",
                              verbose_name="การนำเข้า")
    model = models.CharField("ชนิด", max_length=60)
    object_id = models.PositiveBigIntegerField("รหัส")
    sheet = models.CharField("แผ่นงาน", max_length=20, blank=True)
    before = models.JSONField("ข้อมูลก่อนนำเข้า", null=True, blank=True)
    after = models.JSONField("ข้อมูลหลังนำเข้า", null=True, blank=True)

    class Meta:
        verbose_name = "ข้อมูลที่นำเข้า"
        verbose_name_plural = "ข้อมูลที่นำเข้า"

    def __str__(self):
        return f"{self.model} #{self.object_id}"

    @property
    def was_update(self):
        return self.before is not None
