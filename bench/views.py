"""A bare view: the framework's own limit through the same middleware stack.

Mounted only when BENCHMARK_ENDPOINTS is on (the benchmark server sets it).
"""

from django.http import HttpRequest, HttpResponse


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")
