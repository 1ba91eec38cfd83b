from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "openom.intelligence"
    label = "intelligence"
    verbose_name = "Police intelligence"
