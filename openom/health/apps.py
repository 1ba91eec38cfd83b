from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "openom.health"
    label = "health"
    verbose_name = "Health information"
