"""The content origin's views: the players, the package files, the tracking.

Served only on CONTENT_ORIGIN (see `origin.py`), never with the platform's
session: every view is addressed by a launch token in its path (`launch.py`),
which names the one learner, package and block it may serve and record for.
"""

import json
import mimetypes

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import attempts, conf, launch, manifest, services, xapi
from .completion import H5P_FINISHED_VERBS
from .models import PackageKind
from .origin import CONTENT_URLCONF

MAX_BODY_BYTES = 1_500_000
H5P_SAVE_SECONDS = 2


def package_policy(*, framed_by_self: bool) -> dict:
    """CSP of package content: third-party HTML and JavaScript that may run its
    own inline scripts (SCORM content usually does) but load nothing from
    elsewhere, send data nowhere else, and be framed only by the platform (the
    player) or by the player inside the platform (the package's pages)."""
    platform = conf.platform_origin()
    allowed = conf.allowed_content_origins()  # the operator's, for every package
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL, *allowed],
        "style-src": [SELF, UNSAFE_INLINE, *allowed],
        "img-src": [SELF, "data:", "blob:", *allowed],
        "media-src": [SELF, "data:", "blob:", *allowed],
        "font-src": [SELF, "data:", *allowed],
        "connect-src": [SELF, *allowed],
        "frame-src": [SELF, *allowed],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF, platform] if framed_by_self else [platform],
    }


def _content_response(response: HttpResponse, *, framed_by_self: bool):
    """The policy and headers of every content response (django-csp reads
    `_csp_config` as its `csp` decorator would set it)."""
    response._csp_config = package_policy(framed_by_self=framed_by_self)
    response["Cache-Control"] = "private, no-store"
    return response


def content_path(name: str, token: str, **kwargs) -> str:
    """A path on the content origin (in the active language's prefix)."""
    return reverse(
        f"content:{name}", urlconf=CONTENT_URLCONF, kwargs={"token": token, **kwargs}
    )


@require_GET
def package_file(request: HttpRequest, token: str, path: str) -> HttpResponse:
    placement = launch.resolve(token).placement
    file_path = services.package_file(placement.package, path)
    content_type, encoding = mimetypes.guess_type(file_path.name)
    content_type = content_type or "application/octet-stream"
    if encoding:
        content_type = "application/octet-stream"
    response = FileResponse(open(file_path, "rb"), content_type=content_type)  # noqa: SIM115
    _content_response(response, framed_by_self=True)
    # The token changes with every launch; a file may be reused within one.
    response["Cache-Control"] = "private, max-age=600"
    return response


def _queue_config(current: launch.Launch) -> dict:
    """What the players' tracking queue needs (static/js/content_packages_queue.js):
    a storage key of its own per learner and package, so a pending request is sent
    again by the next launch of the same package for the same learner, and the
    launch's base URL the queued paths are relative to."""
    account = xapi.actor_for(current.user)["account"]["name"]
    return {
        "queueKey": f"{current.placement.package.activity_uuid}:{account}",
        "trackingBase": _queue_base(current),
        "messages": {
            "pending": _(
                "Your progress is not saved yet. It is sent again automatically; "
                "you can keep working."
            ),
            "reload": _(
                "Your progress could not be saved yet. Please reload the page; "
                "nothing is lost."
            ),
            "refused": _("Your answer could not be saved. Please reload the page."),
        },
    }


def _queue_base(current: launch.Launch) -> str:
    return content_path("player", current.token)[: -len("player/")]


