from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "openom.notifications"
    label = "notifications"
    verbose_name = "Notifications"
