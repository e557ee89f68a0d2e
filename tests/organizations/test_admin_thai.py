"""The platform operator's admin reads in Thai (UX re-check 4.3: "Axes", "Access attempts",
"Otp_Totp", "TOTP devices", "Task Results", "Skip to main content", "Toggle theme" and
"การกระทำของฉัน: ไม่ว่าง" stood on its index)."""

import re

import pytest

from organizations.models import User


@pytest.mark.django_db
def test_the_admin_index_names_everything_in_thai(client, criteria):
    operator = User.objects.create_superuser("op", "op@example.com", "ok-long-pass-1234")
    client.force_login(operator)
    body = client.get("/admin/").content.decode()
    text = re.sub(r"<[^>]+>", "\n", re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", body))
    english = [line.strip() for line in text.splitlines()
               if re.search(r"[A-Za-z]{3,}", line)
               and not re.fullmatch(r"[^A-Za-z]*(ITA Portal|OIT|ITA|TOTP)[^A-Za-z]*"
                                    r"((ITA Portal|OIT|ITA|TOTP)[^A-Za-z]*)*", line.strip())]
    assert english == []
    for name in ("การป้องกันการเดารหัสผ่าน", "แอปยืนยันตัวตน (TOTP)", "ข้ามไปยังเนื้อหาหลัก"):
        assert name in body
    assert "ไม่ว่าง" not in body