def _h5p_config(current: launch.Launch, files_base: str) -> dict:
    placement, user = current.placement, current.user
    package = placement.package
    config = {
        "contentId": f"package-{package.pk}",
        "title": placement.title,
        "h5pJsonPath": files_base.rstrip("/"),
        "frameJs": static("vendor/h5p/frame.bundle.js"),
        "frameCss": static("vendor/h5p/styles/h5p.css"),
        "activityId": package.activity_id,
        "tracking": current.is_tracked,
        "saveSeconds": H5P_SAVE_SECONDS,
    }
    if current.is_tracked:
        config.update(_queue_config(current))
        config["actor"] = xapi.actor_for(user)
        number, _started = attempts.h5p_attempt(user, package)
        left = attempts.attempts_left(placement.max_attempts, number)
        config["retry"] = {
            "allowed": left is None or left > 0,
            "finished": attempts.h5p_finished(user, package, H5P_FINISHED_VERBS),
            "path": "h5p/attempts/",
            "label": _("Try again"),
            "hint": _("You finished this activity. Your result is kept."),
        }
        saved = services.h5p_user_data(user, package)
        if saved:
            config["contentUserData"] = [{"state": saved[0]["previousState"]}]
    return config


def _scorm_context(request, current: launch.Launch, files_base: str) -> dict:
    placement, user = current.placement, current.user
    package = placement.package
    try:
        sco_index = int(request.GET.get("sco", "0"))
    except ValueError:
        sco_index = 0
    sco = services.sco_at(package, sco_index)
    attempt = review = finished = None
    if current.is_tracked:
        attempt = services.current_attempt(user, placement, sco_index)
        if attempt is None:
            finished = attempts.finished_state(user, placement, sco_index)
            review = _review_requested(request, user, placement, sco_index)
    launch_url = files_base + sco["launch_path"]
    if sco.get("parameters"):
        launch_url += "?" + sco["parameters"]
    cmi = services.resume_data(package, attempt or review)
    if review is not None:
        # The SCO shows the finished attempt; nothing it does is recorded.
        if package.kind == PackageKind.SCORM12:
            cmi["core"]["lesson_mode"] = "review"
        else:
            cmi["mode"] = "review"
    manifest.preload(
        package.kind == PackageKind.SCORM12, manifest.sco_data(package, sco), cmi
    )
    learner_name = f"{user.last_name}, {user.first_name}".strip(", ")
    learner_id = xapi.actor_for(user)["account"]["name"]
    if package.kind == PackageKind.SCORM12:
        cmi.setdefault("core", {}).update(
            {"student_id": learner_id, "student_name": learner_name}
        )
    else:
        cmi.update({"learner_id": learner_id, "learner_name": learner_name})
    commit_url = (
        content_path(
            "scorm_commit", current.token, sco_index=sco_index, attempt=attempt.number
        )
        if attempt
        else ""
    )
    return {
        "sco_index": sco_index,
        "sco": sco,
        "scos": [
            {**item, "index": i, "is_current": i == sco_index}
            for i, item in enumerate(package.scos)
        ],
        "attempt": attempt,
        "review": review,
        "finished": finished if review is None else None,
        "new_attempt_url": content_path(
            "scorm_new_attempt", current.token, sco_index=sco_index
        ),
        "config": {
            "version": "1.2" if package.kind == PackageKind.SCORM12 else "2004",
            "launchUrl": launch_url,
            "commitUrl": commit_url,
            "commitPath": commit_url[len(_queue_base(current)) :] if attempt else "",
            "cmi": cmi,
            "tracking": attempt is not None,
            # The SCO's "continue" / "previous" navigation requests move here.
            "sco": sco_index,
            "scoCount": len(package.scos),
            **(_queue_config(current) if current.is_tracked else {}),
        },
    }


def _review_requested(request, user, placement, sco_index: int):
    """The finished attempt named by ?review=<number>, or None."""
    try:
        number = int(request.GET.get("review", ""))
    except ValueError:
        return None
    return attempts.review_attempt(user, placement, sco_index, number)


