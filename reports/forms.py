from django import forms

from ita_portal.thai import fiscal_year_of, thai_digits
from reports.models import Committee, Meeting, ReportKind


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["committee", "fiscal_year", "number", "date", "place", "agenda"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "agenda": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = organization
        self.fields["committee"].queryset = Committee.objects.filter(organization=organization)

    def clean_fiscal_year(self):
        year = self.cleaned_data["fiscal_year"]
        if not 2500 <= year <= 2700:
            raise forms.ValidationError(
                "ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๗๐ (ไม่ใช่ ค.ศ.)")
        return year

    def clean_number(self):
        number = self.cleaned_data["number"]
        if not 1 <= number <= 99:
            raise forms.ValidationError("ครั้งที่ต้องอยู่ระหว่าง ๑ ถึง ๙๙")
        return number

    def clean(self):
        data = super().clean()
        day, year = data.get("date"), data.get("fiscal_year")
        if day and year and fiscal_year_of(day) != year:
            self.add_error("fiscal_year", f"ปีงบประมาณ {thai_digits(year)} ไม่ตรงกับวันประชุม "
                           f"(อยู่ในปีงบประมาณ {thai_digits(fiscal_year_of(day))})")
        taken = Meeting.objects.filter(committee=data.get("committee"),
                                       fiscal_year=data.get("fiscal_year"),
                                       number=data.get("number"))
        if taken.exists():
            self.add_error("number", "มีการประชุมครั้งที่นี้ของคณะกรรมการนี้ในปีนี้แล้ว")
        return data


class ExportForm(forms.Form):
    kind = forms.ChoiceField(label="รายงาน", choices=[(k, v) for k, v in ReportKind.choices
                                                      if k != ReportKind.MEETING])
    fiscal_year = forms.TypedChoiceField(label="ปีงบประมาณ", coerce=int)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].choices = [(y, f"พ.ศ. {thai_digits(y)}") for y in years]
        self.fields["fiscal_year"].error_messages["invalid_choice"] = (
            "เลือกปีงบประมาณจากรายการ")
        self.fields["kind"].error_messages["invalid_choice"] = "เลือกรายงานจากรายการ"


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["attendees", "absentees", "next_meeting_date"]
        widgets = {"attendees": forms.Textarea(attrs={"rows": 4}),
                   "absentees": forms.Textarea(attrs={"rows": 2}),
                   "next_meeting_date": forms.DateInput(attrs={"type": "date"},
                                                        format="%Y-%m-%d")}
