from django.apps import AppConfig


class AllocationConfig(AppConfig):
    name = "openom.allocation"
    label = "allocation"
    verbose_name = "Case allocation"

    def ready(self):
        from openom.allocation.header import CONTRIBUTOR
        from openom.people.header import header_contributor_register

        header_contributor_register(CONTRIBUTOR)
