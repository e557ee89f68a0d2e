"""List pages as PDFs, rendered by a job (a long list takes seconds to lay out).

An app registers each of its lists in its AppConfig.ready(): `check(user)` runs in the request
and returns the organisation the rows come from (or raises PermissionDenied); `build(user,
params, organization_id)` runs in the worker and returns the keyword arguments of
`pdf_lists.list_document` plus `filename`. This module never imports the apps above it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from ita_portal import jobs
from ita_portal.models import ListExport
from ita_portal.pdf_lists import list_document

LIST_PDF = "lists.pdf"
PARAMS_MAX = 2000
KEEP_DAYS = 7  # a list's PDF is a download of the moment: asked again, it is made again
_lists = {}


@dataclass(frozen=True)
class Registered:
    check: callable
    build: callable


def register(kind, check, build):
    _lists[kind] = Registered(check, build)


def is_registered(kind):
    return kind in _lists


def check(kind, user):
    """The organisation whose rows `user` may have as a PDF of `kind` (or PermissionDenied)."""
    return _lists[kind].check(user)


@transaction.atomic
def start(*, kind, params, by):
    """Queue the PDF of the list `kind` with these filters; while the same person's same
    export is unfinished, or finished from the organisation's data as it is now, return it."""
    organization = check(kind, by)
    params = params[:PARAMS_MAX]
    same = ListExport.objects.filter(kind=kind, params=params, organization_id=organization.pk,
                                     requested_by=by)
    unfinished = jobs.unfinished_ids(LIST_PDF)
    running = same.filter(pk__in=unfinished).first()
    if running is not None:
        return running
    version = organization.data_version  # read as the request began, before any of its rows
    current = (same.filter(data_version=version).exclude(file="").exclude(pk__in=unfinished)
               .order_by("-pk").first())
    if current is not None:  # nothing changed since it was made: handed over at once
        return current
    export = ListExport.objects.create(kind=kind, params=params, requested_by=by,
                                       organization_id=organization.pk, data_version=version)
    jobs.enqueue(LIST_PDF, export.pk)
    return export


def job_of(export):
    return jobs.latest(LIST_PDF, export.pk)


@jobs.work(LIST_PDF, failed="สร้าง PDF ของรายการไม่สำเร็จ โปรดลองใหม่หรือแจ้งผู้ดูแลระบบ")
def render(job):
    export = ListExport.objects.select_related("requested_by").get(pk=job.object_id)
    jobs.report(job, 20, "รวบรวมข้อมูล")
    content = _lists[export.kind].build(export.requested_by, QueryDict(export.params),
                                        export.organization_id)
    filename = content.pop("filename")
    jobs.report(job, 50, "จัดหน้า")
    document = list_document(**content)
    jobs.report(job, 80, "เขียนไฟล์ PDF")
    data = document.write_pdf()
    export.file.save(f"{filename}-{export.pk}.pdf", ContentFile(data), save=False)
    export.title, export.filename = content["title"][:300], filename[:120]
    export.pages = len(document.pages)
    export.save(update_fields=["file", "title", "filename", "pages"])


def prune(days=KEEP_DAYS):
    """Delete the list PDFs (rows and files) asked for more than `days` ago whose job is
    over; return how many went. A file already gone from storage is not an error."""
    unfinished = jobs.unfinished_ids(LIST_PDF)
    old = (ListExport.objects.filter(created_at__lt=timezone.now() - timedelta(days=days))
           .exclude(pk__in=unfinished))
    deleted = 0
    for export in old.iterator(chunk_size=500):
        if export.file:
            export.file.delete(save=False)
        export.delete()
        deleted += 1
    return deleted
