from django.apps import AppConfig


class OffencesConfig(AppConfig):
    name = "openom.offences"
    label = "offences"
    verbose_name = "Offence catalogue"
