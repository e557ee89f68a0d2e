"""The measure presenters as template filters (`{% load measure_tags %}`)."""

from django import template

from measures import presenters

register = template.Library()
register.filter("owner_names", presenters.owner_names)
register.filter("numbered_step", presenters.numbered_step)
