from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from disclosure import public_views
from indicators import views as indicator_views
from reports import home_views

admin.site.site_header = "ITA Portal — ผู้ดูแลระบบ"
admin.site.site_title = "ITA Portal"
admin.site.index_title = "จัดการข้อมูล"

urlpatterns = [
    path("", home_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True),
         name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("o/<slug:slug>/results/", indicator_views.results, name="org-results"),
    path("criteria/", indicator_views.criteria_latest, name="criteria-latest"),
    path("criteria/<int:year>/", indicator_views.criteria, name="criteria"),
    path("measures/", include("measures.urls")),
    path("disclosure/", include("disclosure.urls")),
    path("", include("reports.urls")),
    path("", include("imports.urls")),
    path("public/<slug:slug>/<int:year>/", public_views.public_page, name="public-oit"),
    path("public/<slug:slug>/<int:year>.json", public_views.public_json,
         name="public-oit-json"),
    path("admin/", admin.site.urls),
]
