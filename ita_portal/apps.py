from django.apps import AppConfig


class ItaPortalConfig(AppConfig):
    name = "ita_portal"
    verbose_name = "ITA Portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from ita_portal.sessions import refreshed_at_sign_in

        user_logged_in.connect(refreshed_at_sign_in, dispatch_uid="ita_portal.sessions")
