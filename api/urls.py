from django.urls import path

from api import views
from api.endpoints import api

urlpatterns = [
    path("", views.documentation, name="api-docs"),
    path("tokens/", views.token_list, name="api-tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="api-token-revoke"),
    path("v1/", api.urls),
]
