from django.apps import AppConfig


class IomConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openom.iom"
    verbose_name = "IOM and PPO"
