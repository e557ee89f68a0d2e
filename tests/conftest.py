import pytest

from indicators.criteria_loader import load_all

pytest_plugins = ["tests.personas"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the criteria library once into the test database (tests roll back on top of it)."""
    with django_db_blocker.unblock():
        load_all()


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded evidence goes to a throwaway folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
