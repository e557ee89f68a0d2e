"""The three pipelines live in their own places, and a batch records which one it belongs to."""

import importlib

import pytest
from django.apps import apps as django_apps

from imports.models import ImportBatch, Pipeline
from imports.services import apply, pipeline_of, preview
from tests.imports.workbook_helpers import export, seeded

pytestmark = pytest.mark.django_db


def test_each_pipeline_is_a_package_or_module_of_its_own():
    for name in ("imports.document.source", "imports.document.recognise",
                 "imports.document.write", "imports.workbook.layout", "imports.workbook.apply",
                 "imports.workbook.export", "imports.scores"):
        importlib.import_module(name)


def test_the_batch_says_which_pipeline_read_it(criteria, org, org_admin, seed_bytes):
    seeded(org, org_admin, seed_bytes)
    document = ImportBatch.objects.get()
    assert document.kind == Pipeline.DOCUMENT
    # A workbook uploaded under any name is still read as a workbook, and applied as one.
    workbook = preview(organization=org, fiscal_year=2565, data=export(org), by=org_admin,
                       filename="ส่งจากไลน์")
    assert workbook.kind == Pipeline.WORKBOOK
    assert apply(batch=workbook, mapping={}, by=org_admin).summary["existing"]


def test_the_pipeline_is_chosen_by_content(criteria, org):
    assert pipeline_of(export(org), "x.bin") == Pipeline.WORKBOOK
    assert pipeline_of(b"%PDF-1.7 ...", "x.pdf") == Pipeline.DOCUMENT
    assert pipeline_of("ตัวชี้วัด".encode(), "x.txt") == Pipeline.DOCUMENT


def test_the_migration_reads_old_batches_kind_from_their_plan(criteria, org, org_admin):
    migration = importlib.import_module("imports.migrations.0003_importbatch_kind")
    old = ImportBatch.objects.create(organization=org, fiscal_year=2565, source_sha256="0",
                                     plan={"kind": "workbook", "rows": {}}, created_by=org_admin)
    text = ImportBatch.objects.create(organization=org, fiscal_year=2565, source_sha256="0",
                                      plan={"issues": []}, created_by=org_admin)
    migration.kind_from_plan(django_apps, None)
    old.refresh_from_db()
    text.refresh_from_db()
    assert (old.kind, text.kind) == (Pipeline.WORKBOOK, Pipeline.DOCUMENT)
