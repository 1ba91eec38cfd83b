from django.apps import AppConfig


class WorklistConfig(AppConfig):
    name = "openom.worklist"
    label = "worklist"
    verbose_name = "Worklist"
