"""Admin avatars without outside services: the uploaded picture, else the editor's initials.

Gravatar is off (``WAGTAIL_GRAVATAR_PROVIDER_URL = None``): no hash of an e-mail address leaves the portal.
The initials are an inline SVG (``data:``, allowed by the admin's Content Security Policy).
"""

from urllib.parse import quote

from django.utils.html import format_html

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    '<rect width="64" height="64" fill="hsl({hue},45%,38%)"/>'
    '<text x="32" y="32" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="26" fill="#fff">'
    "{initials}</text></svg>"
)


def initials(user) -> str:
    """ "Nguyễn Văn An" -> "NA"; a user with no name: the first two letters of the user name."""
    words = (user.get_full_name() or "").split()
    if len(words) > 1:
        return (words[0][0] + words[-1][0]).upper()
    return (words[0] if words else user.get_username())[:2].upper()


def avatar_url(user, size) -> str | None:
    """For Wagtail's ``get_avatar_url`` hook: None lets an uploaded avatar (or Wagtail's default) through."""
    if user is None:
        # History rows written by the system (the scheduler, an import, a seeded revision) have no user.
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    # The colour follows the account, not its e-mail address.
    svg = format_html(SVG, hue=(user.pk or 0) * 47 % 360, initials=initials(user))
    return "data:image/svg+xml," + quote(str(svg))
