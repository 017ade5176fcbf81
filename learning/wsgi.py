"""The WSGI application: the platform, and on CONTENT_ORIGIN's host the content.

One process serves both origins; the Host header decides which handler answers
(content_packages/origin.py). runserver uses this too (WSGI_APPLICATION).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.production")

platform = get_wsgi_application()

from content_packages.origin import with_content_origin  # noqa: E402

application = with_content_origin(platform)
