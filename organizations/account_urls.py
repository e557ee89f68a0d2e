from django.contrib.auth import views as auth_views
from django.urls import path

from organizations import auth_views as views
from organizations import invitation_views, notice_views

urlpatterns = [
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("password_change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("2fa/", views.two_factor_manage, name="2fa-manage"),
    path("2fa/setup/", views.two_factor_setup, name="2fa-setup"),
    path("2fa/verify/", views.two_factor_verify, name="2fa-verify"),
    path("2fa/recovery-codes/", views.two_factor_recovery_codes, name="2fa-recovery-codes"),
    path("2fa/remove/", views.two_factor_remove, name="2fa-remove"),
    path("invite/<str:token>/", invitation_views.accept, name="invitation-accept"),
    path("notifications/", notice_views.inbox, name="inbox"),
    path("notifications/<int:pk>/read/", notice_views.mark_read, name="notice-read"),
    path("notifications/settings/", notice_views.settings_page, name="notification-settings"),
]
