from django.contrib import admin

from indicators.models import (
    AssessmentYear,
    Indicator,
    IndicatorScore,
    ItemCrosswalk,
    OITItem,
    Recommendation,
    ResultBand,
    SubIndicator,
    Tool,
)


class ToolInline(admin.TabularInline):
    model = Tool
    extra = 0


class BandInline(admin.TabularInline):
    model = ResultBand
    extra = 0


@admin.register(AssessmentYear)
class AssessmentYearAdmin(admin.ModelAdmin):
    list_display = ("year", "title_th", "result_kind", "target_score")
    inlines = [ToolInline, BandInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("number", "name_th", "tool", "year")
    list_filter = ("year",)
    list_select_related = ("tool__year", "year")


@admin.register(SubIndicator)
class SubIndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name_th", "indicator")
    list_filter = ("indicator__year",)
    list_select_related = ("indicator",)


@admin.register(OITItem)
class OITItemAdmin(admin.ModelAdmin):
    list_display = ("code", "name_th", "sub_indicator", "data_period", "year")
    list_filter = ("year", "data_period")
    search_fields = ("code", "name_th", "name_en")
    list_select_related = ("sub_indicator", "year")


@admin.register(ItemCrosswalk)
class ItemCrosswalkAdmin(admin.ModelAdmin):
    list_display = ("from_item", "to_item", "relation", "note")
    list_filter = ("from_year", "to_year", "relation")
    list_select_related = ("from_item", "to_item")


@admin.register(IndicatorScore)
class IndicatorScoreAdmin(admin.ModelAdmin):
    list_display = ("organization", "indicator", "score", "source", "recorded_at")
    list_filter = ("indicator__year", "indicator__number")
    search_fields = ("organization__name_th",)
    list_select_related = ("organization", "indicator__tool__year")
    autocomplete_fields = ("organization",)
    show_full_result_count = False


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ("organization", "year", "tool", "text")
    list_filter = ("year",)
    list_select_related = ("organization", "year", "tool__year")
    autocomplete_fields = ("organization",)


@admin.register(Tool)
class ToolAdmin(admin.ModelAdmin):
    list_display = ("code", "name_th", "weight", "year")
    list_filter = ("year",)
    list_select_related = ("year",)


@admin.register(ResultBand)
class ResultBandAdmin(admin.ModelAdmin):
    list_display = ("label", "min_total", "min_each_tool", "year")
    list_filter = ("year",)
    list_select_related = ("year",)
