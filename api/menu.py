from api.permissions import can_manage_tokens
from ita_portal.navigation import add

add(85, "api", "API", "api-tokens", can_manage_tokens)
