"""The portal's URLs plus /bench/bare/: the floor every page's throughput is compared with
(issues 14 and 18). Asked signed in, it goes through the whole middleware stack (the session
and the user are read, the session saved) and runs two trivial queries of its own."""

from django.db import connection
from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.execute("SELECT 2")
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("", include("ita_portal.urls"))]
