"""The ITA criteria library (versioned per assessment year) and each organisation's scores.

Everything that changes between years — tools, weights, indicators, result bands, OIT items —
is data loaded from fixtures/criteria by `manage.py load_criteria`; the code reads it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from organizations.models import Organization

SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]
# B.E. years the portal can hold: wide enough for history and planning, narrow enough that a
# typo (101, 9999) is refused where it enters instead of breaking pages later.
MIN_YEAR, MAX_YEAR = 2500, 2700
YEAR_VALIDATORS = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]


class ResultKind(models.TextChoices):
    GRADE = "grade", "ระดับผลการประเมิน (AA–F)"
    RATING = "rating", "ผลการประเมิน (ผ่าน/ต้องปรับปรุง)"


class DataPeriod(models.TextChoices):
    CURRENT_FY = "current_fy", "ปีงบประมาณที่ประเมิน"
    FIRST_HALF_FY = "first_half_fy", "รอบ ๖ เดือนแรกของปีงบประมาณ"
    PREVIOUS_FY = "previous_fy", "ปีงบประมาณที่ผ่านมา"
    STANDING = "standing", "ข้อมูลปัจจุบัน"


class CriteriaStatus(models.TextChoices):
    DRAFT = "draft", "ร่าง"
    PROVISIONAL = "provisional", "ใช้งานชั่วคราว"
    CONFIRMED = "confirmed", "ยืนยันตามคู่มือ"


PUBLISHED_STATUSES = (CriteriaStatus.PROVISIONAL, CriteriaStatus.CONFIRMED)


class PortalDocument(models.TextChoices):
    """The two documents the portal produces, answered by a year-specific OIT item."""

    ANALYSIS = "analysis", "การวิเคราะห์ผลการประเมินและมาตรการ"
    REPORT = "report", "รายงานผลการดำเนินการตามมาตรการ"


class AssessmentYear(models.Model):
    year = models.PositiveSmallIntegerField("ปีที่ประเมิน (พ.ศ.)", unique=True,
                                            validators=YEAR_VALIDATORS)
    title_th = models.CharField("ชื่อเกณฑ์", max_length=200)
    result_kind = models.CharField("รูปแบบผลการประเมิน", max_length=8, choices=ResultKind.choices)
    target_score = models.DecimalField("คะแนนเป้าหมาย", max_digits=5, decimal_places=2, default=85,
                                       validators=SCORE_VALIDATORS)
    source_note = models.TextField("ที่มาและความน่าเชื่อถือของข้อมูล", blank=True)
    status = models.CharField("สถานะของเกณฑ์", max_length=12, choices=CriteriaStatus.choices,
                              default=CriteriaStatus.DRAFT)
    version = models.PositiveIntegerField("ฉบับที่", default=1)
    based_on = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name="เริ่มจากเกณฑ์ปี")
    published_at = models.DateTimeField("เผยแพร่เมื่อ", null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name="เผยแพร่โดย")

    class Meta:
        verbose_name = "เกณฑ์การประเมินประจำปี"
        verbose_name_plural = "เกณฑ์การประเมินประจำปี"
        ordering = ["-year"]

    def __str__(self):
        return f"ITA {self.year}"

    @property
    def is_published(self):
        return self.status in PUBLISHED_STATUSES


class Tool(models.Model):
    year = models.ForeignKey(AssessmentYear, verbose_name="ปี", on_delete=models.CASCADE,
                             related_name="tools")
    code = models.CharField("รหัสเครื่องมือ", max_length=8)
    name_th = models.CharField("ชื่อ", max_length=200)
    name_en = models.CharField("ชื่อภาษาอังกฤษ", max_length=200, blank=True)
    weight = models.DecimalField("น้ำหนัก", max_digits=4, decimal_places=3)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "เครื่องมือการประเมิน"
        verbose_name_plural = "เครื่องมือการประเมิน"
        ordering = ["year", "order"]
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="uniq_tool_code")]

    def __str__(self):
        return f"{self.code} ({self.year.year})"


class Indicator(models.Model):
    year = models.ForeignKey(AssessmentYear, verbose_name="ปี", on_delete=models.CASCADE,
                             related_name="indicators")
    tool = models.ForeignKey(Tool, verbose_name="เครื่องมือ", on_delete=models.CASCADE,
                             related_name="indicators")
    number = models.PositiveSmallIntegerField("ตัวชี้วัดที่")
    name_th = models.CharField("ชื่อตัวชี้วัด", max_length=200)
    name_en = models.CharField("ชื่อภาษาอังกฤษ", max_length=200, blank=True)

    class Meta:
        verbose_name = "ตัวชี้วัด"
        verbose_name_plural = "ตัวชี้วัด"
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="uniq_indicator_number")
        ]

    def __str__(self):
        return f"ตัวชี้วัดที่ {self.number} {self.name_th}"


class SubIndicator(models.Model):
    indicator = models.ForeignKey(Indicator, verbose_name="ตัวชี้วัด", on_delete=models.CASCADE,
                                  related_name="sub_indicators")
    code = models.CharField("ตัวชี้วัดย่อยที่", max_length=8)
    name_th = models.CharField("ชื่อตัวชี้วัดย่อย", max_length=200)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "ตัวชี้วัดย่อย"
        verbose_name_plural = "ตัวชี้วัดย่อย"
        ordering = ["indicator", "order"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "code"], name="uniq_subindicator_code")
        ]

    def __str__(self):
        return f"{self.code} {self.name_th}"


class OITItem(models.Model):
    year = models.ForeignKey(AssessmentYear, verbose_name="ปี", on_delete=models.CASCADE,
                             related_name="oit_items")
    sub_indicator = models.ForeignKey(SubIndicator, verbose_name="ตัวชี้วัดย่อย",
                                      on_delete=models.CASCADE, related_name="items")
    code = models.CharField("ข้อ", max_length=8)
    order = models.PositiveSmallIntegerField("ลำดับ")
    group_th = models.CharField("หัวข้อ", max_length=200)
    name_th = models.CharField("ชื่อข้อมูล", max_length=300)
    name_en = models.CharField("ชื่อภาษาอังกฤษ", max_length=300, blank=True)
    data_period = models.CharField("ช่วงเวลาของข้อมูล", max_length=16, choices=DataPeriod.choices)
    data_period_derived = models.BooleanField(
        "ช่วงเวลาอนุมานจากปีก่อน", default=False,
        help_text="เกณฑ์ปีนี้ไม่ได้ระบุช่วงเวลา จึงใช้ของข้อเดียวกันในปีก่อนตามตารางเทียบข้อ",
    )
    evidence_th = models.TextField("ข้อมูลที่ต้องเผยแพร่", blank=True)
    verified = models.BooleanField("ยืนยันกับคู่มือ ป.ป.ช. แล้ว", default=True)
    note_th = models.CharField("หมายเหตุความน่าเชื่อถือ", max_length=300, blank=True)
    portal_document = models.CharField("เอกสารที่ระบบจัดทำให้", max_length=10, blank=True,
                                       choices=PortalDocument.choices)

    class Meta:
        verbose_name = "ข้อมูล OIT"
        verbose_name_plural = "ข้อมูล OIT"
        ordering = ["year", "order"]
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="uniq_oit_code")]

    def __str__(self):
        return f"{self.code} {self.name_th}"


class ResultBand(models.Model):
    """One grade or rating: reached when the total and every tool meet their minimums."""

    year = models.ForeignKey(AssessmentYear, verbose_name="ปี", on_delete=models.CASCADE,
                             related_name="bands")
    label = models.CharField("ผลการประเมิน", max_length=40)
    min_total = models.DecimalField("คะแนนรวมขั้นต่ำ", max_digits=5, decimal_places=2)
    min_each_tool = models.DecimalField("คะแนนขั้นต่ำทุกเครื่องมือ", max_digits=5,
                                        decimal_places=2, null=True, blank=True)
    order = models.PositiveSmallIntegerField("ลำดับ (สูงไปต่ำ)")

    class Meta:
        verbose_name = "เกณฑ์ระดับผลการประเมิน"
        verbose_name_plural = "เกณฑ์ระดับผลการประเมิน"
        ordering = ["year", "order"]
        constraints = [models.UniqueConstraint(fields=["year", "label"], name="uniq_band_label")]

    def __str__(self):
        return self.label


class CrosswalkRelation(models.TextChoices):
    SAME = "same", "เหมือนเดิม"
    RENAMED = "renamed", "เปลี่ยนชื่อ/เลขข้อ"
    MERGED = "merged", "รวมข้อ"
    SPLIT = "split", "แยกข้อ"
    NEW = "new", "ข้อใหม่"
    REMOVED = "removed", "ยกเลิก"


class ItemCrosswalk(models.Model):
    """How an OIT item of one year maps to the next year's (same code may mean another item)."""

    from_year = models.ForeignKey(AssessmentYear, on_delete=models.CASCADE, related_name="+",
                                  verbose_name="จากปี")
    to_year = models.ForeignKey(AssessmentYear, on_delete=models.CASCADE, related_name="+",
                                verbose_name="ไปปี")
    from_item = models.ForeignKey(OITItem, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="crosswalk_next", verbose_name="ข้อเดิม")
    to_item = models.ForeignKey(OITItem, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="crosswalk_previous", verbose_name="ข้อใหม่")
    relation = models.CharField("ความสัมพันธ์", max_length=8, choices=CrosswalkRelation.choices)
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)
    confirmed = models.BooleanField("ยืนยันโดยผู้ดูแลเกณฑ์", default=True)

    class Meta:
        verbose_name = "ตารางเทียบข้อ OIT ระหว่างปี"
        verbose_name_plural = "ตารางเทียบข้อ OIT ระหว่างปี"
        constraints = [
            models.UniqueConstraint(fields=["from_year", "to_year", "from_item", "to_item"],
                                    name="uniq_crosswalk_pair")
        ]

    def __str__(self):
        return f"{self.from_item or '—'} → {self.to_item or '—'} ({self.get_relation_display()})"


