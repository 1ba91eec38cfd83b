from django.apps import AppConfig


class TieringConfig(AppConfig):
    name = "openom.tiering"
    label = "tiering"
    verbose_name = "Tiering"

    def ready(self):
        from openom.people.header import header_contributor_register
        from openom.tiering.header import CONTRIBUTOR

        header_contributor_register(CONTRIBUTOR)
