from django import forms

from imports.upload import MAX_BYTES, TOO_LARGE
from indicators.models import MAX_YEAR, MIN_YEAR
from organizations.models import Department, Position

ALLOWED = (".pdf", ".docx", ".txt", ".tsv", ".xlsx")


class DocumentForm(forms.Form):
    fiscal_year = forms.IntegerField(label="ปีงบประมาณของมาตรการ (พ.ศ.)", min_value=MIN_YEAR,
                                     max_value=MAX_YEAR,
                                     error_messages={"required": "ระบุปีงบประมาณ",
                                                     "invalid": "ปีงบประมาณต้องเป็นตัวเลข",
                                                     "min_value": "ปีงบประมาณต้องเป็น พ.ศ.",
                                                     "max_value": "ปีงบประมาณต้องเป็น พ.ศ."})
    file = forms.FileField(label="ไฟล์ PDF, Word (.docx), Excel จากแบบฟอร์ม (.xlsx) หรือข้อความ (.txt)",
                           required=False)
    text = forms.CharField(label="หรือวางข้อความ/ตารางที่คัดลอกจาก Word หรือ PDF",
                           widget=forms.Textarea(attrs={"rows": 10}), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(ALLOWED):
            raise forms.ValidationError("รองรับเฉพาะไฟล์ .pdf, .docx, .xlsx, .txt หรือ .tsv")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError("เลือกไฟล์หรือวางข้อความอย่างใดอย่างหนึ่ง")
        return data

    def source(self):
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), "ข้อความที่วาง"


class OwnerMappingForm(forms.Form):
    """One choice per owner name the organisation does not know yet."""

    def __init__(self, *args, organization, names, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("new", "เพิ่มเป็นตำแหน่งใหม่"), ("text", "เก็บเป็นข้อความเท่านั้น")]
        choices += [(f"d{d.pk}", f"สำนัก/กอง: {d.name_th}")
                    for d in Department.objects.filter(organization=organization)]
        choices += [(f"p{p.pk}", f"ตำแหน่ง: {p.name_th}")
                    for p in Position.objects.filter(organization=organization)]
        self.names = names
        for index, name in enumerate(names):
            self.fields[f"owner_{index}"] = forms.ChoiceField(label=name, choices=choices,
                                                              initial="new")

    def mapping(self):
        result = {}
        for index, name in enumerate(self.names):
            value = self.cleaned_data[f"owner_{index}"]
            if value == "new":
                result[name] = "new"
            elif value == "text":
                result[name] = None
            else:
                model = Department if value[0] == "d" else Position
                result[name] = model.objects.get(pk=int(value[1:]))
        return result


class ScoresForm(forms.Form):
    file = forms.FileField(label="ไฟล์คะแนน (.csv หรือ .xlsx)",
                           error_messages={"required": "เลือกไฟล์คะแนน"})
    dry_run = forms.BooleanField(label="ตรวจอย่างเดียว ยังไม่บันทึก", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("รองรับเฉพาะไฟล์ .csv หรือ .xlsx")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload
