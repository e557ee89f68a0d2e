"""The OIT disclosure checklist: each organisation's answer to every OIT item of a year,
its evidence URLs on the main website, and the history of link checks."""

from django.conf import settings
from django.db import models

from indicators.models import OITItem
from organizations.models import Department, Organization, Position

USER = settings.AUTH_USER_MODEL


class ItemStatus(models.TextChoices):
    MISSING = "missing", "ไม่มี"
    IN_PROGRESS = "in_progress", "กำลังจัดทำ"
    PRESENT = "present", "มี"


class DisclosureItem(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="disclosure_items", verbose_name="หน่วยงาน")
    oit_item = models.ForeignKey(OITItem, on_delete=models.PROTECT, related_name="answers",
                                 verbose_name="ข้อ OIT")
    status = models.CharField("สถานะ", max_length=16, choices=ItemStatus.choices,
                              default=ItemStatus.MISSING)
    explanation = models.TextField("คำอธิบายสำหรับ ITAS", blank=True)
    owner_department = models.ForeignKey(Department, on_delete=models.SET_NULL, null=True,
                                         blank=True, related_name="+",
                                         verbose_name="สำนัก/กองที่รับผิดชอบ")
    owner_position = models.ForeignKey(Position, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="+",
                                       verbose_name="ตำแหน่งที่รับผิดชอบ")
    owner_user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name="ผู้รับผิดชอบ (รายบุคคล)")
    due_date = models.DateField("กำหนดเสร็จ", null=True, blank=True)
    carried_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name="ยกมาจากปีก่อน")
    carry_note = models.CharField("ความเปลี่ยนแปลงจากปีก่อน", max_length=300, blank=True)
    needs_confirmation = models.BooleanField("ต้องยืนยันอีกครั้ง", default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    updated_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name="แก้ไขโดย")

    class Meta:
        verbose_name = "ข้อมูลที่เปิดเผย (OIT)"
        verbose_name_plural = "ข้อมูลที่เปิดเผย (OIT)"
        ordering = ["organization", "oit_item__order"]
        constraints = [models.UniqueConstraint(fields=["organization", "oit_item"],
                                               name="uniq_disclosure_item")]

    def __str__(self):
        return f"{self.organization} {self.oit_item}"


class Outcome(models.TextChoices):
    OK = "ok", "ใช้ได้"
    REDIRECTED = "redirected", "ถูกเปลี่ยนเส้นทาง"
    OFF_SITE = "off_site", "ปลายทางไม่อยู่บนเว็บไซต์หลัก"
    MISSING = "missing", "ไม่พบหน้า (404/410)"
    BLOCKED = "blocked", "ถูกปฏิเสธการเข้าถึง (401/403/429)"
    UNREACHABLE = "unreachable", "เข้าถึงไม่ได้"
    NOT_DOCUMENT = "not_document", "ไม่ใช่เอกสาร (หน้าว่าง)"
    REFUSED = "refused", "ไม่ตรวจ: ที่อยู่ภายใน"


GOOD_OUTCOMES = (Outcome.OK, Outcome.REDIRECTED)


class EvidenceLink(models.Model):
    item = models.ForeignKey(DisclosureItem, on_delete=models.CASCADE, related_name="links",
                             verbose_name="ข้อมูล")
    url = models.URLField("URL", max_length=1000)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    off_site_reason = models.CharField("เหตุที่ไม่อยู่บนเว็บไซต์หลัก", max_length=300,
                                       blank=True)
    last_outcome = models.CharField("ผลตรวจล่าสุด", max_length=16, blank=True,
                                    choices=Outcome.choices)
    last_checked_at = models.DateTimeField("ตรวจล่าสุด", null=True, blank=True)
    failing_since = models.DateTimeField("ล้มเหลวต่อเนื่องตั้งแต่", null=True, blank=True)
    consecutive_failures = models.PositiveSmallIntegerField("ล้มเหลวติดต่อกัน (ครั้ง)",
                                                            default=0)
    is_broken = models.BooleanField("ลิงก์เสีย", default=False)
    removed_at = models.DateTimeField("นำออกเมื่อ", null=True, blank=True,
                                      help_text="ลิงก์ที่นำออกยังเก็บไว้พร้อมประวัติการตรวจ")

    class Meta:
        verbose_name = "ลิงก์หลักฐาน"
        verbose_name_plural = "ลิงก์หลักฐาน"
        ordering = ["item", "order", "pk"]

    def __str__(self):
        return self.url




class LinkCheck(models.Model):
    """One check of one URL; kept for good as the link's history."""

    link = models.ForeignKey(EvidenceLink, on_delete=models.CASCADE, related_name="checks",
                             verbose_name="ลิงก์")
    checked_at = models.DateTimeField("ตรวจเมื่อ", db_index=True)
    outcome = models.CharField("ผล", max_length=16, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField("รหัส HTTP", null=True, blank=True)
    final_url = models.CharField("URL ปลายทาง", max_length=1000, blank=True)
    redirects = models.TextField("การเปลี่ยนเส้นทาง", blank=True)
    elapsed_ms = models.PositiveIntegerField("เวลา (มิลลิวินาที)", default=0)
    detail = models.CharField("รายละเอียด", max_length=300, blank=True)

    class Meta:
        verbose_name = "ผลการตรวจลิงก์"
        verbose_name_plural = "ผลการตรวจลิงก์"
        ordering = ["link", "-checked_at"]

    def __str__(self):
        return f"{self.link_id} {self.outcome}"


class CheckRun(models.Model):
    """A check of every evidence URL of an organisation and year, with its progress."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="check_runs", verbose_name="หน่วยงาน")
    year = models.PositiveSmallIntegerField("ปีที่ประเมิน")
    requested_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name="สั่งตรวจโดย")
    created_at = models.DateTimeField("สั่งตรวจเมื่อ", auto_now_add=True)
    finished_at = models.DateTimeField("เสร็จเมื่อ", null=True, blank=True)
    total = models.PositiveIntegerField("จำนวนลิงก์", default=0)
    done = models.PositiveIntegerField("ตรวจแล้ว", default=0)
    failed = models.PositiveIntegerField("ล้มเหลว", default=0)
    # The nightly check queues organisations in batches: one job checks the links of the
    # batch's runs at once (a limit per website). The first run of a batch leads it.
    batch = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="batched", verbose_name="ตรวจพร้อมกับรอบ")

    class Meta:
        verbose_name = "รอบการตรวจลิงก์"
        verbose_name_plural = "รอบการตรวจลิงก์"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organization} {self.year} {self.done}/{self.total}"


class ItemStatusChange(models.Model):
    item = models.ForeignKey(DisclosureItem, on_delete=models.CASCADE, related_name="history",
                             verbose_name="ข้อมูล")
    from_status = models.CharField("จาก", max_length=16)
    to_status = models.CharField("เป็น", max_length=16)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="โดย")
    at = models.DateTimeField("เมื่อ", auto_now_add=True)
    note = models.TextField("หมายเหตุ", blank=True)

    class Meta:
        verbose_name = "ประวัติสถานะข้อมูล OIT"
        verbose_name_plural = "ประวัติสถานะข้อมูล OIT"
        ordering = ["item", "at", "pk"]

    def __str__(self):
        return f"{self.item_id}: {self.from_status} → {self.to_status}"

    @property
    def from_label(self):
        return dict(ItemStatus.choices).get(self.from_status, self.from_status)

    @property
    def to_label(self):
        return dict(ItemStatus.choices).get(self.to_status, self.to_status)

