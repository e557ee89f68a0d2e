"""The background work of the portal's own layer (found by ita_portal.jobs' autodiscovery)."""

from ita_portal import list_exports  # noqa: F401 (registers the lists.pdf job)
