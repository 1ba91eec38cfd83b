from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "openom.demo"
    label = "demo"
    verbose_name = "Demo area"
