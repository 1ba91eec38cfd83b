from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "openom.organisations"
    label = "organisations"
    verbose_name = "Agencies, delivery units and teams"
