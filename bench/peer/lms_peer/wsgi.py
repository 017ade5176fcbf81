"""WSGI entry point of the peer (gunicorn: lms_peer.wsgi:application)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms_peer.settings")
application = get_wsgi_application()
