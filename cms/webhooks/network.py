"""Where a webhook may be sent: public internet addresses only, unless the settings allow private ones.

A webhook URL is typed by an editor or an operator, and the portal's server then POSTs to it: pointed at
127.0.0.1, 10.0.0.0/8, 169.254.169.254 (a cloud's metadata service) or the database's host, it would let
the portal be used to reach what only the portal can reach (server-side request forgery). Every address
the host name resolves to must be global (``ipaddress``'s ``is_global``: not private, loopback,
link-local, shared, reserved, multicast or unspecified). Checked when an endpoint is saved and again
before each delivery (a name can be re-pointed afterwards). ``WEBHOOK_ALLOW_PRIVATE_NETWORKS`` turns the
check off: settings/dev.py and settings/test.py do, for receivers on 127.0.0.1.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is not part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip.is_global and not ip.is_multicast


def refusal(url: str) -> str | None:
    """Why ``url`` may not receive webhooks (a sentence for the editor), or None when it may."""
    if settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS:
        return None
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        return _("Địa chỉ không có tên máy chủ.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError, ValueError):
        return _("Không phân giải được tên máy chủ %(host)s.") % {"host": host[:100]}
    if not addresses or not all(_is_public(address) for address in addresses):
        return _(
            "Địa chỉ %(host)s thuộc mạng nội bộ hoặc máy chủ này; webhook chỉ gửi tới địa chỉ công khai trên Internet."
        ) % {"host": host[:100]}
    return None
