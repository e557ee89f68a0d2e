"""Organisations (municipalities), their departments and positions, and the people in them."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models


class OrganizationKind(models.TextChoices):
    CITY = "city", "เทศบาลนคร"
    TOWN = "town", "เทศบาลเมือง"
    SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality", "เทศบาลตำบล"
    SAO = "sao", "องค์การบริหารส่วนตำบล (อบต.)"
    PAO = "pao", "องค์การบริหารส่วนจังหวัด (อบจ.)"
    OTHER = "other", "หน่วยงานอื่น"


domain_list_validator = RegexValidator(
    r"^\s*([a-z0-9-]+(\.[a-z0-9-]+)+)(\s*[,\s]\s*[a-z0-9-]+(\.[a-z0-9-]+)+)*\s*$",
    "กรอกชื่อโดเมนของเว็บไซต์หลัก เช่น arunnikhom.go.th (หลายโดเมนคั่นด้วยจุลภาค)",
)


class Organization(models.Model):
    name_th = models.CharField("ชื่อหน่วยงาน", max_length=200)
    slug = models.SlugField("รหัสย่อ (ภาษาอังกฤษ)", max_length=80, unique=True)
    kind = models.CharField("ประเภท", max_length=32, choices=OrganizationKind.choices)
    province = models.CharField("จังหวัด", max_length=80, blank=True, db_index=True)
    website_domains = models.CharField(
        "โดเมนเว็บไซต์หลัก", max_length=500, blank=True, validators=[domain_list_validator],
        help_text="หลักฐาน OIT ต้องอยู่บนเว็บไซต์หลักของหน่วยงาน คั่นหลายโดเมนด้วยจุลภาค",
    )
    logo = models.ImageField("ตราสัญลักษณ์ (สำหรับเอกสาร PDF)", upload_to="logos/", blank=True)
    is_active = models.BooleanField("ใช้งานอยู่", default=True)
    demo_note = models.CharField(
        "หมายเหตุข้อมูลสาธิต", max_length=400, blank=True,
        help_text="แสดงบนทุกหน้าของหน่วยงานสาธิต: ข้อมูลส่วนใดเป็นตัวอย่าง ไม่ใช่ข้อมูลจริง")
    created_at = models.DateTimeField("สร้างเมื่อ", auto_now_add=True)
    # Raised by organizations.versions with every change of the organisation's data.
    data_version = models.PositiveBigIntegerField("รุ่นของข้อมูล", default=0, editable=False)

    class Meta:
        verbose_name = "หน่วยงาน"
        verbose_name_plural = "หน่วยงาน"
        ordering = ["name_th"]
        # The overseer's table pages by name: 50 of 8,300 read in order, not all sorted.
        indexes = [models.Index(fields=["name_th"], name="organizations_org_name")]

    def __str__(self):
        return self.name_th

    def save(self, *args, **kwargs):
        """Never writes back `data_version` read earlier (it only goes up, in the database)."""
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [f.name for f in self._meta.concrete_fields
                                       if not f.primary_key and f.name != "data_version"]
        super().save(*args, **kwargs)

    @property
    def domains(self):
        """The declared main-website domains, lower case, without duplicates."""
        parts = self.website_domains.replace(",", " ").split()
        return list(dict.fromkeys(part.strip().lower() for part in parts))


class ProvinceVersion(models.Model):
    """How many times the organisations of a province have changed: a database trigger counts
    every insert, update (a data change raises `Organization.data_version`) and deletion of an
    organisation row, at commit on PostgreSQL (migration 0005). A province's or the country's
    tables can then be kept by reading a few rows instead of every organisation; on PostgreSQL
    the country's sum is read from a covering index (migration 0006)."""

    province = models.CharField("จังหวัด", max_length=80, primary_key=True)
    changes = models.PositiveBigIntegerField("จำนวนการเปลี่ยนแปลง", default=0)

    class Meta:
        verbose_name = "รุ่นข้อมูลของจังหวัด"
        verbose_name_plural = "รุ่นข้อมูลของจังหวัด"

    def __str__(self):
        return f"{self.province or '-'}: {self.changes}"


class Department(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name="หน่วยงาน", on_delete=models.CASCADE, related_name="departments"
    )
    name_th = models.CharField("ชื่อสำนัก/กอง", max_length=120)
    aliases = models.CharField(
        "ชื่ออื่นที่ใช้ในเอกสาร", max_length=300, blank=True,
        help_text="คั่นด้วยจุลภาค เช่น จนท.พัสดุ, เจ้าหน้าที่พัสดุ",
    )
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    is_retired = models.BooleanField("เลิกใช้แล้ว", default=False)

    class Meta:
        verbose_name = "สำนัก/กอง"
        verbose_name_plural = "สำนัก/กอง"
        ordering = ["organization", "order", "name_th"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name_th"], name="uniq_department_name")
        ]

    def __str__(self):
        return self.name_th


