from django.urls import path

from reports import views

urlpatterns = [
    path("dashboard/", views.dashboard_view, name="dashboard"),
]
