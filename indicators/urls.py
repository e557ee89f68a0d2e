from django.urls import path

from indicators import criteria_views, item_views, views

urlpatterns = [
    path("", views.criteria_latest, name="criteria-latest"),
    path("manage/", criteria_views.manage, name="criteria-manage"),
    path("manage/start/", criteria_views.start, name="criteria-start"),
    path("manage/import/", criteria_views.import_file, name="criteria-import"),
    path("manage/import/confirm/", criteria_views.import_confirm,
         name="criteria-import-confirm"),
    path("<be_year:year>/", views.criteria, name="criteria"),
    path("<be_year:year>/export.<str:fmt>", criteria_views.export, name="criteria-export"),
    path("<be_year:year>/edit/", criteria_views.edit_year, name="criteria-edit"),
    path("<be_year:year>/publish/", criteria_views.publish, name="criteria-publish"),
    path("<be_year:year>/items/new/", item_views.item_new, name="criteria-item-new"),
    path("<be_year:year>/items/<str:code>/", item_views.item_edit, name="criteria-item"),
    path("<be_year:year>/items/<str:code>/remove/", item_views.item_remove,
         name="criteria-item-remove"),
    path("<be_year:year>/merge/", item_views.merge, name="criteria-merge"),
    path("<be_year:year>/crosswalk/", item_views.crosswalk_edit, name="criteria-crosswalk"),
]
