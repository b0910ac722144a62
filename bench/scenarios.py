"""What ``make bench`` measures. URLs are templates filled from sample pages of the loaded data.

``compare`` names the stock-Wagtail baseline a scenario is measured against (besides the bare view).
Extend this list when an endpoint lands; a URL that answers 404, or names a sample the loaded data lacks, is
reported as "not available". ``host`` sends that Host header (a commune portal); ``session`` logs the requests in
(the session id of a sample account). The commune scenarios need ``BENCH_PORTALS`` > 1 (bench/README.md).
``admin`` marks the admin screens of issue 21's target "Admin screens p50 ≤ 300 ms one client" (bench/report.py).
"""

SCENARIOS = [
    {
        "key": "api_listing",
        "label": "API listing (20, fields=*)",
        "url": "/api/v2/pages/?type=news.NewsPage&fields=*&limit=20",
        "compare": "stock_listing",
    },
    {"key": "api_detail", "label": "API detail", "url": "/api/v2/pages/{news_id}/", "compare": "stock_detail"},
    {"key": "api_search", "label": "API search", "url": "/api/v2/search/?q=moc+chau"},
    {"key": "home", "label": "Home page", "url": "/vi/"},
    {"key": "news_detail", "label": "News detail", "url": "{news_url}"},
    {"key": "news_index", "label": "News section page", "url": "{news_index_url}"},
    {"key": "feed", "label": "RSS feed", "url": "/vi/rss/"},
    {"key": "sitemap", "label": "Sitemap", "url": "/sitemap.xml"},
    {"key": "directive_filter", "label": "Directive index, filtered", "url": "{directive_index_url}?type=quyet-dinh"},
    {"key": "site_search", "label": "Public search page", "url": "/vi/search/?q=M%E1%BB%99c+Ch%C3%A2u"},
    # A commune portal (xa01.localhost, made by seed_content --portals) and its editor's admin.
    {"key": "commune_home", "label": "Commune home page", "url": "/vi/", "host": "{commune_host}"},
    {
        "key": "commune_news_index",
        "label": "Commune news section page",
        "url": "{commune_news_index_url}",
        "host": "{commune_host}",
    },
    {
        "key": "commune_admin_explorer",
        "label": "Commune admin explorer (its editor)",
        "url": "/admin/pages/{commune_news_index_id}/",
        "session": "{commune_editor_session}",
        "admin": True,
    },
    # The province's admin as the demo's superuser (``admin``): the explorer of the seeded news section (every
    # article of a one-portal run is its child), the editor of one article, the dashboard, one snippet listing.
    {
        "key": "admin_explorer",
        "label": "Admin explorer: news section (superuser)",
        "url": "/admin/pages/{news_index_id}/",
        "session": "{admin_session}",
        "admin": True,
    },
    {
        "key": "admin_page_editor",
        "label": "Admin page editor: an article (superuser)",
        "url": "/admin/pages/{news_id}/edit/",
        "session": "{admin_session}",
        "admin": True,
    },
    {
        "key": "admin_dashboard",
        "label": "Admin dashboard (superuser)",
        "url": "/admin/",
        "session": "{admin_session}",
        "admin": True,
    },
    {
        "key": "admin_snippets",
        "label": "Admin snippet listing: statistics (superuser)",
        "url": "{statistics_listing_url}",
        "session": "{admin_session}",
        "admin": True,
    },
    {
        "key": "stock_listing",
        "label": "Baseline: stock API listing",
        "url": "/bench/stock-api/v2/pages/?type=news.NewsPage&fields=*&limit=20",
        "baseline": True,
    },
    {
        "key": "stock_detail",
        "label": "Baseline: stock API detail",
        "url": "/bench/stock-api/v2/pages/{news_id}/",
        "baseline": True,
    },
    {"key": "bare", "label": "Baseline: bare view, portal middleware", "url": "/bench/bare/", "baseline": True},
    {
        "key": "django_default",
        "label": "Baseline: bare view, Django's default middleware",
        "url": "/bench/django-default/",
        "baseline": True,
    },
]
