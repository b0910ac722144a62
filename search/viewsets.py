from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    """Administrators edit the abbreviations search applies to queries (Settings → Từ viết tắt, đồng nghĩa)."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Từ viết tắt, đồng nghĩa")
    add_to_settings_menu = True
    list_display = ["term", "expansions"]
    search_fields = ["term", "expansions"]
