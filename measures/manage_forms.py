"""Forms with which an organisation admin manages issues, measures, steps and owners."""

from django import forms
from django.forms import inlineformset_factory

from indicators.models import Indicator
from indicators.years import year_in_progress
from ita_portal.bounds import check_form_ranges
from ita_portal.thai import thai_digits
from measures.models import ImprovementIssue, Measure, MeasureStep
from organizations.models import Department, Position, User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
OWNER_FIELDS = ["owner_departments", "owner_positions", "owner_users", "owned_by_everyone"]



def indicator_label(indicator):
    """Each assessment year has its own indicators with the same names: say whose they are."""
    return thai_digits(f"ITA {indicator.year.year} · ตัวชี้วัดที่ {indicator.number} "
                       ) + indicator.name_th

def _as_year(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class OrganizationScopedForm(forms.ModelForm):
    """Limits every choice (owners, indicators, issues) to the admin's organisation."""

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = organization
        scoped = {"owner_departments": Department.objects.filter(organization=organization),
                  "owner_positions": Position.objects.filter(organization=organization),
                  "owner_users": User.objects.filter(organization=organization, is_active=True)}
        for name, queryset in scoped.items():
            self.fields[name].queryset = queryset
            self.fields[name].widget = forms.CheckboxSelectMultiple()
            self.fields[name].widget.choices = self.fields[name].choices


class MeasureForm(OrganizationScopedForm):
    """Saved by measures.services.measure_save_form; `version` is the optimistic check."""

    SCALAR_FIELDS = ["fiscal_year", "number", "title", "start_date", "end_date", "period_text",
                     "monitoring", "cadence"]
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Measure
        fields = ["fiscal_year", "number", "title", "indicators", "issues", "start_date",
                  "end_date", "period_text", "monitoring", "cadence", *OWNER_FIELDS]
        widgets = {"start_date": DATE, "end_date": DATE,
                   "title": forms.Textarea(attrs={"rows": 2}),
                   "monitoring": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, organization=organization, **kwargs)
        self.fields["issues"].queryset = ImprovementIssue.objects.filter(
            organization=organization).select_related("indicator")
        self.fields["indicators"].queryset = self._indicator_choices()
        self.fields["indicators"].label_from_instance = indicator_label
        self.fields["indicators"].widget = forms.CheckboxSelectMultiple()
        self.fields["indicators"].widget.choices = self.fields["indicators"].choices
        self.fields["issues"].required = self.fields["indicators"].required = False
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def _indicator_choices(self):
        """The indicators of the measure's fiscal year and of the result it answers (the year
        before; the latest two with criteria when the year has none yet), and any it is linked
        to already: not every year's (UX re-check: 80 names in a four-line list)."""
        year = _as_year(self.data.get(self.add_prefix("fiscal_year")) if self.is_bound
                        else None) or self.instance.fiscal_year or _as_year(
            self.initial.get("fiscal_year")) or year_in_progress()
        linked = self.instance.indicators.all() if self.instance.pk else Indicator.objects.none()
        years = (Indicator.objects.filter(year__year__lte=year).order_by("-year__year")
                 .values_list("year__year", flat=True).distinct()[:2])  # if none yet for it
        return (Indicator.objects.filter(year__year__in=list(years))
                | Indicator.objects.filter(pk__in=linked.values("pk"))).select_related(
            "year").order_by("-year__year", "number")

    def clean(self):
        data = super().clean()
        check_form_ranges(self, years=["fiscal_year"], dates=["start_date", "end_date"],
                          smalls=["number"])
        start, end, year = data.get("start_date"), data.get("end_date"), data.get("fiscal_year")
        if start and end and end < start:
            self.add_error("end_date", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม")
        duplicate = Measure.objects.filter(organization=self.instance.organization,
                                           fiscal_year=year, number=data.get("number"))
        if duplicate.exclude(pk=self.instance.pk).exists():
            self.add_error("number", "มีมาตรการลำดับนี้ในปีงบประมาณนี้แล้ว")
        return data


StepFormSet = inlineformset_factory(
    Measure, MeasureStep, fields=["order", "text", "owner_text", "period_text"], extra=2,
    can_delete=False, widgets={"text": forms.Textarea(attrs={"rows": 2})})


class IssueForm(OrganizationScopedForm):
    class Meta:
        model = ImprovementIssue
        fields = ["fiscal_year", "assessment_year", "indicator", "oit_item", "recommendation",
                  "trigger_score", "title", "approach", "monitoring", "cadence", "order",
                  *OWNER_FIELDS]
        widgets = {"title": forms.Textarea(attrs={"rows": 3}),
                   "approach": forms.Textarea(attrs={"rows": 3}),
                   "monitoring": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, organization=organization, **kwargs)
        self.fields["recommendation"].queryset = organization.recommendations.all()
        self.fields["indicator"].queryset = Indicator.objects.select_related("year").order_by(
            "-year__year", "number")
        self.fields["indicator"].label_from_instance = indicator_label

    def clean(self):
        data = super().clean()
        check_form_ranges(self, years=["fiscal_year"], smalls=["order"])
        return data
