import pytest

from tests.measures.conftest import make_measure


@pytest.fixture
def measures(criteria, org):
    """The organisation with one measure of the year in progress."""
    make_measure(org, 1)
    return org
