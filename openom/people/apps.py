from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "openom.people"
    label = "people"
    verbose_name = "People on probation"
