"""Carry an unfinished measure into the next fiscal year, or close it with a reason.

A carried measure is a new measure of the new fiscal year that continues the old one
(`carried_from`): same title, owners, indicators, cadence and monitoring, the steps not yet
done, status and progress as they stand. The old one stays in its year's reports; both
histories say where the work went.
"""

from django.db import transaction

from indicators.models import Indicator
from ita_portal.thai import fiscal_year_bounds, thai_digits
from measures.models import CLOSED_STATUSES, EventKind, Measure, MeasureEvent, MeasureStep, Status
from measures.services import measure_set_status, relation_add
from organizations import versions


def unfinished(organization, fiscal_year):
    return (Measure.objects.filter(organization=organization, fiscal_year=fiscal_year)
            .exclude(status__in=CLOSED_STATUSES).filter(carried_to__isnull=True)
            .order_by("number"))


def new_period(measure, fiscal_year):
    start, end = fiscal_year_bounds(fiscal_year)
    return start, (measure.end_date if measure.end_date >= start else end)


M2M = ("owner_departments", "owner_positions", "owner_users", "indicators")


def carry_measure(*, measure, fiscal_year, by):
    return carry_measures(measures=[measure], fiscal_year=fiscal_year, by=by)[0]


@transaction.atomic
def carry_measures(*, measures, fiscal_year, by):
    """Carry several measures at once, in a fixed number of queries whatever their count."""
    measures = list(Measure.objects.filter(pk__in=[m.pk for m in measures])
                    .prefetch_related(*M2M, "steps").order_by("number"))
    if not measures:
        return []
    first = (Measure.objects.filter(organization=measures[0].organization_id,
                                    fiscal_year=fiscal_year)
             .order_by("-number").values_list("number", flat=True).first() or 0) + 1
    new = Measure.objects.bulk_create([
        _continuation(m, fiscal_year, first + k) for k, m in enumerate(measures)])
    same_number = {i.number: i for i in Indicator.objects.filter(year__year=fiscal_year)}
    for name in M2M:
        relation_add(name, [(n, _carried(name, m, same_number))
                            for m, n in zip(measures, new, strict=True)])
    MeasureStep.objects.bulk_create([
        MeasureStep(measure=n, order=k, text=s.text, owner_text=s.owner_text,
                    period_text=s.period_text)
        for m, n in zip(measures, new, strict=True)
        for k, s in enumerate((s for s in m.steps.all() if s.done_at is None), start=1)])
    MeasureEvent.objects.bulk_create([change for m, n in zip(measures, new, strict=True)
                                      for change in _history(m, n, by)])
    versions.touch(measures[0].organization_id)  # bulk writes send no signals
    return new


def _continuation(measure, fiscal_year, number):
    start, end = new_period(measure, fiscal_year)
    return Measure(
        organization_id=measure.organization_id, fiscal_year=fiscal_year, number=number,
        title=measure.title, start_date=start, end_date=end, monitoring=measure.monitoring,
        cadence=measure.cadence, status=measure.status, percent=measure.percent,
        owned_by_everyone=measure.owned_by_everyone, owner_text=measure.owner_text,
        carried_from=measure)


def _carried(name, measure, same_number):
    """What the continuation is linked to: the same owners; the new year's indicator of the
    same number where the new year has one (not last year's criteria)."""
    related = getattr(measure, name).all()
    if name != "indicators":
        return related
    return [same_number.get(i.number, i) for i in related]


def _history(measure, new, by):
    yield MeasureEvent(measure=measure, kind=EventKind.CARRIED, by=by,
                       note=thai_digits(f"ยกไปดำเนินการต่อเป็นมาตรการที่ {new.number} "
                                        f"ปีงบประมาณ {new.fiscal_year}"))
    yield MeasureEvent(measure=new, kind=EventKind.CREATED, by=by,
                       from_status=Status.NOT_STARTED, to_status=new.status,
                       note=thai_digits(f"ต่อเนื่องจากมาตรการที่ {measure.number} "
                                        f"ปีงบประมาณ {measure.fiscal_year}"))


def close_measure(*, measure, by, reason):
    """Close an unfinished measure at the year's end (cancelled, with the reason)."""
    return measure_set_status(measure=measure, status=Status.CANCELLED, by=by,
                              note=f"ปิดเมื่อย้ายเข้าปีงบประมาณใหม่: {reason}")
