from django.apps import AppConfig


class ReleaseConfig(AppConfig):
    name = "openom.release"
    label = "release"
    verbose_name = "Release dates"
