
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('measures', '0003_measure_event'),
    ]

    operations = [
        migrations.AlterField(
            model_name='remindersent',
            name='kind',
            field=models.CharField(choices=[('due_14', 'ครบกำหนดภายใน ๑๔ วัน'), ('due_3', 'ครบกำหนดภายใน ๓ วัน'), ('overdue', 'เลยกำหนดแล้ว'), ('stale_60', 'ไม่มีรายงานความคืบหน้านานเกินกำหนด')], max_length=16, verbose_name='ประเภท'),
        ),
    ]
