"""Forms of the operator's criteria pages; the services in indicators.editing write."""

from django import forms

from indicators.models import (
    MAX_YEAR,
    MIN_YEAR,
    AssessmentYear,
    CriteriaStatus,
    CrosswalkRelation,
    Indicator,
    OITItem,
    ResultBand,
    SubIndicator,
    Tool,
)
from ita_portal.thai import thai_digits

REASON = forms.CharField(label="เหตุผลของการแก้ไข (จำเป็นเมื่อเกณฑ์เผยแพร่แล้ว)", required=False,
                         max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class YearChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"ITA {thai_digits(obj.year)}"


class StartYearForm(forms.Form):
    source = YearChoiceField(label="เริ่มจากเกณฑ์ปี", queryset=AssessmentYear.objects.all(),
                             to_field_name="year")
    year = forms.IntegerField(label="ปีใหม่ (พ.ศ.)", min_value=MIN_YEAR, max_value=MAX_YEAR)


class YearForm(forms.ModelForm):
    reason = REASON

    class Meta:
        model = AssessmentYear
        fields = ["title_th", "result_kind", "target_score", "source_note"]
        widgets = {"source_note": forms.Textarea(attrs={"rows": 3})}


class ToolForm(forms.ModelForm):
    weight = forms.DecimalField(label="น้ำหนัก", min_value=0, max_value=1, decimal_places=3)

    class Meta:
        model = Tool
        fields = ["code", "name_th", "weight"]


class BandForm(forms.ModelForm):
    min_total = forms.DecimalField(label="คะแนนรวมขั้นต่ำ", min_value=0, max_value=100,
                                   decimal_places=2)
    min_each_tool = forms.DecimalField(label="คะแนนขั้นต่ำทุกเครื่องมือ", min_value=0,
                                       max_value=100, decimal_places=2, required=False)

    class Meta:
        model = ResultBand
        fields = ["label", "min_total", "min_each_tool"]


ToolFormSet = forms.modelformset_factory(Tool, form=ToolForm, extra=0)
IndicatorFormSet = forms.modelformset_factory(Indicator, fields=["name_th", "name_en"], extra=0)
BandFormSet = forms.modelformset_factory(ResultBand, form=BandForm, extra=0)
SubFormSet = forms.modelformset_factory(SubIndicator, fields=["code", "name_th"], extra=0)


class ItemForm(forms.ModelForm):
    reason = REASON

    class Meta:
        model = OITItem
        fields = ["code", "sub_indicator", "group_th", "name_th", "name_en", "data_period",
                  "evidence_th", "verified", "note_th", "portal_document"]
        widgets = {"evidence_th": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sub_indicator"].queryset = SubIndicator.objects.filter(
            indicator__year=year).select_related("indicator")


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(label="ข้อที่คงไว้", queryset=OITItem.objects.none())
    others = forms.ModelMultipleChoiceField(label="ข้อที่รวมเข้ามา", queryset=OITItem.objects.none(),
                                            widget=forms.CheckboxSelectMultiple)
    name_th = forms.CharField(label="ชื่อข้อหลังรวม (เว้นว่าง = ชื่อเดิม)", required=False,
                              max_length=300)
    reason = REASON

    def __init__(self, *args, year, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("keep", "others"):
            self.fields[name].queryset = year.oit_items.order_by("order")


class RemoveForm(forms.Form):
    replacement = forms.ModelChoiceField(label="ข้อที่รับข้อมูลแทน", required=False,
                                         queryset=OITItem.objects.none())
    reason = REASON

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replacement"].queryset = item.year.oit_items.exclude(pk=item.pk)


class PublishForm(forms.Form):
    status = forms.ChoiceField(label="เผยแพร่เป็น", choices=[
        (CriteriaStatus.PROVISIONAL, CriteriaStatus.PROVISIONAL.label),
        (CriteriaStatus.CONFIRMED, CriteriaStatus.CONFIRMED.label)])
    reason = REASON


class ImportForm(forms.Form):
    file = forms.FileField(label="ไฟล์เกณฑ์ (.json หรือ .xlsx ที่ส่งออกจากระบบ)")
    year = forms.IntegerField(label="นำเข้าเป็นปี (เว้นว่าง = ปีในไฟล์)", required=False,
                              min_value=MIN_YEAR, max_value=MAX_YEAR)


RELATIONS = [(r.value, r.label) for r in CrosswalkRelation if r != CrosswalkRelation.REMOVED]
