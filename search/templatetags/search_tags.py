from django import template

register = template.Library()

# Facet name -> the filter parameter a click sets.
FACET_PARAMS = {"type": "type", "field": "field", "agency": "issuing_agency", "year": "year"}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def facet_param(name):
    return FACET_PARAMS.get(name, name)
