from django.apps import AppConfig


class AllocationConfig(AppConfig):
    name = "openom.allocation"
    label = "allocation"
    verbose_name = "Case allocation"
