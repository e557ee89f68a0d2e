"""Production settings plus the load benchmark's yardstick: a bare view on the same server."""

from ita_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
