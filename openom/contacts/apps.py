from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "openom.contacts"
    label = "contacts"
    verbose_name = "Contacts and appointments"

    def ready(self):
        from openom.contacts.header import CONTRIBUTOR
        from openom.people.header import header_contributor_register

        header_contributor_register(CONTRIBUTOR)
