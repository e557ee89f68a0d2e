
from django.db import migrations

STEPS = ("รอคิว", "รวบรวมข้อมูล", "จัดหน้า", "เขียนไฟล์ PDF", "เสร็จแล้ว")


def to_jobs(apps, schema_editor):
    """Each export and each closed meeting without its PDF gets the job that now holds state.

    Unfinished ones are written as running with no worker, so the worker queues them again
    when it starts (ita_portal.jobs.recover).
    """
    Job = apps.get_model("ita_portal", "Job")
    for export in apps.get_model("reports", "ReportExport").objects.all():
        unfinished = export.state in ("queued", "running")
        Job.objects.create(kind="reports.export", object_id=export.pk,
                           state="running" if unfinished else export.state,
                           progress=100 * export.step // 4, step=STEPS[export.step],
                           error=export.error, finished_at=export.finished_at)
    meetings = apps.get_model("reports", "Meeting").objects.filter(status="closed",
                                                                   report_file="")
    for meeting in meetings:
        Job.objects.create(kind="reports.meeting_pdf", object_id=meeting.pk,
                           state="failed" if meeting.report_error else "running",
                           error=meeting.report_error)


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0004_neutral_document_names'),
        ('ita_portal', '0001_job'),
    ]

    operations = [
        migrations.RunPython(to_jobs, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='meeting',
            name='report_error',
        ),
        migrations.RemoveField(
            model_name='reportexport',
            name='error',
        ),
        migrations.RemoveField(
            model_name='reportexport',
            name='finished_at',
        ),
        migrations.RemoveField(
            model_name='reportexport',
            name='state',
        ),
        migrations.RemoveField(
            model_name='reportexport',
            name='step',
        ),
    ]
