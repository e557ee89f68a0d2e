"""The measures list's columns, sorting and pagination (django-tables2). Rows are drawn by
templates/measures/_measure_row.html, the row every measure list shares: the table's own
per-cell rendering cost ~1 ms a row (bench/RESULTS.md, session 8)."""

import django_tables2 as tables


class MeasureTable(tables.Table):
    number = tables.Column(verbose_name="ที่", attrs={"th": {"class": "num"}})
    title = tables.Column(verbose_name="มาตรการ/แนวทาง")
    owners = tables.Column(verbose_name="ผู้รับผิดชอบ", empty_values=(), orderable=False)
    end_date = tables.Column(verbose_name="ระยะเวลา")
    status = tables.Column(verbose_name="สถานะ")
    percent = tables.Column(verbose_name="ความคืบหน้า", attrs={"th": {"class": "num"}})
    last_update_at = tables.Column(verbose_name="รายงานล่าสุด")

    class Meta:
        template_name = "measures/_measures_table.html"
        attrs = {"class": "measure-table cards"}
        order_by = ("number",)
        empty_text = "ไม่มีมาตรการตามเงื่อนไขที่เลือก"
