"""Sign-in refuses members of a deactivated organisation (as it refuses inactive users)."""

from django.contrib.auth.backends import ModelBackend


class MemberBackend(ModelBackend):
    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        organization = user.organization
        return organization is None or organization.is_active
