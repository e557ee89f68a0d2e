import django_filters
from django.db.models import Q
from django.utils import timezone

from indicators.models import Indicator
from indicators.years import year_in_progress
from ita_portal.thai import thai_digits
from measures.deadlines import overdue_q
from measures.models import Measure, Status
from measures.selectors import fiscal_years_with_measures, visible_measures, with_list_data
from organizations.models import Department


def indicator_label(indicator):
    """"ตัวชี้วัดที่ ๒ การใช้งบประมาณ (ITA ๒๕๖๔)": the picker names each year."""
    return thai_digits(f"ตัวชี้วัดที่ {indicator.number} {indicator.name_th} "
                       f"(ITA {indicator.year.year})")


class MeasureFilter(django_filters.FilterSet):
    fiscal_year = django_filters.ChoiceFilter(label="ปีงบประมาณ", empty_label=None)
    indicator = django_filters.ModelChoiceFilter(
        label="ตัวชี้วัด", field_name="indicators", queryset=Indicator.objects.none(),
        empty_label="ทุกตัวชี้วัด")
    department = django_filters.ModelChoiceFilter(
        label="สำนัก/กอง", queryset=Department.objects.none(), method="filter_department",
        empty_label="ทุกสำนัก/กอง")
    status = django_filters.ChoiceFilter(label="สถานะ", choices=Status.choices,
                                         empty_label="ทุกสถานะ")
    overdue = django_filters.ChoiceFilter(
        label="กำหนดเวลา", method="filter_overdue", empty_label="ทั้งหมด",
        choices=[("true", "เลยกำหนด"), ("false", "ยังไม่เลยกำหนด")])
    q = django_filters.CharFilter(label="ค้นหา", method="filter_text")

    class Meta:
        model = Measure
        fields = ["fiscal_year", "indicator", "department", "status", "overdue", "q"]

    def __init__(self, data=None, *args, organization, years, **kwargs):
        data = data.copy() if data is not None else {}
        if years and not data.get("fiscal_year"):
            current = year_in_progress()
            data["fiscal_year"] = str(current if current in years else years[0])
        super().__init__(data, *args, **kwargs)
        self.filters["fiscal_year"].extra["choices"] = [(y, f"พ.ศ. {thai_digits(y)}")
                                                        for y in years]
        self.filters["department"].queryset = Department.objects.filter(organization=organization)
        self.filters["indicator"].queryset = (
            Indicator.objects.filter(measures__organization=organization).distinct()
            .select_related("year").order_by("year__year", "number"))
        self.form.fields["indicator"].label_from_instance = indicator_label

    def filter_department(self, queryset, name, value):
        positions = value.positions.values("pk")
        return queryset.filter(Q(owner_departments=value) | Q(owner_positions__in=positions)
                               | Q(owned_by_everyone=True)).distinct()

    def filter_overdue(self, queryset, name, value):
        q = overdue_q(timezone.localdate())
        return queryset.filter(q) if value == "true" else queryset.exclude(q)

    def filter_text(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(Q(title__icontains=word) | Q(steps__text__icontains=word)
                                       | Q(owner_text__icontains=word)).distinct()
        return queryset


def filtered_measures(user, params, organization):
    """(filter, rows, years) of the measure list for these GET parameters: the page, its
    downloads and its PDF job show the same rows."""
    years = fiscal_years_with_measures(user)
    measure_filter = MeasureFilter(params, queryset=with_list_data(visible_measures(user)),
                                   organization=organization, years=years)
    return measure_filter, measure_filter.qs.order_by("number", "pk"), years
