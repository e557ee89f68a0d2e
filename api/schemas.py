"""The shapes the read-only API answers with (OpenAPI is generated from them)."""

import datetime
from decimal import Decimal

from ninja import Schema


class OrganizationOut(Schema):
    slug: str
    name: str
    kind: str
    province: str
    websites: list[str]


class IndicatorScoreOut(Schema):
    number: int
    name: str
    score: Decimal | None


class YearResultOut(Schema):
    year: int
    total: Decimal | None
    band: str | None
    target: Decimal
    below_target: bool | None
    indicators: list[IndicatorScoreOut]


class LinkOut(Schema):
    url: str
    on_main_website: bool
    broken: bool
    last_checked_at: datetime.datetime | None


class ChecklistItemOut(Schema):
    code: str
    name: str
    status: str
    counts: bool
    links: list[LinkOut]


class ChecklistOut(Schema):
    year: int
    items_in_year: int
    items_counting: int
    items: list[ChecklistItemOut]


class MeasureOut(Schema):
    number: int
    title: str
    status: str
    percent: int
    start_date: datetime.date
    end_date: datetime.date
    overdue: bool


class MeasuresOut(Schema):
    fiscal_year: int
    by_status: dict[str, int]
    overdue: int
    measures: list[MeasureOut]


class DocumentOut(Schema):
    title: str
    url: str
    sha256: str
    oit_item: str | None
    published_at: datetime.datetime


class Problem(Schema):
    detail: str
