from django.apps import AppConfig


class VictimsConfig(AppConfig):
    name = "openom.victims"
    label = "victims"
    verbose_name = "Victim contact"
