from django.urls import path

from disclosure import views

urlpatterns = [
    path("", views.checklist_latest, name="checklist-latest"),
    path("<int:year>/", views.checklist, name="checklist"),
    path("<int:year>/check/", views.run_checks, name="check-links"),
    path("<int:year>/carry-over/", views.carry_over_view, name="carry-over"),
    path("item/<int:pk>/", views.item_edit, name="disclosure-item"),
    path("runs/<int:pk>/", views.run_status, name="check-run"),
]
