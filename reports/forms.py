from django import forms

from reports.models import Committee, Meeting


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
