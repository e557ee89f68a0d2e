"""The invitee's page: a one-time link (72 hours) where they set their own password."""

from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from organizations import people


def accept(request, token):
    invitation = people.open_invitation(token)
    if invitation is None:
        return render(request, "organizations/invitation_invalid.html", status=410)
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = people.accept_invitation(invitation, form.cleaned_data["new_password1"])
        except ValidationError:
            return render(request, "organizations/invitation_invalid.html", status=410)
        login(request, user, backend="organizations.backends.MemberBackend")
        return redirect("home")
    return render(request, "organizations/invitation_accept.html",
                  {"form": form, "invitee": invitation.user},
                  status=400 if form.errors else 200)
