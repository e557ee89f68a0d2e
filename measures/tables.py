import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from ita_portal.thai import thai_date, thai_digits, thai_period
from measures.presenters import owner_names


class MeasureTable(tables.Table):
    number = tables.Column(verbose_name="ที่")
    title = tables.Column(verbose_name="มาตรการ/แนวทาง", linkify=lambda record: reverse(
        "measure-detail", args=[record.pk]))
    owners = tables.Column(verbose_name="ผู้รับผิดชอบ", empty_values=(), orderable=False)
    end_date = tables.Column(verbose_name="ระยะเวลา")
    status = tables.Column(verbose_name="สถานะ")
    percent = tables.Column(verbose_name="ความคืบหน้า", attrs={"td": {"class": "num"}})
    last_update_at = tables.Column(verbose_name="รายงานล่าสุด")

    class Meta:
        template_name = "django_tables2/table.html"
        attrs = {"class": "measure-table"}
        order_by = ("number",)
        empty_text = "ไม่มีมาตรการตามเงื่อนไขที่เลือก"

    def render_owners(self, record):
        return owner_names(record)

    def render_end_date(self, record):
        return thai_period(record.start_date, record.end_date, record.fiscal_year)

    def render_status(self, record, value):
        label = format_html('<span class="badge status-{}">{}</span>', record.status, value)
        if record.is_overdue:
            return format_html('{} <span class="badge bad">เลยกำหนด</span>', label)
        if record.status == "done" and not record.approved_at:
            return format_html('{} <span class="badge warn">รอรับรองผล</span>', label)
        return label

    def render_number(self, value):
        return thai_digits(value)

    def render_percent(self, value):
        return f"ร้อยละ {thai_digits(value)}"

    def render_last_update_at(self, value):
        return thai_date(value, short=True, digits=True)
