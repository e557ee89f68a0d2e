from django.urls import path

from reports import export_views, meeting_views, minutes_views, rollover_views, views

urlpatterns = [
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("meetings/", meeting_views.meeting_list, name="meeting-list"),
    path("meetings/<int:pk>/", meeting_views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/notes/", meeting_views.meeting_notes, name="meeting-notes"),
    path("meetings/<int:pk>/notes/<int:measure_pk>/", meeting_views.meeting_note,
         name="meeting-note"),
    path("meetings/<int:pk>/close/", meeting_views.meeting_close_view, name="meeting-close"),
    path("meetings/<int:pk>/render/", meeting_views.meeting_render_view, name="meeting-render"),
    path("meetings/<int:pk>/report.pdf", meeting_views.meeting_pdf_view, name="meeting-pdf"),
    path("meetings/<int:pk>/draft/", meeting_views.meeting_draft_view, name="meeting-draft"),
    path("meetings/<int:pk>/minutes/", minutes_views.minutes_view, name="meeting-minutes"),
    path("meetings/<int:pk>/agenda/", minutes_views.agenda_view, name="meeting-agenda"),
    path("meetings/<int:pk>/reopen/", minutes_views.reopen_view, name="meeting-reopen"),
    path("meetings/<int:pk>/versions/<int:version>.pdf", minutes_views.version_pdf,
         name="meeting-version-pdf"),
    path("rollover/<be_year:year>/", rollover_views.rollover_view, name="rollover"),
    path("reports/", export_views.report_list, name="report-list"),
    path("reports/exports/<int:pk>/", export_views.export_detail, name="report-export"),
    path("reports/exports/<int:pk>/report.pdf", export_views.export_file,
         name="report-export-file"),
]