class CriteriaRevision(models.Model):
    """One recorded change of a year's criteria: who, when, what (field before → after), why."""

    year = models.ForeignKey(AssessmentYear, on_delete=models.CASCADE, related_name="revisions",
                             verbose_name="ปี")
    version = models.PositiveIntegerField("ฉบับที่")
    at = models.DateTimeField("เมื่อ", auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                           blank=True, related_name="+", verbose_name="โดย")
    action = models.CharField("การกระทำ", max_length=120)
    reason = models.TextField("เหตุผล", blank=True)
    changes = models.JSONField("รายละเอียด", default=list, blank=True)

    class Meta:
        verbose_name = "ประวัติการแก้ไขเกณฑ์"
        verbose_name_plural = "ประวัติการแก้ไขเกณฑ์"
        ordering = ["year", "-at", "-pk"]

    def __str__(self):
        return f"{self.year} v{self.version}: {self.action}"


class IndicatorScore(models.Model):
    """An official score of one indicator for one organisation (the year is the indicator's)."""

    organization = models.ForeignKey(Organization, verbose_name="หน่วยงาน",
                                     on_delete=models.CASCADE, related_name="indicator_scores")
    indicator = models.ForeignKey(Indicator, verbose_name="ตัวชี้วัด", on_delete=models.PROTECT,
                                  related_name="scores")
    score = models.DecimalField("คะแนน", max_digits=5, decimal_places=2,
                                validators=SCORE_VALIDATORS)
    source = models.CharField("ที่มา", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="บันทึกโดย",
                                    on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    recorded_at = models.DateTimeField("บันทึกเมื่อ", auto_now=True)

    class Meta:
        verbose_name = "คะแนนตัวชี้วัด"
        verbose_name_plural = "คะแนนตัวชี้วัด"
        ordering = ["organization", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "indicator"], name="uniq_score")
        ]

    def __str__(self):
        return f"{self.organization} · {self.indicator}: {self.score}"


class Recommendation(models.Model):
    """What the NACC's advisers recommended to an organisation after a year's assessment."""

    organization = models.ForeignKey(Organization, verbose_name="หน่วยงาน",
                                     on_delete=models.CASCADE, related_name="recommendations")
    year = models.ForeignKey(AssessmentYear, verbose_name="ปีที่ประเมิน", on_delete=models.PROTECT,
                             related_name="recommendations")
    tool = models.ForeignKey(Tool, verbose_name="เครื่องมือ", on_delete=models.PROTECT,
                             null=True, blank=True, related_name="recommendations")
    text = models.TextField("ข้อเสนอแนะ")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "ข้อเสนอแนะจาก ป.ป.ช."
        verbose_name_plural = "ข้อเสนอแนะจาก ป.ป.ช."
        ordering = ["organization", "year", "order"]

    def __str__(self):
        return self.text[:60]
