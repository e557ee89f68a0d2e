from django.urls import path

from measures import views

urlpatterns = [
    path("mine/", views.mine, name="my-measures"),
    path("", views.measure_list, name="measure-list"),
    path("issues/", views.issue_list, name="issue-list"),
    path("new/", views.measure_edit, name="measure-create"),
    path("issues/new/", views.issue_edit, name="issue-create"),
    path("issues/<int:pk>/edit/", views.issue_edit, name="issue-edit"),
    path("<int:pk>/", views.measure_detail_view, name="measure-detail"),
    path("<int:pk>/edit/", views.measure_edit, name="measure-edit"),
    path("<int:pk>/update/", views.progress_update, name="measure-update"),
    path("<int:pk>/status/", views.status_change, name="measure-status"),
    path("<int:pk>/approval/", views.approval, name="measure-approval"),
    path("<int:pk>/steps/<int:step_pk>/", views.step_toggle, name="measure-step"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence-download"),
]
