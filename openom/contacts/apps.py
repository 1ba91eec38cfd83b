from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "openom.contacts"
    label = "contacts"
    verbose_name = "Contacts and appointments"
