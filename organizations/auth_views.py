"""Sign-in pages of our own: two-factor set-up and check, password change and reset
(Django's views with Thai templates; reset throttled per address and per e-mail)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ita_portal.client_ip import client_ip
from ita_portal.confirm import confirm_post
from organizations import twofactor


class CodeForm(forms.Form):
    token = forms.CharField(label="รหัสยืนยัน", max_length=16,
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                                          "inputmode": "numeric"}))


class SignOutView(auth_views.LogoutView):
    """Django's sign-out, a POST; the top bar's link opened without scripts (a GET) asks."""

    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(settings.LOGIN_URL)
        return confirm_post(request, title="ออกจากระบบ", button="ออกจากระบบ",
                            text="ออกจากระบบ ITA Portal บนเครื่องนี้", back=reverse("home"))


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return reverse_lazy("home")


@login_required
def two_factor_setup(request):
    device = twofactor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm(request, device, form.cleaned_data["token"].strip())
        if codes:
            return render(request, "registration/2fa_codes.html",
                          {"codes": codes, "next": _next(request)})
        form.add_error("token", "รหัสไม่ถูกต้องหรือหมดเวลา ลองรหัสใหม่จากแอป")
    return render(request, "registration/2fa_setup.html", {
        "form": form, "qr": twofactor.qr_svg(device), "secret": twofactor.secret_text(device),
        "required": twofactor.is_required(request.user), "next": _next(request),
    }, status=400 if form.errors else 200)


@login_required
def two_factor_verify(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify(request, form.cleaned_data["token"]):
            return redirect(_next(request))
        form.add_error("token", "รหัสไม่ถูกต้อง ใช้รหัสจากแอปหรือรหัสสำรองที่ยังไม่เคยใช้")
    return render(request, "registration/2fa_verify.html",
                  {"form": form, "next": _next(request)}, status=400 if form.errors else 200)


@login_required
def two_factor_manage(request):
    from django_otp import user_has_device
    return render(request, "registration/2fa_manage.html", {
        "enrolled": user_has_device(request.user, confirmed=True),
        "required": twofactor.is_required(request.user),
    })


@login_required
@require_POST
def two_factor_recovery_codes(request):
    codes = twofactor.new_recovery_codes(request.user)
    return render(request, "registration/2fa_codes.html", {"codes": codes, "next": "/"})


@login_required
@require_POST
def two_factor_remove(request):
    if twofactor.is_required(request.user):
        messages.error(request, "บทบาทของท่านต้องใช้การยืนยันตัวตนสองขั้นตอน จึงปิดไม่ได้")
    else:
        twofactor.remove_all(request)
        messages.success(request, "ปิดการยืนยันตัวตนสองขั้นตอนแล้ว")
    return redirect("2fa-manage")


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if form.user.must_change_password:
            form.user.must_change_password = False
            form.user.save(update_fields=["must_change_password"])
        return response


def _over_limit(key):
    """Count one request under `key` this hour; True once the hourly limit is passed."""
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > settings.PASSWORD_RESET_LIMIT_PER_HOUR


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset; the same answer whether or not the address is known (no enumeration).
    Too many requests from one address: 429; for one e-mail: silently nothing more is sent."""

    html_email_template_name = "registration/password_reset_email.html"
    email_template_name = "registration/password_reset_email.txt"

    def post(self, request, *args, **kwargs):
        if _over_limit(f"pwreset:ip:{client_ip(request)}"):
            return render(request, "registration/password_reset_throttled.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if _over_limit(f"pwreset:email:{email}"):
            return redirect(self.get_success_url())
        return super().form_valid(form)
