"""Forms of publishing: the decision to publish (a frozen report or an uploaded PDF, the OIT
item it answers) and the withdrawal with its reason."""

from django import forms
from django.conf import settings

from indicators.models import OITItem
from ita_portal.thai import thai_date, thai_digits
from reports.models import ReportExport, ReportKind


class ExportChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return (f"{obj.get_kind_display()} ปีงบประมาณ {thai_digits(obj.fiscal_year)} "
                f"(จัดทำ {thai_date(obj.created_at, short=True, digits=True)})")


class ItemChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name_th}"


class PublishForm(forms.Form):
    title = forms.CharField(label="ชื่อเอกสารที่แสดงต่อสาธารณะ", max_length=200,
                            error_messages={"required": "กรุณาระบุชื่อเอกสาร"})
    export = ExportChoice(label="รายงานของระบบ", required=False,
                          queryset=ReportExport.objects.none(),
                          empty_label="— ไม่ใช้ (แนบไฟล์ PDF แทน) —")
    file = forms.FileField(label="หรือแนบไฟล์ PDF", required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}))
    oit_item = ItemChoice(label="ใช้เป็นหลักฐานของข้อ OIT", required=False,
                          queryset=OITItem.objects.none(), empty_label="— ไม่ผูกกับข้อ OIT —")

    def __init__(self, *args, organization, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["export"].queryset = (
            ReportExport.objects.filter(organization=organization)
            .exclude(kind=ReportKind.MEETING).exclude(file=""))
        self.fields["oit_item"].queryset = (OITItem.objects.filter(year__year=year)
                                            .order_by("order", "code"))
        self.fields["file"].widget.attrs["data-max-bytes"] = settings.EVIDENCE_MAX_BYTES
        for name in ("export", "oit_item"):
            self.fields[name].error_messages["invalid_choice"] = "เลือกจากรายการ"

    def clean(self):
        data = super().clean()
        if bool(data.get("export")) == bool(data.get("file")):
            raise forms.ValidationError(
                "เลือกรายงานของระบบ หรือแนบไฟล์ PDF อย่างใดอย่างหนึ่ง")
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="เหตุผลที่ถอนการเผยแพร่", max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "กรุณาระบุเหตุผลที่ถอนการเผยแพร่"})
