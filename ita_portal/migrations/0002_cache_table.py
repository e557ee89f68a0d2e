"""The database cache's table (settings.CACHES): shared counters such as the password-reset
throttle must be the same on every worker and server, which a per-process cache is not."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):

    dependencies = [("ita_portal", "0001_job")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
