"""Request facts every part reads the same way: the client's address and the admin's URL prefix."""

from django.conf import settings


def admin_prefix() -> str:
    """The admin's path prefix, ``/admin/`` (``ADMIN_URL_PATH``; cms/urls.py mounts the admin there)."""
    return f"/{settings.ADMIN_URL_PATH.strip('/')}/"


def is_admin_path(path: str) -> bool:
    return path.startswith(admin_prefix())


def client_address(request) -> str:
    """The client's address, for throttling, login lockout and the visitor counter alike.

    With ``TRUSTED_PROXY_COUNT`` = 0 (clients connect directly) it is ``REMOTE_ADDR``. Behind N proxies it
    is read from ``CLIENT_IP_HEADER`` (``X-Forwarded-For``): each proxy appends the address it received
    the request from, so the client is the N-th address from the right; anything further left was
    written by the client and is ignored. A single-address header (``X-Real-IP``) is its last address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        value = request.META.get("HTTP_" + settings.CLIENT_IP_HEADER.upper().replace("-", "_"), "")
        addresses = [address.strip() for address in value.split(",") if address.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")
