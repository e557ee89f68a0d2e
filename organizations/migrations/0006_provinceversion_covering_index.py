"""The country's count read from an index alone on PostgreSQL.

A publication to every organisation writes ~8,300 row versions of the province counts in one
transaction; the table keeps the pages they filled (132 pages for 10 rows, seen) and a sum
over the table reads them all on every overseer request. Vacuum empties the index's pages,
so an index-only scan of (province) INCLUDE (changes) reads a page or two. SQLite has no
non-key index columns and no such bloat: nothing to do there."""

from django.db import migrations

INDEX = "organizations_pv_changes"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {INDEX} ON organizations_provinceversion "
                              "(province) INCLUDE (changes)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):

    dependencies = [("organizations", "0005_provinceversion")]

    operations = [migrations.RunPython(create, drop)]
