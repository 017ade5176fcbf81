"""The WSGI application: the platform, and on CONTENT_ORIGIN's host the content.

One process serves both origins; the Host header decides which handler answers
(settings.WSGI_WRAPPER, content_packages/origin.py). runserver uses this too
(WSGI_APPLICATION).
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.production")

platform = get_wsgi_application()

application = import_string(settings.WSGI_WRAPPER)(platform)
