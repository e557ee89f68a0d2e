"""{% kept "name" version var … %}…{% endkept %}: a page part rendered once and kept (in each
server process's memory, `CACHES["fragments"]`) until the data version it is given moves,
the day changes (overdue and due-soon are day rules) or FRAGMENT_SECONDS pass.

The version is the organisation's `data_version` (raised with every change of its data), so
a server never shows a part older than the database says: no server tells another anything.
The part must not depend on the person beyond the variables given, and holds no form token.
Its heavy context (querysets, lazy objects) is only evaluated when the part is rendered.
"""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.utils import timezone

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        vary_on = [var.resolve(context) for var in self.vary_on]
        key = make_template_fragment_key(self.name, [*vary_on, timezone.localdate()])
        store = caches["fragments"]
        value = store.get(key)
        if value is None:
            value = self.nodelist.render(context)
            store.set(key, value, settings.FRAGMENT_SECONDS)
        return value


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 3 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('{% kept "name" version … %} needs a name and a version')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
