"""Published documents: the admins' page (publish, withdraw; members read it) and the public
pages (the list, each PDF at its stable address; framed only by the organisation's websites)."""

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_POST

from disclosure.public_views import framed_by_own_websites
from indicators.years import default_year
from ita_portal import files
from organizations.models import Organization
from organizations.scoping import require_member
from reports import publishing
from reports.bundle import bundle_name, write_bundle
from reports.models import PublishedDocument
from reports.permissions import can_publish_documents, require_publisher
from reports.publication_forms import PublishForm, WithdrawForm
from reports.publishing import publish_document, withdraw_document


def _public_url(request):
    def url(document):
        return request.build_absolute_uri(reverse(
            "public-document", args=[document.organization.slug, document.pk]))
    return url


@login_required
def published_list(request):
    organization = require_member(request.user)
    can_publish = can_publish_documents(request.user, organization)
    if request.method == "POST":
        require_publisher(request.user, organization)
    form = PublishForm(request.POST or None, request.FILES or None, organization=organization,
                       year=default_year(request.user)) if can_publish else None
    if request.method == "POST" and form.is_valid():
        try:
            publish_document(organization=organization, by=request.user,
                             public_url=_public_url(request), upload=form.cleaned_data["file"],
                             **{k: form.cleaned_data[k] for k in ("title", "export", "oit_item")})
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "เผยแพร่เอกสารแล้ว")
            return redirect("published-documents")
    documents = (PublishedDocument.objects.filter(organization=organization)
                 .select_related("published_by", "withdrawn_by", "oit_item", "export"))
    return render(request, "reports/published.html", {
        "organization": organization, "documents": documents, "form": form,
        "can_publish": can_publish, "withdraw_form": WithdrawForm()},
        status=400 if form is not None and form.errors else 200)


@login_required
@require_POST
def published_withdraw(request, pk):
    organization = require_member(request.user)
    document = get_object_or_404(PublishedDocument, pk=pk, organization=organization)
    require_publisher(request.user, organization)
    form = WithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["reason"])
        withdraw_document(document=document, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"ถอนการเผยแพร่ “{document.title}” แล้ว")
    return redirect("published-documents")


@login_required
def published_bundle(request):
    """The public pages of the year as a ZIP for a main website that takes only uploads."""
    organization = require_member(request.user)
    year = default_year(request.user)
    target = tempfile.TemporaryFile()
    write_bundle(organization, year, target, request.build_absolute_uri)
    target.seek(0)
    return FileResponse(target, as_attachment=True, content_type="application/zip",
                        filename=f"{bundle_name(organization, year)}.zip")


def _public_organization(slug):
    return get_object_or_404(Organization, slug=slug, is_active=True)


@cache_control(public=True, max_age=300)
@xframe_options_exempt
def public_documents(request, slug):
    organization = _public_organization(slug)
    documents = publishing.public_documents(organization)
    response = render(request, "reports/public_documents.html", {
        "organization": organization, "documents": documents, "as_of": timezone.localdate(),
        "home": organization.domains[:1]})
    return framed_by_own_websites(response, organization)


@cache_control(public=True, max_age=300)
@xframe_options_exempt
def public_document(request, slug, pk):
    organization = _public_organization(slug)
    document = get_object_or_404(PublishedDocument, pk=pk, organization=organization)
    if document.withdrawn_at is not None:
        response = render(request, "reports/public_withdrawn.html", {
            "organization": organization, "document": document,
            "home": organization.domains[:1]}, status=410)
        return framed_by_own_websites(response, organization)
    response = files.download(document.file, f"{document.title[:80]}.pdf", inline=True)
    return framed_by_own_websites(response, organization)
