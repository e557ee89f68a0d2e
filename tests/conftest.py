import pytest
from django.test import Client

from indicators.criteria_loader import load_all
from tests.servers import start_redis, start_s3
from tests.twofactor import pass_two_factor

pytest_plugins = ["tests.personas", "tests.smtp"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the criteria library once into the test database (tests roll back on top of it)."""
    with django_db_blocker.unblock():
        load_all()


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded evidence goes to a throwaway folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture(autouse=True)
def fresh_fragments():
    """Kept page parts start empty: rolled-back tests reuse organisation ids and versions."""
    from django.core.cache import caches

    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def province_changes_at_once(request):
    """A test's writes are never committed (rolled back after it): PostgreSQL counts a
    province's changes at each statement instead of at commit (migration 0005), as the test
    would see them after commit. Tests that commit (transactional_db) count at commit."""
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        return
    if not marker and "db" not in request.fixturenames:
        return
    request.getfixturevalue("db")  # inside the test's transaction
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS organizations_province_version IMMEDIATE")


@pytest.fixture(autouse=True)
def force_login_passes_two_factor(monkeypatch):
    """client.force_login() also passes the second factor where the role requires it."""
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from organizations.twofactor import is_required

        if is_required(user):
            pass_two_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def redis_url():
    """A real redis-server for the test (RQ and the shared cache)."""
    proc, url = start_redis()
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def s3_endpoint():
    """A local S3-compatible server with an empty bucket, for the whole run."""
    server, endpoint = start_s3()
    yield endpoint
    server.stop()
