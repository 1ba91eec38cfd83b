from django.apps import AppConfig


class MappaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openom.mappa"
    verbose_name = "MAPPA"

    def ready(self):
        from openom.mappa.header import CONTRIBUTOR
        from openom.people.header import header_contributor_register

        header_contributor_register(CONTRIBUTOR)
