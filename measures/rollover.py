"""Carry an unfinished measure into the next fiscal year, or close it with a reason.

A carried measure is a new measure of the new fiscal year that continues the old one
(`carried_from`): same title, owners, indicators, cadence and monitoring, the steps not yet
done, status and progress as they stand. The old one stays in its year's reports; both
histories say where the work went.
"""

from django.db import transaction

from ita_portal.thai import fiscal_year_bounds
from measures.models import CLOSED_STATUSES, Measure, MeasureStep, Status, StatusChange
from measures.services import measure_set_status


def unfinished(organization, fiscal_year):
    return (Measure.objects.filter(organization=organization, fiscal_year=fiscal_year)
            .exclude(status__in=CLOSED_STATUSES).filter(carried_to__isnull=True)
            .order_by("number"))


def new_period(measure, fiscal_year):
    start, end = fiscal_year_bounds(fiscal_year)
    return start, (measure.end_date if measure.end_date >= start else end)


@transaction.atomic
def carry_measure(*, measure, fiscal_year, by):
    start, end = new_period(measure, fiscal_year)
    number = (Measure.objects.filter(organization=measure.organization_id,
                                     fiscal_year=fiscal_year)
              .order_by("-number").values_list("number", flat=True).first() or 0) + 1
    new = Measure.objects.create(
        organization_id=measure.organization_id, fiscal_year=fiscal_year, number=number,
        title=measure.title, start_date=start, end_date=end, monitoring=measure.monitoring,
        cadence=measure.cadence, status=measure.status, percent=measure.percent,
        owned_by_everyone=measure.owned_by_everyone, owner_text=measure.owner_text,
        carried_from=measure)
    for name in ("owner_departments", "owner_positions", "owner_users", "indicators"):
        getattr(new, name).set(getattr(measure, name).all())
    MeasureStep.objects.bulk_create([
        MeasureStep(measure=new, order=k, text=s.text, owner_text=s.owner_text,
                    period_text=s.period_text)
        for k, s in enumerate(measure.steps.filter(done_at=None).order_by("order"), start=1)])
    note_out = f"ยกไปดำเนินการต่อเป็นมาตรการที่ {number} ปีงบประมาณ {fiscal_year}"
    note_in = f"ต่อเนื่องจากมาตรการที่ {measure.number} ปีงบประมาณ {measure.fiscal_year}"
    StatusChange.objects.bulk_create([
        StatusChange(measure=measure, from_status=measure.status, to_status=measure.status,
                     by=by, note=note_out),
        StatusChange(measure=new, from_status=Status.NOT_STARTED, to_status=new.status,
                     by=by, note=note_in)])
    return new


def close_measure(*, measure, by, reason):
    """Close an unfinished measure at the year's end (cancelled, with the reason)."""
    return measure_set_status(measure=measure, status=Status.CANCELLED, by=by,
                              note=f"ปิดเมื่อย้ายเข้าปีงบประมาณใหม่: {reason}")
