from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

import ita_portal.bounds  # noqa: F401 (registers <be_year:…>)
from disclosure import public_views
from indicators import views as indicator_views
from ita_portal import list_export_views
from ita_portal.health import favicon, healthz
from reports import home_views

admin.site.site_header = "ITA Portal — ผู้ดูแลระบบ"
admin.site.site_title = "ITA Portal"
admin.site.index_title = "จัดการข้อมูล"

urlpatterns = [
    path("", home_views.home, name="home"),
    # The pages opened most first (a path is tried against each pattern in turn); no other
    # pattern begins with these prefixes, so the order changes no match.
    path("measures/", include("measures.urls")),
    path("disclosure/", include("disclosure.urls")),
    path("oversee/<str:slug>/", home_views.read_organization, name="read-organization"),
    path("healthz", healthz, name="healthz"),
    # browsers and the admin ask for /favicon.ico whatever the page names
    path("favicon.ico", favicon),
    path("exports/lists/<slug:kind>/", list_export_views.start, name="list-export-start"),
    path("exports/<int:pk>/", list_export_views.detail, name="list-export"),
    path("exports/<int:pk>/file/", list_export_views.download, name="list-export-file"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True),
         name="login"),
    path("accounts/", include("organizations.account_urls")),
    path("", include("organizations.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("o/<slug:slug>/results/", indicator_views.results, name="org-results"),
    path("criteria/", include("indicators.urls")),
    path("", include("reports.urls")),
    path("", include("imports.urls")),
    path("public/<slug:slug>/<be_year:year>/", public_views.public_page, name="public-oit"),
    path("public/oit-feed-v1.schema.json", public_views.feed_schema, name="public-feed-schema"),
    path("public/<slug:slug>/<be_year:year>.json", public_views.public_json,
         name="public-oit-json"),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]
