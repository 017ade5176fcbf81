from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    """The learner's start page; the courses app fills in its section
    (``{% learning_overview %}``), so accounts imports no higher app."""
    return render(request, "accounts/my_learning.html")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
