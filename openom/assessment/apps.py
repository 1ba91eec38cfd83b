from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "openom.assessment"
    label = "assessment"
    verbose_name = "Risk and needs assessment"

    def ready(self):
        from openom.assessment.header import CONTRIBUTOR
        from openom.people.header import header_contributor_register

        header_contributor_register(CONTRIBUTOR)
