from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmarks: `manage.py seed_load` and the bare view for the benchmark server."""

    name = "bench"
    verbose_name = "Benchmarks"
