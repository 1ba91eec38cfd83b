"""Finding a person by what the user typed: CRN, PNC number, prison number, or a name.

Names are matched forgivingly: misspellings by phonetic key (Soundex, on every database) and,
on PostgreSQL, by trigram similarity too (pg_trgm, GIN-indexed); transposed names ("Smith John")
by trying the words both ways round; aliases as well as the current name.
"""

import re
from dataclasses import dataclass

import jellyfish
from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Case, Exists, FloatField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Greatest

from openom.core.db import is_postgresql
from openom.people.models import CRN_PATTERN, PRISON_NUMBER_PATTERN, Alias, Person
from openom.people.pnc import normalise_pnc

NAME_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
# Trigram similarity above which a name counts as a match (pg_trgm's own default is 0.3).
TRIGRAM_MATCH_THRESHOLD = 0.3


def phonetic_key(name: str) -> str:
    words = NAME_WORD.findall(name)
    return jellyfish.soundex(words[0]) if words else ""


@dataclass(frozen=True)
class ParsedQuery:
    crn: str | None = None
    pnc_number: str | None = None
    prison_number: str | None = None
    names: tuple[str, ...] = ()


def parse_query(text: str) -> ParsedQuery:
    cleaned = text.strip()
    upper = cleaned.upper()
    if re.match(CRN_PATTERN, upper):
        return ParsedQuery(crn=upper)
    if re.match(PRISON_NUMBER_PATTERN, upper):
        return ParsedQuery(prison_number=upper)
    if re.match(r"^\d{2,4}/\d{1,7}[A-Z]$", upper):
        try:
            return ParsedQuery(pnc_number=normalise_pnc(upper))
        except ValueError:
            return ParsedQuery(pnc_number=upper)
    return ParsedQuery(names=tuple(NAME_WORD.findall(cleaned))[:3])


def _phonetic_match(first: str, last: str | None) -> Q:
    if last is None:
        key = phonetic_key(first)
        return Q(surname_key=key) | Q(forename_key=key)
    a, b = phonetic_key(first), phonetic_key(last)
    return Q(forename_key=a, surname_key=b) | Q(forename_key=b, surname_key=a)


def search_people(queryset: QuerySet[Person], text: str) -> QuerySet[Person]:
    """Narrow `queryset` (already scoped to what the user may see) to the people `text` names."""
    query = parse_query(text)
    if query.crn:
        return queryset.filter(crn=query.crn)
    if query.prison_number:
        return queryset.filter(prison_number=query.prison_number)
    if query.pnc_number:
        return queryset.filter(pnc_number=query.pnc_number)
    if not query.names:
        return queryset.none()

    first = query.names[0]
    last = query.names[-1] if len(query.names) > 1 else None
    alias_match = Exists(
        Alias.objects.filter(person=OuterRef("pk")).filter(_phonetic_match(first, last))
    )
    matches = _phonetic_match(first, last) | Q(alias_match)

    if is_postgresql():
        if last is None:
            matches |= Q(surname__trigram_similar=first) | Q(forename__trigram_similar=first)
            score = Greatest(
                TrigramSimilarity("surname", first), TrigramSimilarity("forename", first)
            )
        else:
            matches |= Q(surname__trigram_similar=last, forename__trigram_similar=first) | Q(
                surname__trigram_similar=first, forename__trigram_similar=last
            )
            score = Greatest(
                TrigramSimilarity("forename", first) + TrigramSimilarity("surname", last),
                TrigramSimilarity("forename", last) + TrigramSimilarity("surname", first),
            )
        return (
            queryset.filter(matches).annotate(score=score).order_by("-score", "surname", "forename")
        )

    # SQLite has no similarity measure: exact spellings first, then the phonetic matches.
    exact = Q(surname__iexact=last or first) | Q(forename__iexact=first)
    score = Case(When(exact, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
    return queryset.filter(matches).annotate(score=score).order_by("-score", "surname", "forename")
