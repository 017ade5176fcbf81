"""Mounted only when BENCHMARK_ENDPOINTS is on (the benchmark server sets it)."""

from django.urls import path

from .views import bare

urlpatterns = [path("bare/", bare, name="bench_bare")]
