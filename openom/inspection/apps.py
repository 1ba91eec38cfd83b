from django.apps import AppConfig


class InspectionConfig(AppConfig):
    name = "openom.inspection"
    label = "inspection"
    verbose_name = "Inspection"
