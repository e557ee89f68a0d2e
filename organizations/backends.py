"""Sign-in refuses members of a deactivated organisation (as it refuses inactive users)."""

from django.contrib.auth.backends import ModelBackend

from organizations.models import User
from organizations.notices import unread_count


class MemberBackend(ModelBackend):
    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        organization = user.organization
        return organization is None or organization.is_active

    def get_user(self, user_id):
        """The signed-in person of each request, with the organisation and the count of unread
        notices every page shows, in one query."""
        try:
            user = (User._default_manager.select_related("organization")
                    .annotate(unread_notices=unread_count()).get(pk=user_id))
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
