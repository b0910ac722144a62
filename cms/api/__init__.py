"""Headless content API: Wagtail API v2 at /api/v2/, extended (see cms/api/router.py)."""
