"""ASGI serves the platform only; deploy with WSGI (learning/wsgi.py), which also
serves the content origin (CONTENT_ORIGIN) that H5P and SCORM packages need."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.production")

application = get_asgi_application()
