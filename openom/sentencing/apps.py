from django.apps import AppConfig


class SentencingConfig(AppConfig):
    name = "openom.sentencing"
    label = "sentencing"
    verbose_name = "Events and sentences"
