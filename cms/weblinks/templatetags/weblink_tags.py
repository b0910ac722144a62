"""The footer's web links of the request's portal."""

from django import template
from django.utils import translation

from cms.core.sites import request_portal_paths
from cms.weblinks.models import footer_links

register = template.Library()


@register.inclusion_tag("weblinks/footer_links.html", takes_context=True)
def web_links_footer(context):
    request = context.get("request")
    if request is None:
        return {"groups": []}
    return {"groups": footer_links(request_portal_paths(request), translation.get_language() or "vi")}
