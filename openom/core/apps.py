from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openom.core"
    label = "core"
    verbose_name = "Core"
