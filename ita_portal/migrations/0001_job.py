
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='Job',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=40, verbose_name='ชนิดงาน')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='รหัสสิ่งที่ทำ')),
                ('state', models.CharField(choices=[('queued', 'รอคิว'), ('running', 'กำลังทำ'), ('done', 'เสร็จแล้ว'), ('failed', 'ไม่สำเร็จ')], default='queued', max_length=8, verbose_name='สถานะ')),
                ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='ความคืบหน้า (%)')),
                ('step', models.CharField(default='รอคิว', max_length=100, verbose_name='ขั้นตอน')),
                ('error', models.TextField(blank=True, verbose_name='ข้อผิดพลาด')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='จำนวนครั้งที่เริ่ม')),
                ('worker', models.CharField(blank=True, max_length=100, verbose_name='เครื่องและโพรเซสที่ทำ')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='สั่งเมื่อ')),
                ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='เริ่มเมื่อ')),
                ('heartbeat_at', models.DateTimeField(blank=True, null=True, verbose_name='ยังทำงานอยู่ล่าสุดเมื่อ')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='เสร็จเมื่อ')),
            ],
            options={
                'verbose_name': 'งานเบื้องหลัง',
                'verbose_name_plural': 'งานเบื้องหลัง',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['kind', 'object_id'], name='ita_portal__kind_4350f2_idx'), models.Index(fields=['state'], name='ita_portal__state_61faf9_idx')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('state__in', ('queued', 'running'))), fields=('kind', 'object_id'), name='one_unfinished_job_per_object')],
            },
        ),
    ]
