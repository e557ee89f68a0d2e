import os

from django.core.wsgi import get_wsgi_application

from ita_portal import localenv

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ita_portal.settings")
localenv.load()
application = get_wsgi_application()
