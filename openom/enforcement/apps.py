from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "openom.enforcement"
    label = "enforcement"
    verbose_name = "Enforcement: warnings, breach and recall"
