from django import forms


class TokenForm(forms.Form):
    name = forms.CharField(label="ใช้กับระบบใด (เช่น เว็บไซต์เทศบาล, ระบบของจังหวัด)",
                           max_length=120,
                           error_messages={"required": "กรุณาระบุว่าใช้โทเคนนี้กับระบบใด"})
