"""{% kept "name" version var … %}…{% endkept %}: a page part rendered once and kept until
the data version it is given moves (ita_portal/fragments.py). The part must not depend on the
person beyond the variables given; its heavy context (lazy objects) is only read when the part
is rendered again. Forms inside a part keep working: their `{% csrf_token %}` is kept as a
mark and each request puts its own token in its place."""

from django import template
from django.utils.safestring import mark_safe

from ita_portal.fragments import kept

register = template.Library()
TOKEN_MARK = "\x00csrf-token\x00"  # never in rendered text: NUL is not valid in HTML


def with_token(value, context):
    """A kept part with this request's CSRF token where its forms have the mark."""
    if TOKEN_MARK in value:
        return mark_safe(value.replace(TOKEN_MARK, str(context.get("csrf_token", ""))))
    return value


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        parts = [var.resolve(context) for var in self.vary_on]
        return with_token(kept(self.name, parts, lambda: self._render_marked(context)), context)

    def _render_marked(self, context):
        with context.push(csrf_token=TOKEN_MARK):
            return self.nodelist.render(context)


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 3 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('{% kept "name" version … %} needs a name and a version')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
