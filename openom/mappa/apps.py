from django.apps import AppConfig


class MappaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openom.mappa"
    verbose_name = "MAPPA"
