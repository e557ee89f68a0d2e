"""{% kept "name" version var … %}…{% endkept %}: a page part rendered once and kept until
the data version it is given moves (ita_portal/fragments.py). The part must not depend on the
person beyond the variables given and holds no form token; its heavy context (lazy objects)
is only read when the part is rendered again."""

from django import template

from ita_portal.fragments import kept

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        parts = [var.resolve(context) for var in self.vary_on]
        return kept(self.name, parts, lambda: self.nodelist.render(context))


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 3 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('{% kept "name" version … %} needs a name and a version')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
