"""The organisation admin's people pages: list, add (invite or temporary password), change,
deactivate/reactivate, hand over. Every view starts from require_org_admin."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from organizations import handover, people, twofactor
from organizations.models import User
from organizations.people_forms import HandoverForm, InviteForm, PersonForm
from organizations.permissions import require_org_admin
from organizations.scoping import require_member


def _admin_org(request):
    organization = require_member(request.user)
    require_org_admin(request.user, organization)
    return organization


def _person(request, pk):
    organization = _admin_org(request)
    return organization, get_object_or_404(User, pk=pk, organization=organization)


def people_list(request):
    organization = _admin_org(request)
    members = (User.objects.filter(organization=organization)
               .select_related("department", "position")
               .order_by("-is_active", "department__order", "first_name", "username"))
    return render(request, "organizations/people.html", {
        "organization": organization, "members": members,
        "with_two_factor": set(twofactor.enrolled_user_ids(members))})


def person_new(request):
    organization = _admin_org(request)
    form = InviteForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in PersonForm.Meta.fields}
        if form.cleaned_data["how"] == "invite":
            user = people.invite_user(organization=organization, by=request.user,
                                      base_url=request.build_absolute_uri("/")[:-1], **fields)
            messages.success(request, f"ส่งคำเชิญถึง {user.email} แล้ว (ใช้ได้ ๗๒ ชั่วโมง)")
            return redirect("people")
        user, password = people.create_user_with_password(organization=organization, **fields)
        return render(request, "organizations/person_created.html",
                      {"person": user, "password": password})
    return render(request, "organizations/person_form.html", {"form": form, "new": True},
                  status=400 if form.errors else 200)


def person_edit(request, pk):
    organization, person = _person(request, pk)
    form = PersonForm(request.POST or None, instance=person, organization=organization)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"บันทึกข้อมูลของ {person} แล้ว")
        return redirect("people")
    return render(request, "organizations/person_form.html", {"form": form, "person": person},
                  status=400 if form.errors else 200)


@require_POST
def person_active(request, pk):
    _, person = _person(request, pk)
    try:
        if request.POST.get("active") == "1":
            people.reactivate_user(person)
            messages.success(request, f"เปิดใช้บัญชีของ {person} อีกครั้งแล้ว")
        else:
            people.deactivate_user(person, by=request.user)
            messages.success(request, f"ระงับบัญชีของ {person} แล้ว (ประวัติยังเก็บชื่อไว้)")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("people")


@require_POST
def person_two_factor_reset(request, pk):
    _, person = _person(request, pk)
    try:
        people.reset_two_factor(person, by=request.user)
        messages.success(request, f"รีเซ็ตการยืนยันตัวตนสองขั้นตอนของ {person} แล้ว "
                                  "ผู้ใช้จะตั้งค่าใหม่เมื่อเข้าสู่ระบบครั้งถัดไป")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("people")


def person_handover(request, pk):
    _, person = _person(request, pk)
    form = HandoverForm(request.POST if request.method == "POST" else None, person=person)
    if request.method == "POST" and form.is_valid():
        moved = handover.apply(person, to_user=form.cleaned_data["to_user"],
                               to_position=form.cleaned_data["to_position"], by=request.user)
        target = form.cleaned_data["to_user"] or form.cleaned_data["to_position"]
        summary = ", ".join(f"{label} {count}" for label, count in moved)
        messages.success(request, f"ส่งต่องานของ {person} ให้ {target} แล้ว: {summary}")
        return redirect("people")
    return render(request, "organizations/handover.html", {
        "person": person, "form": form, "preview": handover.preview(person),
    }, status=400 if form.errors else 200)
