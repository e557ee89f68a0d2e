from django.urls import path

from imports import views

urlpatterns = [
    path("imports/", views.import_start, name="import-start"),
    path("imports/scores/", views.scores_import, name="import-scores"),
    path("imports/workbook.xlsx", views.workbook_download, name="import-workbook"),
    path("imports/<int:pk>/", views.batch_detail, name="import-batch"),
    path("imports/<int:pk>/undo/", views.batch_undo, name="import-undo"),
]
