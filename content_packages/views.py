"""The platform's one view of content packages: launching one on the content origin.

The lesson's frame opens this URL. It checks the session and the placement
(`services.get_placement`: enrolled learners and staff only, 404 for anyone
else) and sends the frame on to the player on CONTENT_ORIGIN with a launch
token (`launch.py`). The lesson page itself stays the same for every learner.
Package files, players and tracking are served only on the content origin
(`content_views.py`); the platform answers 404 for them.
"""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from . import conf, launch, services
from .content_views import content_path


@require_GET
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": [SELF]})
def launch_package(request: HttpRequest, module_id: int, block_id: str) -> HttpResponse:
    placement = services.get_placement(request.user, module_id, block_id)
    origin = conf.content_origin()
    if not origin:
        raise ImproperlyConfigured("Set CONTENT_ORIGIN to play content packages.")
    token = launch.issue(request.user, placement)
    response = HttpResponseRedirect(origin + content_path("player", token))
    response["Cache-Control"] = "private, no-store"
    return response
