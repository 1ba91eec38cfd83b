from django.apps import AppConfig


class IomConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openom.iom"
    verbose_name = "IOM and PPO"

    def ready(self):
        from openom.iom.header import CONTRIBUTOR
        from openom.people.header import header_contributor_register

        header_contributor_register(CONTRIBUTOR)
