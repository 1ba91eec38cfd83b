from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "openom.home"
    label = "home"
    verbose_name = "Home pages"
