from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail import hooks

from .forms import ProfileForm


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    """The learner's start page. The apps that hold learning records fill it in
    through the `my_learning_context` hook (courses: progress per course), so
    accounts needs none of them."""
    context: dict = {}
    for contribute in hooks.get_hooks("my_learning_context"):
        context.update(contribute(request.user))
    return render(request, "accounts/my_learning.html", context)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
