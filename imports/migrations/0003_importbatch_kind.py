from django.db import migrations, models


def kind_from_plan(apps, schema_editor):
    """Batches made before the field: the workbook ones said so inside their plan."""
    ImportBatch = apps.get_model("imports", "ImportBatch")
    for batch in ImportBatch.objects.only("pk", "plan").iterator():
        if isinstance(batch.plan, dict) and batch.plan.get("kind") == "workbook":
            ImportBatch.objects.filter(pk=batch.pk).update(kind="workbook")


class Migration(migrations.Migration):
    dependencies = [("imports", "0002_imported_object_changes")]

    operations = [
        migrations.AddField(
            model_name="importbatch",
            name="kind",
            field=models.CharField(
                choices=[("document", "เอกสารวิเคราะห์ผลและมาตรการ"),
                         ("workbook", "แบบฟอร์ม Excel")],
                default="document", max_length=10, verbose_name="ชนิด"),
        ),
        migrations.RunPython(kind_from_plan, migrations.RunPython.noop),
    ]
