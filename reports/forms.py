from django import forms

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

    def clean(self):
        data = super().clean()
        taken = Meeting.objects.filter(committee=data.get("committee"),
                                       fiscal_year=data.get("fiscal_year"),
                                       number=data.get("number"))
        if taken.exists():
            self.add_error("number", "มีการประชุมครั้งที่นี้ของคณะกรรมการนี้ในปีนี้แล้ว")
        return data


class ExportForm(forms.Form):
    kind = forms.ChoiceField(label="รายงาน", choices=ReportKind.choices)
    fiscal_year = forms.TypedChoiceField(label="ปีงบประมาณ", coerce=int)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].choices = [(y, f"พ.ศ. {y}") for y in years]
        self.fields["fiscal_year"].error_messages["invalid_choice"] = (
            "เลือกปีงบประมาณจากรายการ")
        self.fields["kind"].error_messages["invalid_choice"] = "เลือกรายงานจากรายการ"
