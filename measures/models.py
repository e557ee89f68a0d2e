"""Improvement issues, corrective measures, their steps, progress and history.

Writes go through measures.services; nothing here carries business rules.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from indicators.models import AssessmentYear, Indicator, OITItem, Recommendation
from organizations.models import Department, Organization, Position

USER = settings.AUTH_USER_MODEL


class Cadence(models.TextChoices):
    EVERY_MEETING = "every_meeting", "รายงานทุกครั้งที่มีการประชุม จนกว่าจะแล้วเสร็จ"
    TWICE_A_YEAR = "twice_a_year", "รายงานปีละ ๒ ครั้ง"
    YEARLY = "yearly", "รายงานอย่างน้อยปีละ ๑ ครั้ง"


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "ยังไม่เริ่ม"
    IN_PROGRESS = "in_progress", "กำลังดำเนินการ"
    ON_HOLD = "on_hold", "พักไว้"
    DONE = "done", "ดำเนินการแล้วเสร็จ"
    CANCELLED = "cancelled", "ยกเลิก"


CLOSED_STATUSES = (Status.DONE, Status.CANCELLED)


class Owners(models.Model):
    """Who is responsible: departments and/or positions and/or named people, or everyone."""

    owner_departments = models.ManyToManyField(Department, blank=True, related_name="+",
                                               verbose_name="สำนัก/กองที่รับผิดชอบ")
    owner_positions = models.ManyToManyField(Position, blank=True, related_name="+",
                                             verbose_name="ตำแหน่งที่รับผิดชอบ")
    owner_users = models.ManyToManyField(USER, blank=True, related_name="+",
                                         verbose_name="ผู้รับผิดชอบ (รายบุคคล)")
    owned_by_everyone = models.BooleanField(
        "ทุกสำนัก ทุกกอง รวมถึงพนักงานทุกคน", default=False)
    owner_text = models.CharField("ผู้รับผิดชอบตามเอกสาร", max_length=300, blank=True)

    class Meta:
        abstract = True


class ImprovementIssue(Owners):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="improvement_issues", verbose_name="หน่วยงาน")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณที่ดำเนินการ (พ.ศ.)", db_index=True)
    assessment_year = models.ForeignKey(AssessmentYear, on_delete=models.PROTECT,
                                        related_name="+", verbose_name="ผลการประเมินปี")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="improvement_issues", verbose_name="ตัวชี้วัด")
    oit_item = models.ForeignKey(OITItem, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="improvement_issues", verbose_name="ข้อ OIT")
    recommendation = models.ForeignKey(Recommendation, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="issues",
                                       verbose_name="ข้อเสนอแนะ ป.ป.ช. ที่ตอบ")
    trigger_score = models.DecimalField("คะแนนที่เป็นเหตุ", max_digits=5, decimal_places=2,
                                        null=True, blank=True)
    title = models.TextField("ประเด็นที่ต้องปรับปรุง")
    approach = models.TextField("แนวทางการปรับปรุงแก้ไข", blank=True)
    monitoring = models.TextField("การตรวจติดตามประเมินผล", blank=True)
    cadence = models.CharField("รอบการรายงาน", max_length=16, choices=Cadence.choices,
                               default=Cadence.EVERY_MEETING)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ประเด็นที่ต้องปรับปรุง"
        verbose_name_plural = "ประเด็นที่ต้องปรับปรุง"
        ordering = ["organization", "fiscal_year", "indicator__number", "order"]

    def __str__(self):
        return self.title[:80]


class Measure(Owners):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="measures", verbose_name="หน่วยงาน")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ (พ.ศ.)", db_index=True)
    number = models.PositiveSmallIntegerField("ลำดับมาตรการ")
    title = models.TextField("มาตรการ/แนวทาง")
    issues = models.ManyToManyField(ImprovementIssue, blank=True, related_name="measures",
                                    verbose_name="ประเด็นที่แก้ไข")
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="measures",
                                        verbose_name="ตัวชี้วัด")
    start_date = models.DateField("วันเริ่ม")
    end_date = models.DateField("วันสิ้นสุด")
    period_text = models.CharField("ระยะเวลาตามเอกสาร", max_length=120, blank=True)
    monitoring = models.TextField("การติดตามประเมินผล", blank=True)
    cadence = models.CharField("รอบการรายงาน", max_length=16, choices=Cadence.choices,
                               default=Cadence.EVERY_MEETING)
    status = models.CharField("สถานะ", max_length=16, choices=Status.choices,
                              default=Status.NOT_STARTED, db_index=True)
    percent = models.PositiveSmallIntegerField(
        "ความคืบหน้า (%)", default=0, validators=[MinValueValidator(0), MaxValueValidator(100)])
    version = models.PositiveIntegerField("รุ่นของข้อมูล", default=1)
    carried_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="carried_to",
                                     verbose_name="ต่อเนื่องจากมาตรการปีงบประมาณก่อน")
    last_update_at = models.DateTimeField("รายงานความคืบหน้าล่าสุด", null=True, blank=True)
    approved_at = models.DateTimeField("หัวหน้ากองรับรองผลเมื่อ", null=True, blank=True)
    approved_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name="รับรองผลโดย")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "มาตรการ"
        verbose_name_plural = "มาตรการ"
        ordering = ["organization", "fiscal_year", "number"]
        constraints = [models.UniqueConstraint(fields=["organization", "fiscal_year", "number"],
                                               name="uniq_measure_number"),
                       models.CheckConstraint(condition=models.Q(end_date__gte=models.F(
                           "start_date")), name="measure_dates_ordered")]
        indexes = [models.Index(fields=["organization", "fiscal_year", "status"]),
                   models.Index(fields=["organization", "end_date"])]

    def __str__(self):
        return f"{self.number}. {self.title[:80]}"


class MeasureStep(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="steps",
                                verbose_name="มาตรการ")
    order = models.PositiveSmallIntegerField("ลำดับ")
    text = models.TextField("วิธีดำเนินการ")
    owner_text = models.CharField("ผู้รับผิดชอบขั้นตอน", max_length=300, blank=True)
    period_text = models.CharField("ระยะเวลาของขั้นตอน", max_length=120, blank=True)
    start_date = models.DateField("วันเริ่ม", null=True, blank=True)
    end_date = models.DateField("วันสิ้นสุด", null=True, blank=True)
    done_at = models.DateTimeField("ทำเสร็จเมื่อ", null=True, blank=True)
    done_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name="ทำเสร็จโดย")

    class Meta:
        verbose_name = "วิธีดำเนินการ"
        verbose_name_plural = "วิธีดำเนินการ"
        ordering = ["measure", "order"]

    def __str__(self):
        return f"{self.order}. {self.text[:60]}"

    @property
    def is_done(self):
        return self.done_at is not None


class EventKind(models.TextChoices):
    STATUS = "status", "เปลี่ยนสถานะ"
    STEP_DONE = "step_done", "ทำเครื่องหมายขั้นตอนเสร็จ"
    STEP_REOPENED = "step_reopened", "ยกเลิกเครื่องหมายขั้นตอนเสร็จ"
    EDITED = "edited", "แก้ไขข้อมูลมาตรการ"
    CREATED = "created", "เพิ่มมาตรการ"
    CARRIED = "carried", "ยกไปดำเนินการต่อในปีงบประมาณถัดไป"
    APPROVED = "approved", "หัวหน้ากองรับรองผลการดำเนินงาน"
    RETURNED = "returned", "หัวหน้ากองส่งกลับให้ดำเนินการเพิ่มเติม"


WORK_EVENTS = (EventKind.STATUS, EventKind.STEP_DONE, EventKind.STEP_REOPENED)


class MeasureEvent(models.Model):
    """The measure's history, one row per event (never deleted): a status change (from → to),
    a step ticked off or reopened, the measure created or edited (by an admin, an import or
    the demo loader)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="events",
                                verbose_name="มาตรการ")
    kind = models.CharField("เหตุการณ์", max_length=16, choices=EventKind.choices,
                            default=EventKind.STATUS)
    step = models.ForeignKey(MeasureStep, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="+", verbose_name="ขั้นตอน")
    from_status = models.CharField("จาก", max_length=16, blank=True)
    to_status = models.CharField("เป็น", max_length=16, blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name="โดย")
    at = models.DateTimeField("เมื่อ", auto_now_add=True, db_index=True)
    note = models.TextField("หมายเหตุ", blank=True)

    class Meta:
        verbose_name = "ประวัติมาตรการ"
        verbose_name_plural = "ประวัติมาตรการ"
        ordering = ["measure", "at", "pk"]

    def __str__(self):
        if self.kind == EventKind.STATUS:
            return f"{self.measure_id}: {self.from_status} → {self.to_status}"
        return f"{self.measure_id}: {self.get_kind_display()}"

    @property
    def from_label(self):
        return Status(self.from_status).label if self.from_status else ""

    @property
    def to_label(self):
        return Status(self.to_status).label if self.to_status else ""


