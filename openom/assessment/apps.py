from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "openom.assessment"
    label = "assessment"
    verbose_name = "Risk and needs assessment"
