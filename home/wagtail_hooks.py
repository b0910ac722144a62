from wagtail.snippets.models import register_snippet

from home.viewsets import BannerSlideViewSet

register_snippet(BannerSlideViewSet)
