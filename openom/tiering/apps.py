from django.apps import AppConfig


class TieringConfig(AppConfig):
    name = "openom.tiering"
    label = "tiering"
    verbose_name = "Tiering"
