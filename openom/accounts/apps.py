from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openom.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from openom.accounts.middleware import start_idle_clock

        user_logged_in.connect(start_idle_clock, dispatch_uid="openom-start-idle-clock")
