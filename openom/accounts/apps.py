from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openom.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"