class ProgressUpdate(models.Model):
    """A dated progress report with evidence; append-only (a correction is a new update)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="updates",
                                verbose_name="มาตรการ")
    reported_on = models.DateField("วันที่ดำเนินการ")
    note = models.TextField("ผลการดำเนินงาน")
    percent = models.PositiveSmallIntegerField("ความคืบหน้า (%)")
    status = models.CharField("สถานะ", max_length=16, choices=Status.choices)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="โดย")
    created_at = models.DateTimeField("บันทึกเมื่อ", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "รายงานความคืบหน้า"
        verbose_name_plural = "รายงานความคืบหน้า"
        ordering = ["measure", "created_at", "pk"]

    def __str__(self):
        return f"{self.reported_on}: {self.percent}%"


class Evidence(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence",
                               verbose_name="รายงานความคืบหน้า")
    file = models.FileField("ไฟล์", upload_to="evidence/%Y/%m/", blank=True)
    original_name = models.CharField("ชื่อไฟล์", max_length=255, blank=True)
    content_type = models.CharField("ชนิดไฟล์", max_length=100, blank=True)
    size = models.PositiveIntegerField("ขนาด (ไบต์)", default=0)
    url = models.URLField("ลิงก์", max_length=1000, blank=True)

    class Meta:
        verbose_name = "หลักฐาน"
        verbose_name_plural = "หลักฐาน"

    def __str__(self):
        return self.original_name or self.url


class ReminderKind(models.TextChoices):
    DUE_14 = "due_14", "ครบกำหนดภายใน ๑๔ วัน"
    DUE_3 = "due_3", "ครบกำหนดภายใน ๓ วัน"
    OVERDUE = "overdue", "เลยกำหนดแล้ว"
    # The stored value keeps its old name; the number of days is measures.deadlines.WINDOWS.
    STALE = "stale_60", "ไม่มีรายงานความคืบหน้านานเกินกำหนด"


class ReminderSent(models.Model):
    """What a reminder digest told whom, so the same reminder is never sent twice."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+",
                             verbose_name="ผู้รับ")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="+",
                                verbose_name="มาตรการ")
    kind = models.CharField("ประเภท", max_length=16, choices=ReminderKind.choices)
    key = models.CharField("อ้างอิง", max_length=40,
                           help_text="วันครบกำหนดหรือวันรายงานล่าสุดที่เตือนไปแล้ว")
    sent_at = models.DateTimeField("ส่งเมื่อ", auto_now_add=True)

    class Meta:
        verbose_name = "การแจ้งเตือนที่ส่งแล้ว"
        verbose_name_plural = "การแจ้งเตือนที่ส่งแล้ว"
        constraints = [models.UniqueConstraint(fields=["user", "measure", "kind", "key"],
                                               name="uniq_reminder")]

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.key}"
