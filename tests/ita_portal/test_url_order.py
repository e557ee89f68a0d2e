"""The measures and disclosure pages come first in the URL list (a path is tried against
each pattern in turn); that is only safe while no other pattern begins with their prefixes."""

from django.urls import URLResolver, get_resolver

FIRST = ("measures/", "disclosure/")


def routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        else:
            yield route


def test_no_other_pattern_begins_with_the_first_prefixes():
    top = get_resolver().url_patterns
    assert [str(p.pattern) for p in top[1:3]] == list(FIRST)
    others = [route for pattern in top[3:]
              for route in routes([pattern]) if route.startswith(FIRST)]
    assert others == []
    first = list(routes(top[1:3]))
    assert "measures/" in first and any(route.startswith("disclosure/") for route in first)
