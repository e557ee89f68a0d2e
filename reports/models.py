"""Committees, their members and meetings (a closed one keeps its frozen report); exports;
documents published on the organisation's public pages."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from measures.models import Measure
from organizations.models import Organization

USER = settings.AUTH_USER_MODEL


class Committee(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="committees", verbose_name="หน่วยงาน")
    name_th = models.CharField("ชื่อคณะกรรมการ", max_length=300)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "คณะกรรมการ"
        verbose_name_plural = "คณะกรรมการ"
        ordering = ["organization", "order"]

    def __str__(self):
        return self.name_th


class CommitteeMember(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members",
                                  verbose_name="คณะกรรมการ")
    name_th = models.CharField("ชื่อ–สกุล หรือตำแหน่ง", max_length=200)
    role_th = models.CharField("หน้าที่ในคณะกรรมการ", max_length=100, default="กรรมการ")
    user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name="บัญชีผู้ใช้")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "กรรมการ"
        verbose_name_plural = "กรรมการ"
        ordering = ["committee", "order"]

    def __str__(self):
        return f"{self.name_th} ({self.role_th})"


class MeetingStatus(models.TextChoices):
    OPEN = "open", "เปิด (เตรียมรายงาน)"
    CLOSED = "closed", "ปิดแล้ว (รายงานถูกตรึง)"


class Meeting(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="meetings", verbose_name="หน่วยงาน")
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings",
                                  verbose_name="คณะกรรมการ")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ")
    number = models.PositiveSmallIntegerField("ครั้งที่")
    date = models.DateField("วันประชุม")
    place = models.CharField("สถานที่", max_length=200, blank=True)
    agenda = models.TextField("ระเบียบวาระ", blank=True)
    status = models.CharField("สถานะ", max_length=8, choices=MeetingStatus.choices,
                              default=MeetingStatus.OPEN)
    closed_at = models.DateTimeField("ปิดเมื่อ", null=True, blank=True)
    closed_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name="ปิดโดย")
    report_file = models.FileField("รายงานที่ตรึงแล้ว (PDF)", upload_to="meeting-reports/",
                                   blank=True)
    report_sha256 = models.CharField("SHA-256 ของรายงาน", max_length=64, blank=True)
    report_html = models.TextField("เนื้อหารายงานที่ตรึงไว้ ณ เวลาปิดการประชุม", blank=True,
                                   editable=False)
    attendees = models.TextField("ผู้เข้าประชุม (บรรทัดละหนึ่งคน)", blank=True)
    absentees = models.TextField("ผู้ไม่มาประชุม (บรรทัดละหนึ่งคน พร้อมเหตุผล)", blank=True)
    next_meeting_date = models.DateField("วันประชุมครั้งถัดไป", null=True, blank=True)
    version = models.PositiveSmallIntegerField("ฉบับที่", default=1)

    class Meta:
        verbose_name = "การประชุม"
        verbose_name_plural = "การประชุม"
        ordering = ["organization", "-date"]
        constraints = [models.UniqueConstraint(fields=["committee", "fiscal_year", "number"],
                                               name="uniq_meeting_number")]

    def __str__(self):
        return f"{self.committee} ครั้งที่ {self.number}/{self.fiscal_year}"

    @property
    def is_closed(self):
        return self.status == MeetingStatus.CLOSED


class FrozenReport(models.Model):
    """An earlier frozen version of a meeting's report, kept when the meeting was reopened:
    its content, its PDF and SHA-256 stay downloadable, with who reopened it and why."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="versions",
                                verbose_name="การประชุม")
    version = models.PositiveSmallIntegerField("ฉบับที่")
    html = models.TextField("เนื้อหาที่ตรึงไว้")
    file = models.FileField("PDF", upload_to="meeting-reports/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    closed_at = models.DateTimeField("ปิดเมื่อ", null=True)
    closed_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+",
                                  verbose_name="ปิดโดย")
    reopened_at = models.DateTimeField("เปิดใหม่เมื่อ", auto_now_add=True)
    reopened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="เปิดใหม่โดย")
    reason = models.TextField("เหตุผลที่เปิดใหม่")

    class Meta:
        verbose_name = "รายงานการประชุมฉบับก่อน"
        verbose_name_plural = "รายงานการประชุมฉบับก่อน"
        ordering = ["meeting", "version"]
        constraints = [models.UniqueConstraint(fields=["meeting", "version"],
                                               name="uniq_frozen_version")]

    def __str__(self):
        return f"{self.meeting} ฉบับที่ {self.version}"


class AgendaChange(models.Model):
    """The secretary's choice about one measure on one meeting's agenda: added although the
    rules leave it out, or removed (with the reason) although they include it."""

    class Action(models.TextChoices):
        ADD = "add", "เพิ่มเข้าวาระ"
        REMOVE = "remove", "นำออกจากวาระ"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_changes",
                                verbose_name="การประชุม")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="+",
                                verbose_name="มาตรการ")
    action = models.CharField("การเปลี่ยนแปลง", max_length=8, choices=Action.choices)
    reason = models.TextField("เหตุผล", blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="โดย")
    at = models.DateTimeField("เมื่อ", auto_now=True)

    class Meta:
        verbose_name = "การปรับระเบียบวาระ"
        verbose_name_plural = "การปรับระเบียบวาระ"
        constraints = [models.UniqueConstraint(fields=["meeting", "measure"],
                                               name="uniq_agenda_change")]

    def __str__(self):
        return f"{self.meeting}: {self.get_action_display()} {self.measure_id}"


