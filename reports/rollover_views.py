"""The admin previews and confirms moving the organisation into a new year."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from organizations.permissions import require_org_admin
from organizations.scoping import require_member
from reports import rollover


@login_required
def rollover_view(request, year):
    organization = require_member(request.user)
    require_org_admin(request.user, organization)
    try:
        rollover_plan = rollover.plan(organization, year)
    except ValidationError as error:
        raise Http404(error.messages[0]) from None
    if request.method == "POST":
        closing = {m.pk: request.POST.get(f"reason-{m.pk}", "")
                   for m in rollover_plan.measures if request.POST.get(f"m-{m.pk}") == "close"}
        try:
            done = rollover.apply(organization, year, by=request.user, closing=closing)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"ย้ายเข้าปี {year} แล้ว: ยกข้อมูล OIT {done['items']} ข้อ "
                                      f"ยกมาตรการ {done['carried']} มาตรการ "
                                      f"ปิด {done['closed']} มาตรการ")
            return redirect("checklist", year=year)
    return render(request, "reports/rollover.html", {"plan": rollover_plan},
                  status=400 if request.method == "POST" else 200)
