"""The one shape of a background job: what it works on, its state, progress and error."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class JobState(models.TextChoices):
    QUEUED = "queued", "รอคิว"
    RUNNING = "running", "กำลังทำ"
    DONE = "done", "เสร็จแล้ว"
    FAILED = "failed", "ไม่สำเร็จ"


UNFINISHED = (JobState.QUEUED, JobState.RUNNING)


class Job(models.Model):
    """One run of a background task on one object (a meeting, an export, a link-check run).

    At most one unfinished job per kind and object: asking again returns the running one.
    The worker that runs it writes `worker` ("host:pid") and `heartbeat_at`; a running job
    whose worker is gone is queued again (`ita_portal.jobs.recover`).
    """

    kind = models.CharField("ชนิดงาน", max_length=40)
    object_id = models.PositiveBigIntegerField("รหัสสิ่งที่ทำ")
    state = models.CharField("สถานะ", max_length=8, choices=JobState.choices,
                             default=JobState.QUEUED)
    progress = models.PositiveSmallIntegerField("ความคืบหน้า (%)", default=0)
    step = models.CharField("ขั้นตอน", max_length=100, default="รอคิว")
    error = models.TextField("ข้อผิดพลาด", blank=True)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่เริ่ม", default=0)
    worker = models.CharField("เครื่องและโพรเซสที่ทำ", max_length=100, blank=True)
    created_at = models.DateTimeField("สั่งเมื่อ", auto_now_add=True)
    started_at = models.DateTimeField("เริ่มเมื่อ", null=True, blank=True)
    heartbeat_at = models.DateTimeField("ยังทำงานอยู่ล่าสุดเมื่อ", null=True, blank=True)
    finished_at = models.DateTimeField("เสร็จเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "งานเบื้องหลัง"
        verbose_name_plural = "งานเบื้องหลัง"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "object_id"]),
                   models.Index(fields=["state"])]
        constraints = [models.UniqueConstraint(
            fields=["kind", "object_id"], condition=Q(state__in=UNFINISHED),
            name="one_unfinished_job_per_object")]

    def __str__(self):
        return f"{self.kind} #{self.object_id} ({self.get_state_display()})"

    @property
    def finished(self):
        return self.state not in UNFINISHED


class ListExport(models.Model):
    """A list page (measures, the OIT checklist) as a PDF, rendered by a `lists.pdf` job with
    the rows the person saw: their filters (`params`) under their own access, for the
    organisation they were in. Only the person who asked downloads it."""

    kind = models.CharField("รายการ", max_length=40)
    params = models.TextField("ตัวกรอง", blank=True)
    organization_id = models.PositiveBigIntegerField("รหัสหน่วยงาน")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="+", verbose_name="ขอโดย")
    created_at = models.DateTimeField("ขอเมื่อ", auto_now_add=True)
    title = models.CharField("ชื่อเอกสาร", max_length=300, blank=True)
    filename = models.CharField("ชื่อไฟล์", max_length=120, blank=True)
    pages = models.PositiveIntegerField("จำนวนหน้า", null=True, blank=True)
    file = models.FileField("ไฟล์ PDF", upload_to="list-exports/", blank=True)
    # The organisation's data version when it was asked for: asked again by the same person
    # with the same filters while that version holds, this one is handed over at once.
    data_version = models.PositiveBigIntegerField("รุ่นของข้อมูลที่ใช้", null=True, blank=True)

    class Meta:
        verbose_name = "การส่งออกรายการเป็น PDF"
        verbose_name_plural = "การส่งออกรายการเป็น PDF"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.kind} {self.pk}"
