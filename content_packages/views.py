"""Package files, the players, and the tracking endpoints.

Every view resolves the package through the module that places it
(`services.get_placement`), so only enrolled learners and staff reach it, and
anyone else gets 404. Tracking endpoints are CSRF-protected JSON POSTs and
record data for the signed-in user only.
"""

import json
import mimetypes

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from . import services, xapi
from .models import PackageKind

# Package content is third-party HTML and JavaScript: it may run its own inline
# scripts (SCORM content usually does) but may load nothing from elsewhere,
# send data nowhere else, and be framed only by this site. django-csp's `csp`
# decorator replaces the site-wide policy (settings) for these two views only.
PACKAGE_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "media-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
MAX_BODY_BYTES = 1_500_000
H5P_SAVE_SECONDS = 2
TEXT_TYPES = {"text/html", "text/css", "text/javascript", "application/javascript"}


def _protect(response: HttpResponse) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=600"
    return response


@require_GET
@xframe_options_sameorigin
@csp(PACKAGE_POLICY)
def package_file(
    request: HttpRequest, module_id: int, block_id: str, token: str, path: str
) -> HttpResponse:
    placement = services.get_placement(request.user, module_id, block_id)
    if placement.package.token != token:
        raise Http404
    file_path = services.package_file(placement.package, path)
    content_type, encoding = mimetypes.guess_type(file_path.name)
    content_type = content_type or "application/octet-stream"
    if encoding:
        content_type = "application/octet-stream"
    response = FileResponse(open(file_path, "rb"), content_type=content_type)  # noqa: SIM115
    return _protect(response)


def _files_base(request: HttpRequest, placement) -> str:
    return reverse(
        "content_packages:file",
        args=[placement.module.pk, placement.block_id, placement.package.token, "x"],
    )[:-1]


@require_GET
@xframe_options_sameorigin
@csp(PACKAGE_POLICY)
def player(request: HttpRequest, module_id: int, block_id: str) -> HttpResponse:
    """The page inside the lesson's sandboxed iframe that runs the player library."""
    placement = services.get_placement(request.user, module_id, block_id)
    package = placement.package
    tracking = placement.enrollment is not None
    files_base = _files_base(request, placement)
    args = [module_id, block_id]
    context = {
        "placement": placement,
        "package": package,
        "tracking": tracking,
    }
    if package.kind == PackageKind.H5P:
        config = {
            "contentId": f"package-{package.pk}",
            "title": placement.title,
            "h5pJsonPath": files_base.rstrip("/"),
            "frameJs": static("vendor/h5p/frame.bundle.js"),
            "frameCss": static("vendor/h5p/styles/h5p.css"),
            "activityId": package.activity_id,
            "tracking": tracking,
            "saveSeconds": H5P_SAVE_SECONDS,
            "statementUrl": reverse("content_packages:h5p_statement", args=args),
            "stateUrl": reverse("content_packages:h5p_state", args=args),
        }
        if tracking:
            config["actor"] = xapi.actor_for(request.user)
            saved = services.h5p_user_data(request.user, package)
            if saved:
                config["contentUserData"] = [{"state": saved[0]["previousState"]}]
        context["config"] = config
        template = "content_packages/player_h5p.html"
    else:
        try:
            sco_index = int(request.GET.get("sco", "0"))
        except ValueError:
            sco_index = 0
        sco = services.sco_at(package, sco_index)
        attempt = (
            services.current_attempt(request.user, placement, sco_index)
            if tracking
            else None
        )
        launch = files_base + sco["launch_path"]
        if sco.get("parameters"):
            launch += "?" + sco["parameters"]
        cmi = services.resume_data(package, attempt)
        user = request.user
        learner_name = f"{user.last_name}, {user.first_name}".strip(", ")
        if package.kind == PackageKind.SCORM12:
            cmi.setdefault("core", {}).update(
                {
                    "student_id": xapi.actor_for(user)["account"]["name"],
                    "student_name": learner_name,
                }
            )
        else:
            cmi.update(
                {
                    "learner_id": xapi.actor_for(user)["account"]["name"],
                    "learner_name": learner_name,
                }
            )
        context.update(
            {
                "sco_index": sco_index,
                "sco": sco,
                "scos": [
                    {**item, "index": i, "is_current": i == sco_index}
                    for i, item in enumerate(package.scos)
                ],
                "attempt": attempt,
                "config": {
                    "version": "1.2" if package.kind == PackageKind.SCORM12 else "2004",
                    "launchUrl": launch,
                    "commitUrl": reverse(
                        "content_packages:scorm_commit",
                        args=[*args, sco_index, attempt.number],
                    )
                    if attempt
                    else "",
                    "cmi": cmi,
                    "tracking": tracking,
                },
            }
        )
        template = "content_packages/player_scorm.html"
    response = TemplateResponse(request, template, context)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _json_body(request: HttpRequest) -> dict:
    if len(request.body) > MAX_BODY_BYTES:
        raise ValidationError(_("The request is too large."))
    try:
        body = json.loads(request.body or b"{}")
    except ValueError as exc:
        raise ValidationError(_("The request is not valid JSON.")) from exc
    if not isinstance(body, dict):
        raise ValidationError(_("The request must be a JSON object."))
    return body


def _tracking_view(handler):
    """JSON in, JSON out, with errors as 400/403/404 and a message."""

    @require_POST
    def view(request: HttpRequest, module_id: int, block_id: str, **kwargs):
        try:
            placement = services.get_placement(request.user, module_id, block_id)
            data = handler(request, placement, _json_body(request), **kwargs)
        except Http404:
            return JsonResponse({"result": False, "error": _("Not found.")}, status=404)
        except PermissionDenied as exc:
            message = str(exc) or _("You may not do this.")
            return JsonResponse({"result": False, "error": message}, status=403)
        except ValidationError as exc:
            return JsonResponse(
                {"result": False, "error": " ".join(exc.messages)}, status=400
            )
        return JsonResponse({"result": True, "errorCode": 0, **data})

    view.__name__ = handler.__name__
    view.__doc__ = handler.__doc__
    return view


@_tracking_view
def h5p_statement(request, placement, body) -> dict:
    """An xAPI statement emitted by the H5P player."""
    statement = services.record_h5p_statement(
        request.user, placement, body.get("statement")
    )
    return {"id": str(statement.pk)}


@_tracking_view
def h5p_state(request, placement, body) -> dict:
    """H5P's contentUserData 'state' for resuming."""
    services.save_h5p_state(request.user, placement, body.get("state", ""))
    return {}


@_tracking_view
def scorm_commit(request, placement, body, sco_index: int, attempt: int) -> dict:
    """A scorm-again commit (LMSCommit, Commit, Terminate) of an attempt."""
    services.record_scorm_commit(request.user, placement, sco_index, attempt, body)
    return {}
