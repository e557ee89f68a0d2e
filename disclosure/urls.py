from django.urls import path

import ita_portal.bounds  # noqa: F401 (registers <be_year:…>)
from disclosure import views

urlpatterns = [
    path("", views.checklist_latest, name="checklist-latest"),
    path("<be_year:year>/", views.checklist, name="checklist"),
    path("<be_year:year>/check/", views.run_checks, name="check-links"),
    path("<be_year:year>/carry-over/", views.carry_over_view, name="carry-over"),
    path("<be_year:year>/start/<str:code>/", views.item_start, name="disclosure-item-start"),
    path("item/<int:pk>/", views.item_edit, name="disclosure-item"),
    path("runs/<int:pk>/", views.run_status, name="check-run"),
]
