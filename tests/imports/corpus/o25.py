"""An O25 document of the 2569 era ("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"), written from
the assessed year's criteria in the database, so it follows whatever indicators that year has."""

from indicators.models import AssessmentYear

TEMPLATE = """O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร
องค์การบริหารส่วนตำบลนาข่า
ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {assessed} หน่วยงานได้คะแนน {total} คะแนน ผลการประเมิน {band}
{scores}
ประเด็นข้อบกพร่องและจุดอ่อน
{first_heading}
1. การเผยแพร่ข้อมูลบนเว็บไซต์หลักยังไม่ครบถ้วนและไม่เป็นปัจจุบัน
2. บุคลากรยังไม่ทราบช่องทางการแจ้งเบาะแสการทุจริต
แนวทางการพัฒนา
1. ตรวจรายการข้อมูลบนเว็บไซต์หลักทุกเดือนตามรายการ OIT
2. ประชาสัมพันธ์ช่องทางแจ้งเบาะแสในการประชุมประจำเดือน
หน่วยงานที่รับผิดชอบ: สำนักปลัด
มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fiscal}
มาตรการที่ 1 ปรับปรุงข้อมูลบนเว็บไซต์หลักให้ครบถ้วนและเป็นปัจจุบัน
ขั้นตอนการดำเนินการ:
• แต่งตั้งผู้รับผิดชอบข้อมูลแต่ละรายการ
• ตรวจและปรับปรุงข้อมูลทุกเดือน
หน่วยงานที่รับผิดชอบ: สำนักปลัด, กองคลัง
ช่วงเวลา: ตุลาคม {previous} - มีนาคม {fiscal}
การรายงานผล: รายงานผลต่อผู้บริหารทุก 6 เดือน
มาตรการที่ 2 ส่งเสริมการแจ้งเบาะแสการทุจริต
ขั้นตอนการดำเนินการ:
• จัดทำสื่อประชาสัมพันธ์ช่องทางแจ้งเบาะแส
หน่วยงานที่รับผิดชอบ: สำนักปลัด
ช่วงเวลา: ตลอดปีงบประมาณ
การรายงานผล: รายงานผลทุกครั้งที่มีการประชุม
O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน จะรายงานเมื่อสิ้นปีงบประมาณ
"""


def o25_document(assessed_year, fiscal_year):
    """(text, {indicator number: score}, band label) for the year's criteria."""
    year = AssessmentYear.objects.get(year=assessed_year)
    indicators = list(year.indicators.order_by("number"))
    scores = {i.number: f"{90 + i.number % 7}.{10 + i.number:02d}" for i in indicators}
    band = year.bands.order_by("order").first().label
    lines = "\n".join(f"ตัวชี้วัดที่ {i.number} {i.name_th}\nได้คะแนน {scores[i.number]}"
                      for i in indicators)
    text = TEMPLATE.format(assessed=assessed_year, fiscal=fiscal_year, previous=fiscal_year - 1,
                           total="92.18", band=band, scores=lines,
                           first_heading=f"ตัวชี้วัดที่ {indicators[0].number} "
                                         f"{indicators[0].name_th}")
    return text, scores, band