class MeetingNote(models.Model):
    """The committee's resolution or minutes about one measure at one meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notes",
                                verbose_name="การประชุม")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="meeting_notes",
                                verbose_name="มาตรการ")
    note = models.TextField("มติ/บันทึกการประชุม")
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="โดย")
    at = models.DateTimeField("บันทึกเมื่อ", auto_now=True)

    class Meta:
        verbose_name = "มติที่ประชุมรายมาตรการ"
        verbose_name_plural = "มติที่ประชุมรายมาตรการ"
        constraints = [models.UniqueConstraint(fields=["meeting", "measure"],
                                               name="uniq_meeting_note")]

    def __str__(self):
        return self.note[:60]


class ReportKind(models.TextChoices):
    O42 = "o42", "การวิเคราะห์ผลการประเมินและมาตรการ"
    ANNUAL = "annual", "รายงานผลการดำเนินการตามมาตรการ"
    MEETING = "meeting", "ร่างรายงานการประชุม"


class ReportExport(models.Model):
    """A report rendered in the background (a `reports.export` job); its PDF and SHA-256."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="report_exports", verbose_name="หน่วยงาน")
    kind = models.CharField("รายงาน", max_length=8, choices=ReportKind.choices)
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ")
    meeting = models.ForeignKey("Meeting", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="drafts", verbose_name="การประชุม (ร่างรายงาน)")
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+",
                                     verbose_name="ขอโดย")
    created_at = models.DateTimeField("ขอเมื่อ", auto_now_add=True)
    pages = models.PositiveIntegerField("จำนวนหน้า", null=True, blank=True)
    file = models.FileField("ไฟล์ PDF", upload_to="report-exports/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    # What it was made from: the organisation's data version read before its data (asked again
    # while that version holds, it is handed over at once) and the SHA-256 of its HTML (a
    # render whose HTML is the same as an earlier one's reuses that PDF).
    data_version = models.PositiveBigIntegerField("รุ่นของข้อมูลที่ใช้", null=True, blank=True)
    source_sha256 = models.CharField("SHA-256 ของเนื้อหา", max_length=64, blank=True)

    class Meta:
        verbose_name = "การส่งออกรายงาน"
        verbose_name_plural = "การส่งออกรายงาน"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.fiscal_year}"


class PublishedDocument(models.Model):
    """A PDF an admin has decided to put on the organisation's public pages (a frozen report
    or an uploaded file), with who approved it and when; withdrawn with a reason, never
    deleted. Its own copy of the file, so the public address always serves what was approved."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="published_documents", verbose_name="หน่วยงาน")
    title = models.CharField("ชื่อเอกสาร", max_length=200)
    export = models.ForeignKey(ReportExport, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="publications", verbose_name="จากรายงาน")
    file = models.FileField("ไฟล์ PDF", upload_to="published/")
    original_name = models.CharField("ชื่อไฟล์เดิม", max_length=255, blank=True)
    size = models.PositiveIntegerField("ขนาด (ไบต์)", default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    oit_item = models.ForeignKey("indicators.OITItem", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="+", verbose_name="ใช้ตอบข้อ OIT")
    public_url = models.URLField("ที่อยู่สาธารณะ", max_length=1000, blank=True)
    published_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+",
                                     verbose_name="อนุมัติเผยแพร่โดย")
    published_at = models.DateTimeField("อนุมัติเผยแพร่เมื่อ", default=timezone.now)
    withdrawn_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name="ถอนโดย")
    withdrawn_at = models.DateTimeField("ถอนเมื่อ", null=True, blank=True)
    withdrawn_reason = models.TextField("เหตุผลที่ถอน", blank=True)

    class Meta:
        verbose_name = "เอกสารที่เผยแพร่"
        verbose_name_plural = "เอกสารที่เผยแพร่"
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return self.withdrawn_at is None


class AgencyFigures(models.Model):
    """One agency's figures for the overseer's table, as of a day and a data version: the
    year in progress's counts and its latest official result. A row is current while the
    organisation's `data_version`, the day and the year are the ones it was made at; the
    table makes again only the rows that are not (reports/agency_figures.py)."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE,
                                        primary_key=True, related_name="figures",
                                        verbose_name="หน่วยงาน")
    year = models.PositiveSmallIntegerField("ปีงบประมาณ")
    day = models.DateField("ณ วันที่")
    version = models.PositiveBigIntegerField("รุ่นของข้อมูลที่ใช้")
    disclosed = models.PositiveIntegerField("OIT ที่เผยแพร่", default=0)
    broken = models.PositiveIntegerField("ลิงก์เสีย", default=0)
    overdue = models.PositiveIntegerField("มาตรการเลยกำหนด", default=0)
    last_activity = models.DateTimeField("ความเคลื่อนไหวล่าสุด", null=True, blank=True)
    official_year = models.PositiveSmallIntegerField("ปีของผลทางการล่าสุด", null=True,
                                                     blank=True)
    official_total = models.DecimalField("คะแนนรวมทางการ", max_digits=10, decimal_places=6,
                                         null=True, blank=True)
    official_band = models.CharField("ระดับ", max_length=40, blank=True)
    official_below = models.BooleanField("ต่ำกว่าเป้าหมายของปีนั้น", default=False)

    class Meta:
        verbose_name = "ตัวเลขของหน่วยงานสำหรับผู้กำกับดูแล"
        verbose_name_plural = "ตัวเลขของหน่วยงานสำหรับผู้กำกับดูแล"
        indexes = [models.Index(fields=["overdue"]), models.Index(fields=["broken"]),
                   models.Index(fields=["disclosed"]), models.Index(fields=["last_activity"])]

    def __str__(self):
        return f"{self.organization_id} {self.year} {self.day}"
