from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils import timezone

from ita_portal.bounds import date_problem
from measures.models import Status
from measures.workflow import allowed_targets


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class ProgressUpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reported_on = forms.DateField(
        label="วันที่ดำเนินการ",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "กรุณาระบุวันที่ดำเนินการ", "invalid": "วันที่ไม่ถูกต้อง"})
    note = forms.CharField(label="ผลการดำเนินงาน", widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "กรุณาบรรยายผลการดำเนินงาน"})
    percent = forms.IntegerField(label="ความคืบหน้า (%)", min_value=0, max_value=100,
                                 error_messages={"required": "กรุณาระบุความคืบหน้า",
                                                 "min_value": "ความคืบหน้าต้องอยู่ระหว่าง 0–100",
                                                 "max_value": "ความคืบหน้าต้องอยู่ระหว่าง 0–100",
                                                 "invalid": "ความคืบหน้าต้องเป็นตัวเลข"})
    status = forms.ChoiceField(label="สถานะ", choices=Status.choices)
    files = MultipleFileField(label="ไฟล์หลักฐาน (PDF, รูปภาพ, Word, Excel)", required=False)
    urls = forms.CharField(label="ลิงก์หลักฐาน (บรรทัดละหนึ่งลิงก์)", required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, measure=None, is_admin=False, **kwargs):
        initial = kwargs.setdefault("initial", {})
        if measure is not None:
            initial.setdefault("version", measure.version)
            initial.setdefault("percent", measure.percent)
            initial.setdefault("status", measure.status)
        initial.setdefault("reported_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["files"].widget.attrs["data-max-bytes"] = settings.EVIDENCE_MAX_BYTES
        if measure is not None:
            self._offer_allowed_statuses(measure, is_admin)

    def _offer_allowed_statuses(self, measure, is_admin):
        """The current status and the moves the workflow allows this user, nothing else."""
        allowed = {measure.status} | allowed_targets(measure.status, is_admin)
        field = self.fields["status"]
        field.choices = [(value, label) for value, label in Status.choices if value in allowed]
        field.error_messages["invalid_choice"] = (
            f"เปลี่ยนสถานะจาก “{measure.get_status_display()}” เป็นสถานะที่เลือกไม่ได้ "
            "กรุณาเลือกจากรายการ")

    def clean_reported_on(self):
        reported_on = self.cleaned_data["reported_on"]
        if problem := date_problem(reported_on):
            raise forms.ValidationError(problem)
        return reported_on

    def clean_urls(self):
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for url in urls:
            try:
                validate(url)
            except forms.ValidationError:
                raise forms.ValidationError(f"ลิงก์ไม่ถูกต้อง: {url}") from None
        return urls


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label="สถานะใหม่", choices=Status.choices)
    note = forms.CharField(label="หมายเหตุ/เหตุผล", required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ApprovalForm(forms.Form):
    """The division head's decision on a finished measure."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label="ผลการพิจารณา", widget=forms.RadioSelect, choices=[
        ("approve", "รับรองผลการดำเนินงาน"), ("return", "ส่งกลับให้ดำเนินการเพิ่มเติม")])
    note = forms.CharField(label="ความเห็น (ต้องระบุเมื่อส่งกลับ)", required=False,
                           max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
