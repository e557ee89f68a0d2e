from django import forms

from disclosure.models import EvidenceLink, ItemStatus
from ita_portal.bounds import check_form_ranges
from organizations.models import Department, Position


class ItemForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label="สถานะ", choices=ItemStatus.choices)
    urls = forms.CharField(label="URL หลักฐานบนเว็บไซต์หลัก (บรรทัดละหนึ่ง URL)", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    explanation = forms.CharField(label="คำอธิบายสำหรับ ITAS", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    owner_department = forms.ModelChoiceField(label="สำนัก/กองที่รับผิดชอบ", required=False,
                                              queryset=Department.objects.none())
    owner_position = forms.ModelChoiceField(label="ตำแหน่งที่รับผิดชอบ", required=False,
                                            queryset=Position.objects.none())
    due_date = forms.DateField(label="กำหนดเสร็จ", required=False, widget=forms.DateInput(
        attrs={"type": "date"}, format="%Y-%m-%d"), error_messages={"invalid": "วันที่ไม่ถูกต้อง"})

    def __init__(self, *args, item, **kwargs):
        links = getattr(item, "active_links", None) or item.links.filter(removed_at=None)
        kwargs.setdefault("initial", {
            "version": item.version, "status": item.status, "explanation": item.explanation,
            "owner_department": item.owner_department_id,
            "owner_position": item.owner_position_id, "due_date": item.due_date,
            "urls": "\n".join(link.url for link in links)})
        super().__init__(*args, **kwargs)
        org = item.organization
        self.fields["owner_department"].queryset = Department.objects.filter(organization=org)
        self.fields["owner_position"].queryset = Position.objects.filter(organization=org)

    def clean(self):
        data = super().clean()
        lines = [u.strip() for u in data.get("urls", "").splitlines() if u.strip()]
        data["url_lines"] = lines
        check_form_ranges(self, dates=["due_date"])
        longest = EvidenceLink._meta.get_field("url").max_length
        if any(len(line) > longest for line in lines):
            self.add_error("urls", f"URL ยาวเกิน {longest} ตัวอักษร")
        if data.get("status") == ItemStatus.PRESENT and not lines:
            self.add_error("urls", "ข้อที่ตอบว่า “มี” ต้องมี URL หลักฐานอย่างน้อยหนึ่งรายการ")
        return data
