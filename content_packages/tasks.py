"""Forwarding statements to an external LRS, in the background, with retries."""

import base64
import contextlib
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django_tasks import task
from django_tasks.exceptions import InvalidTaskError

from . import conf
from .models import Statement
from .xapi import forwarded_body

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 10


def _post(statement: Statement) -> None:
    endpoint = conf.lrs_endpoint().rstrip("/") + "/statements"
    key, secret = conf.lrs_credentials()
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    request = urllib.request.Request(  # noqa: S310 - the endpoint is a setting
        f"{endpoint}?statementId={statement.pk}",
        data=json.dumps(forwarded_body(statement)).encode(),
        method="PUT",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
            "Authorization": f"Basic {token}",
        },
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        if response.status >= 300:
            raise urllib.error.HTTPError(
                endpoint, response.status, "LRS refused", response.headers, None
            )


def forward_now(statement_id: str) -> bool:
    """Try once; record the outcome on the statement. True if the LRS has it."""
    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None or statement.forwarded_at or not conf.lrs_endpoint():
        return statement is not None and statement.forwarded_at is not None
    Statement.objects.filter(pk=statement.pk).update(
        forward_attempts=F("forward_attempts") + 1
    )
    try:
        _post(statement)
    except (OSError, urllib.error.URLError, ValueError) as exc:
        Statement.objects.filter(pk=statement.pk).update(
            last_forward_error=str(exc)[:2000]
        )
        logger.warning("Forwarding statement %s failed: %s", statement.pk, exc)
        return False
    Statement.objects.filter(pk=statement.pk).update(
        forwarded_at=timezone.now(), last_forward_error=""
    )
    return True


@task()
def forward_statement(statement_id: str) -> bool:
    """Forward one statement; on failure schedule another try with back-off."""
    if forward_now(statement_id):
        return True
    attempts = (
        Statement.objects.filter(pk=statement_id)
        .values_list("forward_attempts", flat=True)
        .first()
        or 0
    )
    if attempts < conf.lrs_max_attempts():
        delay = timedelta(minutes=2**attempts)
        # Backends without deferred runs: `forward_pending_statements` retries.
        with contextlib.suppress(InvalidTaskError):
            forward_statement.using(run_after=timezone.now() + delay).enqueue(
                statement_id
            )
    return False
