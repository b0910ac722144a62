"""Where a webhook may be sent: public internet addresses only, unless the settings allow private ones.

A webhook URL is typed by an editor or an operator, and the portal's server then POSTs to it: pointed at
127.0.0.1, 10.0.0.0/8, 169.254.169.254 (a cloud's metadata service) or the database's host, it would let
the portal be used to reach what only the portal can reach (server-side request forgery). Every address
the host name resolves to must be public (``_is_public``). Checked when an endpoint is saved and again
before each delivery (a name can be re-pointed afterwards).

The delivery resolves the name once: the addresses it checks are the addresses it connects to
(``post``). Letting the HTTP client resolve the name again would leave a DNS-rebinding gap: a name that
answers a public address to the check and 127.0.0.1 a millisecond later to the connection. The request
still carries the name in its ``Host`` header, and HTTPS sends the name as SNI and checks the certificate
against the name, not the address.

``WEBHOOK_ALLOW_PRIVATE_NETWORKS`` turns the guard off: settings/dev.py and settings/test.py do, for
receivers on 127.0.0.1.
"""

import ipaddress
import socket
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter

# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64 well-known and local-use, and the
# deprecated IPv4-compatible form): the IPv4 address is what a gateway connects to, so it is checked too.
_EMBEDDING_IPV4 = [ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48")]


class Refused(Exception):
    """The URL may not receive webhooks; the message is a sentence for the editor."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if any(ip in network for network in _EMBEDDING_IPV4) or int(ip) >> 32 == 0:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in found if address is not None]


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is not part of it
    candidates = [ip, *_embedded_ipv4(ip)] if isinstance(ip, ipaddress.IPv6Address) else [ip]
    return all(
        # is_global alone misses some ranges on Python 3.11 (NAT64, 6to4, site-local): each is asked by name
        candidate.is_global
        and not candidate.is_private
        and not candidate.is_loopback
        and not candidate.is_link_local
        and not candidate.is_multicast
        and not candidate.is_reserved
        and not candidate.is_unspecified
        and not getattr(candidate, "is_site_local", False)
        for candidate in candidates
    )


def checked_addresses(url: str) -> list[str]:
    """The addresses ``url``'s host resolves to, in the resolver's order, all public; else ``Refused``."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise Refused(_("Địa chỉ không có tên máy chủ."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        answers = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
        addresses = list(dict.fromkeys(info[4][0] for info in answers))
        public = bool(addresses) and all(_is_public(address) for address in addresses)
    except (OSError, UnicodeError, ValueError):
        raise Refused(_("Không phân giải được tên máy chủ %(host)s.") % {"host": host[:100]}) from None
    if not public:
        message = _(
            "Địa chỉ %(host)s thuộc mạng nội bộ hoặc máy chủ này; webhook chỉ gửi tới địa chỉ công khai trên Internet."
        )
        raise Refused(message % {"host": host[:100]})
    return addresses


def refusal(url: str) -> str | None:
    """Why ``url`` may not receive webhooks (a sentence for the editor), or None when it may."""
    if settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS:
        return None
    try:
        checked_addresses(url)
    except Refused as refused:
        return str(refused)
    return None


class _NamedTLSAdapter(HTTPAdapter):
    """Connects to the address in the URL, but speaks TLS to ``hostname``: SNI and the certificate's check."""

    def __init__(self, hostname: str):
        self.hostname = hostname
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["server_hostname"] = self.hostname  # urllib3 drops it for plain http
        super().init_poolmanager(*args, **kwargs)


def post(url: str, *, data: bytes, headers: dict[str, str], timeout: float) -> requests.Response:
    """POST ``data`` to ``url`` without following redirects, connecting only to an address that was checked.

    Raises ``requests.ConnectionError("refused: …")`` when the guard refuses the host.
    """
    if settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS:
        return requests.post(url, data=data, headers=headers, timeout=timeout, allow_redirects=False)
    try:
        address = checked_addresses(url)[0]
    except Refused as refused:
        raise requests.ConnectionError(f"refused: {refused}") from None
    parts = urlsplit(url)
    userinfo, _at, named_host = parts.netloc.rpartition("@")
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{userinfo}@{literal}" if _at else literal
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    pinned = urlunsplit(parts._replace(netloc=netloc))
    with requests.Session() as session:
        session.mount(f"{parts.scheme}://", _NamedTLSAdapter(parts.hostname))
        return session.post(
            pinned, data=data, headers={**headers, "Host": named_host}, timeout=timeout, allow_redirects=False
        )
