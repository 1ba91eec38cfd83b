from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "openom.demo"
    label = "demo"
    verbose_name = "Demo area"

    def ready(self):
        from openom.demo import checks  # noqa: F401 - registers the production check
