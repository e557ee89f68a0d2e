"""The trail as pages: one object's history, and the organisation-wide audit page (admins)
with CSV export."""

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from ita_portal.spreadsheets import csv_response
from organizations import audit_trail
from organizations.people_views import _admin_org
from organizations.scoping import visible_organizations


def _rows(page):
    return audit_trail.rows(page.object_list)


@login_required
def object_history(request, app_label, model, pk):
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist as missing:
        raise Http404("ไม่พบข้อมูล") from missing
    entries = audit_trail.entries_for_object(content_type, pk)
    latest = entries.first()
    org_id = latest.additional_data.get("organization_id") if latest and latest.additional_data \
        else None
    allowed = (request.user.is_superuser if org_id is None
               else visible_organizations(request.user).filter(pk=org_id).exists())
    if latest is None or not allowed:
        raise Http404("ไม่พบประวัติ")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "organizations/history.html", {
        "title": latest.object_repr, "kind": audit_trail.model_label(latest),
        "page": page, "rows": _rows(page), "actions": audit_trail.ACTIONS})


def audit_page(request):
    organization = _admin_org(request)
    entries = audit_trail.entries_for_organization(organization)
    if request.GET.get("export") == "csv":
        rows = audit_trail.csv_rows(entries)
        headers = next(rows)
        return csv_response(headers, (_safe(row) for row in rows),
                            f"audit-{organization.slug}")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "organizations/audit.html", {
        "organization": organization, "page": page, "rows": _rows(page),
        "actions": audit_trail.ACTIONS})


def _safe(row):
    """Cells a spreadsheet would run as a formula are written as text."""
    return [f"'{cell}" if str(cell)[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
            for cell in row]
