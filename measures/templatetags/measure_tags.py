from django import template

from measures import presenters

register = template.Library()


@register.filter
def owner_names(owned):
    """Owners in one line; the document's own wording when none are linked."""
    return presenters.owner_names(owned)


@register.filter
def numbered_step(step):
    return presenters.numbered_step(step)