@require_GET
def player(request: HttpRequest, token: str) -> HttpResponse:
    """The page inside the lesson's frame that runs the player library."""
    current = launch.resolve(token)
    placement = current.placement
    files_base = content_path("file", token, path="x")[:-1]
    context = {
        "placement": placement,
        "package": placement.package,
        "tracking": current.is_tracked,
    }
    if placement.package.kind == PackageKind.H5P:
        context["config"] = _h5p_config(current, files_base)
        template = "content_packages/player_h5p.html"
    else:
        context.update(_scorm_context(request, current, files_base))
        template = "content_packages/player_scorm.html"
    # Where the player reports its height (lesson page script, postMessage).
    context["config"]["parentOrigin"] = conf.platform_origin()
    response = TemplateResponse(request, template, context)
    return _content_response(response, framed_by_self=False)


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
    """JSON in, JSON out, with errors as 400/403/404 and a message.

    No CSRF token: the content origin has no cookies, so a request carries no
    authority but the launch token in its path.
    """

    @require_POST
    def view(request: HttpRequest, token: str, **kwargs):
        try:
            current = launch.resolve(token)
            data = handler(current, _json_body(request), **kwargs)
        except Http404:
            return JsonResponse({"result": False, "error": _("Not found.")}, status=404)
        except PermissionDenied as exc:
            message = str(exc) or _("You may not do this.")
            return JsonResponse({"result": False, "error": message}, status=403)
        except attempts.AttemptFinished as exc:
            # Not an error to retry: the queue drops it, the attempt stays.
            return JsonResponse(
                {"result": False, "error": str(exc.message)}, status=409
            )
        except ValidationError as exc:
            return JsonResponse(
                {"result": False, "error": " ".join(exc.messages)}, status=400
            )
        response = JsonResponse({"result": True, "errorCode": 0, **data})
        response["Cache-Control"] = "no-store"
        return response

    view.__name__ = handler.__name__
    view.__doc__ = handler.__doc__
    return view


@_tracking_view
def h5p_statement(current: launch.Launch, body) -> dict:
    """An xAPI statement emitted by the H5P player."""
    statement = services.record_h5p_statement(
        current.user, current.placement, body.get("statement")
    )
    return {"id": str(statement.pk)}


@_tracking_view
def h5p_state(current: launch.Launch, body) -> dict:
    """H5P's contentUserData 'state' for resuming."""
    services.save_h5p_state(current.user, current.placement, body.get("state", ""))
    return {}


@_tracking_view
def scorm_commit(current: launch.Launch, body, sco_index: int, attempt: int) -> dict:
    """A scorm-again commit (LMSCommit, Commit, Terminate) of an attempt."""
    services.record_scorm_commit(
        current.user, current.placement, sco_index, attempt, body
    )
    return {}


@require_POST
def scorm_new_attempt(request: HttpRequest, token: str, sco_index: int):
    """“Start a new attempt” on the player's page (a form, also without
    JavaScript): the next attempt, if the block allows one; then the player."""
    current = launch.resolve(token)
    services.require_tracking(current.placement)
    services.sco_at(current.placement.package, sco_index)
    attempts.start_scorm_attempt(current.user, current.placement, sco_index)
    return HttpResponseRedirect(
        f"{content_path('player', token)}?sco={sco_index}", status=303
    )


@_tracking_view
def h5p_new_attempt(current: launch.Launch, body) -> dict:
    """“Try again” after finished H5P content: its state is cleared."""
    services._require_h5p(current.placement)
    services.require_tracking(current.placement)
    number = attempts.start_h5p_attempt(
        current.user, current.placement, H5P_FINISHED_VERBS
    )
    return {"attempt": number}


# --- Errors: plain pages of the content origin, framable by the platform ------------


def _error(request: HttpRequest, status: int, message: str) -> HttpResponse:
    response = TemplateResponse(
        request, "content_packages/content_error.html", {"message": message}
    )
    response.status_code = status
    response.render()
    return _content_response(response, framed_by_self=True)


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 404, _("Not found."))


def forbidden(request: HttpRequest, exception=None) -> HttpResponse:
    if isinstance(exception, launch.LaunchExpired):
        return _error(request, 403, str(exception))
    return _error(request, 403, _("You may not do this."))


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 400, _("The request is not valid."))


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, _("Something went wrong. Please try again later."))
