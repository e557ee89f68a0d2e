"""The inbox (read/unread) and each person's choice of e-mail frequency."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from organizations.models import Notification, User
from organizations.notices import unread_of


class FrequencyForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["notify_frequency", "email"]
        widgets = {"notify_frequency": forms.RadioSelect}


@login_required
def inbox(request):
    notices = Notification.objects.filter(user=request.user)
    page = Paginator(notices, 30).get_page(request.GET.get("page"))
    return render(request, "organizations/inbox.html", {
        "page": page, "unread": unread_of(request.user)})


@login_required
@require_POST
def mark_read(request, pk):
    notice = get_object_or_404(Notification, pk=pk, user=request.user)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    if request.POST.get("open") and notice.url.startswith("/"):
        return redirect(notice.url)
    return redirect("inbox")


@login_required
def settings_page(request):
    form = FrequencyForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "บันทึกการรับการแจ้งเตือนแล้ว")
        return redirect("notification-settings")
    return render(request, "organizations/notification_settings.html", {"form": form},
                  status=400 if form.errors else 200)
