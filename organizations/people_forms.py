"""Forms of the people pages; choices always limited to the admin's own organisation."""

from django import forms

from organizations.models import Department, Organization, Position, Role, User

MEMBER_ROLES = [(r.value, r.label) for r in Role if r != Role.OVERSEER]


class PersonForm(forms.ModelForm):
    role = forms.ChoiceField(label="บทบาท", choices=MEMBER_ROLES)

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "department",
                  "position", "is_committee_chair"]

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(
            organization=organization, is_retired=False)
        self.fields["position"].queryset = Position.objects.filter(
            organization=organization, is_retired=False)
        self.instance.organization = organization


class InviteForm(PersonForm):
    how = forms.ChoiceField(label="วิธีเพิ่มผู้ใช้", widget=forms.RadioSelect, initial="invite",
                            choices=[("invite", "ส่งคำเชิญทางอีเมล (ผู้ใช้ตั้งรหัสผ่านเอง)"),
                                     ("password", "สร้างรหัสผ่านชั่วคราว (แสดงครั้งเดียว)")])

    def clean(self):
        data = super().clean()
        if data.get("how") == "invite" and not data.get("email"):
            self.add_error("email", "ต้องกรอกอีเมลเพื่อส่งคำเชิญ")
        return data


class HandoverForm(forms.Form):
    to_user = forms.ModelChoiceField(label="ส่งต่อให้ผู้ใช้", queryset=User.objects.none(),
                                     required=False)
    to_position = forms.ModelChoiceField(label="หรือส่งต่อให้ตำแหน่ง",
                                         queryset=Position.objects.none(), required=False)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_user"].queryset = User.objects.filter(
            organization_id=person.organization_id, is_active=True).exclude(pk=person.pk)
        self.fields["to_position"].queryset = Position.objects.filter(
            organization_id=person.organization_id, is_retired=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("to_user")) == bool(data.get("to_position")):
            raise forms.ValidationError("เลือกผู้รับงานหนึ่งอย่าง: ผู้ใช้ หรือ ตำแหน่ง")
        return data


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name_th", "aliases", "order"]


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = ["name_th", "department", "aliases", "heads_department"]

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(
            organization=organization, is_retired=False)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label="รวมเข้ากับ", queryset=Department.objects.none())

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = queryset


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name_th", "kind", "province", "website_domains", "logo"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and getattr(logo, "size", 0) > 2 * 1024 * 1024:
            raise forms.ValidationError("ไฟล์ตราสัญลักษณ์ต้องไม่เกิน 2 MB")
        return logo
