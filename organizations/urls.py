from django.contrib.auth.decorators import login_required
from django.urls import path, register_converter

from organizations import audit_views, people_views, structure_views


class UnitKind:
    regex = "department|position"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnitKind, "unit")

def _signed_in(route, view, name):
    return path(route, login_required(view), name=name)


urlpatterns = [
    _signed_in("people/", people_views.people_list, "people"),
    _signed_in("people/new/", people_views.person_new, "person-new"),
    _signed_in("people/<int:pk>/", people_views.person_edit, "person-edit"),
    _signed_in("people/<int:pk>/active/", people_views.person_active, "person-active"),
    _signed_in("people/<int:pk>/two-factor-reset/", people_views.person_two_factor_reset,
               "person-2fa-reset"),
    _signed_in("people/<int:pk>/handover/", people_views.person_handover, "person-handover"),
    _signed_in("organization/", structure_views.profile, "org-profile"),
    _signed_in("organization/structure/", structure_views.structure_page, "structure"),
    _signed_in("organization/<unit:kind>/new/", structure_views.unit_edit, "unit-new"),
    _signed_in("organization/<unit:kind>/<int:pk>/", structure_views.unit_edit, "unit-edit"),
    _signed_in("organization/<unit:kind>/<int:pk>/merge/", structure_views.unit_merge,
               "unit-merge"),
    _signed_in("organization/<unit:kind>/<int:pk>/retire/", structure_views.unit_retire,
               "unit-retire"),
    _signed_in("audit/", audit_views.audit_page, "audit"),
    _signed_in("history/<str:app_label>/<str:model>/<str:pk>/", audit_views.object_history,
               "object-history"),
]
