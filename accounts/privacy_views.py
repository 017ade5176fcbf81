"""Learners download their data and delete their account themselves."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm
from .gdpr import collect_personal_data, erase_account


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/my_data.html", {})


@login_required
def my_data_json(request: HttpRequest) -> HttpResponse:
    data = collect_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="iq-lernplattform-my-data-{stamp}.json"'
    )
    return response


@login_required
def my_data_summary(request: HttpRequest) -> HttpResponse:
    data = collect_personal_data(request.user)
    sections = [
        (
            label,
            json.dumps(section, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        for label, section in data.items()
        if isinstance(section, dict | list)
    ]
    return render(
        request,
        "accounts/my_data_summary.html",
        {"account": data.get("accounts", {}), "sections": sections, "data": data},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        erase_account(user)
        messages.success(
            request,
            _(
                "Your account has been deleted. Anonymous statistics about course "
                "participation remain."
            ),
        )
        return redirect("wagtail_serve", "")
    return render(request, "accounts/delete_account.html", {"form": form})
