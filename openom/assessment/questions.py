"""The need sections of OpenOM's assessment and their questions (our own wording, in the spirit
of OASys). Each answer scores 0-2 (DOMAIN.md §5.1); the section score is their sum. Some
answers are also predictor items (OGP, OVP) and are asked once, here."""

from dataclasses import dataclass

from openom.assessment.constants import AnswerScale


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    scale: AnswerScale


@dataclass(frozen=True)
class Section:
    key: str  # the tiering need key (DOMAIN.md §5.1)
    title: str
    questions: tuple[Question, ...]


Y, P, H = AnswerScale.YES_NO, AnswerScale.PROBLEMS, AnswerScale.HISTORY

SECTIONS: tuple[Section, ...] = (
    Section(
        "accommodation",
        "Accommodation",
        (
            Question("no_fixed_abode", "Has no fixed abode or lives in transient accommodation", Y),
            Question("suitability", "Problems with the suitability of the accommodation", P),
            Question("permanence", "Problems with the permanence of the accommodation", P),
            Question(
                "location",
                "The accommodation's location is a problem (e.g. near victims or associates)",
                P,
            ),
        ),
    ),
    Section(
        "ete",
        "Education, training and employment",
        (
            Question("unemployed", "Unemployed, or not in education or training", Y),
            Question("employment_history", "Problems in employment history", P),
            Question("work_skills", "Lacks work-related skills", P),
            Question("attitude_to_work", "Negative attitude to work or training", P),
            Question("literacy", "Difficulties with reading, writing or numbers", P),
        ),
    ),
    Section(
        "finance",
        "Finance",
        (
            Question("financial_situation", "Problems with the financial situation", P),
            Question("illegal_income", "Relies on illegal earnings", P),
            Question("managing_money", "Problems managing money", P),
        ),
    ),
    Section(
        "relationships",
        "Relationships",
        (
            Question("family_relationships", "Problems in close family relationships", P),
            Question("childhood", "A difficult childhood", P),
            Question(
                "partner_relationship", "Problems in the current relationship with a partner", P
            ),
            Question("domestic_abuse_perpetrator", "Has perpetrated domestic abuse", Y),
        ),
    ),
    Section(
        "lifestyle",
        "Lifestyle and associates",
        (
            Question("community_integration", "Not integrated into the community", P),
            Question("regular_activities_offending", "Regular activities encourage offending", P),
            Question("criminal_associates", "Easily influenced by criminal associates", P),
            Question("reckless", "Reckless or risk-taking behaviour", P),
        ),
    ),
    Section(
        "drugs",
        "Drug misuse",
        (
            Question("drug_use", "Has used illegal drugs", H),
            Question("current_drug_misuse", "Current drug misuse", P),
            Question("drug_level", "Level of drug use", P),
            Question("injecting", "Has injected drugs", H),
            Question("motivation_drugs", "Lacks motivation to tackle drug misuse", P),
        ),
    ),
    Section(
        "alcohol",
        "Alcohol misuse",
        (
            Question("current_alcohol_problem", "Current use of alcohol is a problem", P),
            Question("binge_drinking", "Binge drinking or excessive use", P),
            Question("past_alcohol", "Level of alcohol use in the past", P),
            Question("alcohol_violence", "Violent behaviour related to alcohol", P),
            Question("motivation_alcohol", "Lacks motivation to tackle alcohol misuse", P),
        ),
    ),
    Section(
        "emotional_wellbeing",
        "Emotional wellbeing",
        (
            Question("coping", "Difficulties coping", P),
            Question("psychological_problems", "Current psychological problems or depression", P),
            Question("psychiatric_treatment", "Receiving psychiatric treatment", H),
            Question("self_harm", "Self-harm or attempted suicide", H),
        ),
    ),
    Section(
        "thinking_and_behaviour",
        "Thinking and behaviour",
        (
            Question("interpersonal_skills", "Problems with interpersonal skills", P),
            Question("impulsivity", "Impulsivity", P),
            Question("aggressive_behaviour", "Aggressive or controlling behaviour", P),
            Question("temper_control", "Problems with temper control", P),
            Question("recognising_problems", "Does not recognise problems", P),
            Question("problem_solving", "Problems with problem-solving skills", P),
            Question("consequences", "Does not see the consequences of actions", P),
            Question("others_views", "Does not understand other people's views", P),
        ),
    ),
    Section(
        "attitudes",
        "Attitudes",
        (
            Question("pro_criminal_attitudes", "Pro-criminal attitudes", P),
            Question(
                "impact_on_others",
                "Does not recognise the impact of their offending on victims and others",
                P,
            ),
            Question("attitude_to_staff", "Negative attitude towards staff", P),
            Question("attitude_to_supervision", "Negative attitude towards supervision", P),
            Question("attitude_to_community", "Negative attitude towards the community", P),
            Question("motivation_offending", "Lacks motivation to address offending", P),
        ),
    ),
)
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}
ANSWER_CHOICES = {
    AnswerScale.YES_NO: [(0, "No"), (2, "Yes")],
    AnswerScale.PROBLEMS: [(0, "No problems"), (1, "Some problems"), (2, "Significant problems")],
    AnswerScale.HISTORY: [(0, "Never"), (1, "Previously"), (2, "Currently")],
}