class Position(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name="หน่วยงาน", on_delete=models.CASCADE, related_name="positions"
    )
    department = models.ForeignKey(
        Department, verbose_name="สังกัด", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="positions",
    )
    name_th = models.CharField("ชื่อตำแหน่ง", max_length=120)
    aliases = models.CharField(
        "ชื่ออื่นที่ใช้ในเอกสาร", max_length=300, blank=True,
        help_text="คั่นด้วยจุลภาค เช่น จนท.พัสดุ, เจ้าหน้าที่พัสดุ",
    )
    heads_department = models.BooleanField(
        "เป็นหัวหน้าสำนัก/กอง", default=False,
        help_text="เช่น ผู้อำนวยการกอง หัวหน้าสำนักปลัด: รายงานและอนุมัติทุกมาตรการของสำนัก/กอง",
    )
    is_retired = models.BooleanField("เลิกใช้แล้ว", default=False)

    class Meta:
        verbose_name = "ตำแหน่ง"
        verbose_name_plural = "ตำแหน่ง"
        ordering = ["organization", "name_th"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name_th"], name="uniq_position_name")
        ]

    def __str__(self):
        return self.name_th


class Role(models.TextChoices):
    STAFF = "staff", "เจ้าหน้าที่"
    COMMITTEE = "committee", "คณะกรรมการ"
    ADMIN = "admin", "ผู้ดูแลระบบของหน่วยงาน"
    OVERSEER = "overseer", "ผู้กำกับติดตามหลายหน่วยงาน"


class NotifyFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "ทันที"
    DAILY = "daily", "สรุปรายวัน"
    WEEKLY = "weekly", "สรุปรายสัปดาห์"


class User(AbstractUser):
    """A person: belongs to one organisation with one role (an overseer reads many)."""

    organization = models.ForeignKey(
        Organization, verbose_name="หน่วยงาน", on_delete=models.PROTECT, null=True, blank=True,
        related_name="members",
    )
    role = models.CharField("บทบาท", max_length=16, choices=Role.choices, default=Role.STAFF)
    department = models.ForeignKey(
        Department, verbose_name="สำนัก/กอง", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="members",
    )
    position = models.ForeignKey(
        Position, verbose_name="ตำแหน่ง", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="holders",
    )
    oversight_province = models.CharField(
        "จังหวัดที่กำกับติดตาม", max_length=80, blank=True,
        help_text="สำหรับผู้กำกับติดตาม: เว้นว่างหมายถึงทุกจังหวัด",
    )
    is_committee_chair = models.BooleanField("ประธานคณะกรรมการ", default=False)
    must_change_password = models.BooleanField("ต้องเปลี่ยนรหัสผ่านเมื่อเข้าระบบ", default=False)
    notify_frequency = models.CharField(
        "รับการแจ้งเตือนทางอีเมล", max_length=10, choices=NotifyFrequency.choices,
        default=NotifyFrequency.IMMEDIATE)

    class Meta:
        verbose_name = "ผู้ใช้"
        verbose_name_plural = "ผู้ใช้"

    def __str__(self):
        return self.get_full_name() or self.username

    def clean(self):
        super().clean()
        for field in ("department", "position"):
            related = getattr(self, field)
            if related and related.organization_id != self.organization_id:
                raise ValidationError({field: "ต้องเป็นของหน่วยงานเดียวกับผู้ใช้"})

    @property
    def heads_department_id(self):
        """The department this person heads (by their position), or None."""
        position = self.position
        if position and position.heads_department and not position.is_retired:
            return position.department_id
        return None


class Invitation(models.Model):
    """A one-time sign-up link sent by e-mail; only the SHA-256 of its token is kept."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations",
                             verbose_name="ผู้ได้รับเชิญ")
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+",
                                   verbose_name="เชิญโดย")
    created_at = models.DateTimeField("เชิญเมื่อ", auto_now_add=True)
    expires_at = models.DateTimeField("หมดอายุ")
    used_at = models.DateTimeField("ใช้เมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "คำเชิญ"
        verbose_name_plural = "คำเชิญ"

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


class Notification(models.Model):
    """A notice in a person's inbox; e-mailed once (immediately or in their digest).

    `key` makes a notice idempotent: the same reminder for the same thing is created once.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications",
                             verbose_name="ผู้รับ")
    key = models.CharField("อ้างอิง", max_length=120)
    subject = models.CharField("เรื่อง", max_length=200)
    body = models.TextField("รายละเอียด")
    url = models.CharField("ลิงก์", max_length=300, blank=True)
    created_at = models.DateTimeField("เมื่อ", auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("อ่านเมื่อ", null=True, blank=True)
    emailed_at = models.DateTimeField("ส่งอีเมลเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "การแจ้งเตือน"
        verbose_name_plural = "การแจ้งเตือน"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="uniq_notice")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.subject
