import datetime

import pytest
from django.utils import timezone

from measures.models import Measure, MeasureStep
from organizations.models import Department

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def make_measure(org, number=1, department="กองคลัง", start_offset=-30, end_offset=60,
                 **fields):
    today = timezone.localdate()
    measure = Measure.objects.create(
        organization=org, fiscal_year=2570, number=number, title=f"มาตรการทดสอบที่ {number}",
        start_date=today + datetime.timedelta(days=start_offset),
        end_date=today + datetime.timedelta(days=end_offset), **fields)
    if department:
        measure.owner_departments.add(Department.objects.get(organization=org,
                                                             name_th=department))
    MeasureStep.objects.create(measure=measure, order=1, text="จัดทำคู่มือการยืมทรัพย์สิน")
    MeasureStep.objects.create(measure=measure, order=2, text="เผยแพร่บนเว็บไซต์หลัก")
    return measure


@pytest.fixture
def measure(org):
    return make_measure(org)


@pytest.fixture
def foreign_measure(other_org):
    return make_measure(other_org, number=1)
