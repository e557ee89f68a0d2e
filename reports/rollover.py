"""Moving an organisation into a new assessment year in one action, previewed first.

The checklist follows the crosswalk (URLs kept, statuses to confirm), the previous fiscal
year's unfinished measures are carried into the new one or closed with a reason, and the
year's documents are the items the year's criteria name for them.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from disclosure import carryover
from indicators.models import AssessmentYear
from indicators.years import previous_year
from measures import rollover as measure_rollover


@dataclass
class RolloverPlan:
    year: object
    previous: object
    checklist: list
    measures: list
    documents: list

    @property
    def carried_items(self):
        return sum(1 for row in self.checklist if row.from_codes and not row.skipped)


def plan(organization, year):
    target = AssessmentYear.objects.filter(year=year).first()
    source = previous_year(target) if target else None
    if source is None:
        raise ValidationError(f"ไม่มีเกณฑ์ปี {year} หรือปีก่อนหน้าให้ย้ายข้อมูล")
    return RolloverPlan(
        year=target, previous=source, checklist=carryover.plan(organization, year),
        measures=list(measure_rollover.unfinished(organization, source.year)
                      .prefetch_related("owner_departments", "owner_positions")),
        documents=list(target.oit_items.exclude(portal_document="").order_by("order")))


@transaction.atomic
def apply(organization, year, *, by, closing):
    """Carry every unfinished measure except those in `closing` ({pk: reason})."""
    rollover_plan = plan(organization, year)
    missing = [m.number for m in rollover_plan.measures
               if m.pk in closing and not closing[m.pk].strip()]
    if missing:
        raise ValidationError("ระบุเหตุผลของการปิดมาตรการที่ "
                              + ", ".join(str(n) for n in missing))
    items = carryover.carry_over(organization, year)
    for measure in rollover_plan.measures:
        if measure.pk in closing:
            measure_rollover.close_measure(measure=measure, by=by, reason=closing[measure.pk])
    carried = measure_rollover.carry_measures(
        measures=[m for m in rollover_plan.measures if m.pk not in closing], fiscal_year=year,
        by=by)
    return {"items": items, "carried": len(carried),
            "closed": len(rollover_plan.measures) - len(carried)}
