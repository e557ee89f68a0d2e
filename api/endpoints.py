"""The read-only API, version 1 (django-ninja: typed shapes give the OpenAPI document).
Every call carries `Authorization: Bearer <key>`; a token reads only the organisations it may
(api.permissions.readable_organizations): anything else is 404, as if it did not exist."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI
from ninja.security import HttpBearer

from api import readers
from api.permissions import readable_organizations
from api.schemas import (
    ChecklistOut,
    DocumentOut,
    MeasuresOut,
    OrganizationOut,
    Problem,
    YearResultOut,
)
from api.tokens import authenticate
from ita_portal.bounds import YEAR_MAX, YEAR_MIN


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        return authenticate(token)


api = NinjaAPI(title="ITA Portal API", version="1", urls_namespace="api-v1", docs_url=None,
               auth=TokenAuth(),
               description="อ่านข้อมูล ITA ของหน่วยงาน: ผลการประเมินทางการ รายการ OIT พร้อม URL "
                           "สรุปมาตรการ และเอกสารที่เผยแพร่ (อ่านอย่างเดียว)")


def _organization(request, slug):
    return get_object_or_404(readable_organizations(request.auth), slug=slug)


def _year(value):
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise Http404("ปีต้องเป็นปี พ.ศ.")
    return value


def _out(org):
    return {"slug": org.slug, "name": org.name_th, "kind": org.kind, "province": org.province,
            "websites": org.domains}


@api.get("/organizations", response=list[OrganizationOut], summary="หน่วยงานที่โทเคนอ่านได้")
def organizations(request):
    return [_out(org) for org in readable_organizations(request.auth).order_by("name_th")[:10000]]


@api.get("/organizations/{slug}/results", response={200: list[YearResultOut], 404: Problem},
         summary="ผลการประเมินทางการทุกปี")
def results(request, slug: str):
    return readers.results(_organization(request, slug))


@api.get("/organizations/{slug}/checklist/{year}", response={200: ChecklistOut, 404: Problem},
         summary="รายการ OIT ของปี: สถานะ URL และผลตรวจลิงก์")
def checklist(request, slug: str, year: int):
    return readers.checklist(_organization(request, slug), _year(year))


@api.get("/organizations/{slug}/measures/{fiscal_year}",
         response={200: MeasuresOut, 404: Problem}, summary="สรุปมาตรการของปีงบประมาณ")
def measures(request, slug: str, fiscal_year: int):
    return readers.measures(_organization(request, slug), _year(fiscal_year))


@api.get("/organizations/{slug}/documents", response={200: list[DocumentOut], 404: Problem},
         summary="เอกสารที่เผยแพร่อยู่")
def documents(request, slug: str):
    return readers.documents(_organization(request, slug))


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "ไม่พบข้อมูล"}, status=404)
