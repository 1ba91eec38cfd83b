from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "openom.access"
    label = "access"
    verbose_name = "Access control and audit"

    def ready(self):
        from openom.access.header import CONTRIBUTOR
        from openom.people.header import header_contributor_register

        header_contributor_register(CONTRIBUTOR)
