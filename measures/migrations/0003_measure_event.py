"""StatusChange becomes MeasureEvent with a kind: step ticks were stored as the pseudo-statuses
"step_open"/"step_done"; they become kinds, and admin edits and imports get rows too."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


def step_ticks_to_kinds(apps, schema_editor):
    events = apps.get_model("measures", "MeasureEvent").objects
    events.filter(to_status="step_done").update(kind="step_done", from_status="", to_status="")
    events.filter(to_status="step_open").update(kind="step_reopened", from_status="",
                                                to_status="")
    # the roll-over wrote "carried on as measure N" as a change from a status to itself
    events.filter(kind="status", from_status=F("to_status")).update(kind="carried")


def kinds_to_step_ticks(apps, schema_editor):
    events = apps.get_model("measures", "MeasureEvent").objects
    events.filter(kind="step_done").update(from_status="step_open", to_status="step_done")
    events.filter(kind="step_reopened").update(from_status="step_done", to_status="step_open")
    events.filter(kind="carried").update(kind="status")
    events.exclude(kind__in=["status", "step_done", "step_reopened"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("measures", "0002_measure_carried_from"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("StatusChange", "MeasureEvent"),
        migrations.AlterModelOptions(name="measureevent", options={
            "ordering": ["measure", "at", "pk"], "verbose_name": "ประวัติมาตรการ",
            "verbose_name_plural": "ประวัติมาตรการ"}),
        migrations.AddField(
            model_name="measureevent", name="kind",
            field=models.CharField(choices=[
                ("status", "เปลี่ยนสถานะ"), ("step_done", "ทำเครื่องหมายขั้นตอนเสร็จ"),
                ("step_reopened", "ยกเลิกเครื่องหมายขั้นตอนเสร็จ"),
                ("edited", "แก้ไขข้อมูลมาตรการ"), ("created", "เพิ่มมาตรการ"),
                ("carried", "ยกไปดำเนินการต่อในปีงบประมาณถัดไป")],
                default="status", max_length=16, verbose_name="เหตุการณ์")),
        migrations.AlterField(
            model_name="measureevent", name="measure",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                    related_name="events", to="measures.measure",
                                    verbose_name="มาตรการ")),
        migrations.AlterField(
            model_name="measureevent", name="from_status",
            field=models.CharField(blank=True, max_length=16, verbose_name="จาก")),
        migrations.AlterField(
            model_name="measureevent", name="to_status",
            field=models.CharField(blank=True, max_length=16, verbose_name="เป็น")),
        migrations.AlterField(
            model_name="measureevent", name="by",
            field=models.ForeignKey(blank=True, null=True,
                                    on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to=settings.AUTH_USER_MODEL,
                                    verbose_name="โดย")),
        migrations.RunPython(step_ticks_to_kinds, kinds_to_step_ticks),
    ]
