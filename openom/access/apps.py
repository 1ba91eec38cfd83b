from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "openom.access"
    label = "access"
    verbose_name = "Access control and audit"
