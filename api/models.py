"""Read-only API tokens: one organisation's, or an overseer's (their province or the country).
Only a hash of the key is kept; the key is shown once when it is made."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from organizations.models import Organization


class ApiToken(models.Model):
    name = models.CharField("ใช้สำหรับ", max_length=120)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, null=True,
                                     blank=True, related_name="api_tokens",
                                     verbose_name="หน่วยงาน (โทเคนของหน่วยงาน)")
    overseer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True,
                                 blank=True, related_name="api_tokens",
                                 verbose_name="ผู้กำกับติดตาม (โทเคนของผู้กำกับ)")
    prefix = models.CharField("ขึ้นต้นด้วย", max_length=12, unique=True)
    key_hash = models.CharField("SHA-256 ของกุญแจ", max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="สร้างโดย")
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    last_used_at = models.DateTimeField("ใช้ล่าสุด", null=True, blank=True)
    revoked_at = models.DateTimeField("ยกเลิกเมื่อ", null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+", verbose_name="ยกเลิกโดย")

    class Meta:
        verbose_name = "โทเคน API"
        verbose_name_plural = "โทเคน API"
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(
            condition=models.Q(organization__isnull=True) ^ models.Q(overseer__isnull=True),
            name="api_token_one_owner")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
