from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "openom.planning"
    label = "planning"
    verbose_name = "Sentence plans"
