"""The client address behind the configured proxies, and limits per client.

Behind nginx every request comes from the proxy's address, so REMOTE_ADDR alone
would make each per-client limit one global limit. The forwarded header is read
only when the request really comes from a configured proxy, and then only the
entry that proxy wrote (the Nth from the right with N proxies): anything a client
puts in front of it is ignored. allauth's limits use the same address
(``accounts.adapter.AccountAdapter.get_client_ip``).

Settings: ``TRUSTED_PROXY_COUNT`` (0: no proxy, the header is ignored),
``TRUSTED_PROXY_HEADER`` (default ``X-Forwarded-For``) and
``TRUSTED_PROXY_ADDRESSES`` (the addresses or networks the proxy connects from).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

IPV6_PREFIX = 64  # as allauth's ACCOUNT_RATE_LIMIT_IPV6_PREFIX default
UNKNOWN = "unknown"


def _address(value: str | None) -> str | None:
    """A normalised IP address, or None for anything that is not one."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _networks(addresses: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(a.strip(), strict=False) for a in addresses)


def _is_trusted_proxy(address: str | None) -> bool:
    if address is None:
        return False
    configured = tuple(getattr(settings, "TRUSTED_PROXY_ADDRESSES", ()) or ())
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in _networks(configured))


def client_address(request: HttpRequest) -> str:
    """The address of the client that sent ``request``, as far as it can be trusted.

    With no proxy configured, or when the request does not come from one, this is
    REMOTE_ADDR and the forwarded header is ignored. A header with fewer entries
    than proxies, or an entry that is not an address, falls back to REMOTE_ADDR:
    a shared limit rather than one a client can choose.
    """
    remote = _address(request.META.get("REMOTE_ADDR"))
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0 or not _is_trusted_proxy(remote):
        return remote or UNKNOWN
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "X-Forwarded-For")
    entries = [e for e in request.headers.get(header, "").split(",") if e.strip()]
    if len(entries) < count:
        return remote or UNKNOWN
    return _address(entries[-count]) or remote or UNKNOWN


def limit_key(request: HttpRequest) -> str:
    """The client's address as a counter key; IPv6 by its /64 network, as allauth."""
    address = client_address(request)
    if ":" in address:
        network = ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False)
        return str(network.network_address)
    return address


def within_limit(scope: str, request: HttpRequest, limit: int, window: int) -> bool:
    """Count one hit for this client in a fixed window; False once over ``limit``.

    The counters live in the default cache: in production that is Redis
    (``REDIS_URL``), shared by every worker and app server.
    """
    key = f"ratelimit:{scope}:{limit_key(request)}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
