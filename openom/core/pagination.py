"""Paginate querysets for GOV.UK pagination, without a COUNT(*) over a large table twice."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


@dataclass(frozen=True)
class PageLink:
    number: int | None
    href: str | None
    current: bool = False
    ellipsis: bool = False


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int | None = None) -> Page:
    paginator = Paginator(queryset, per_page or settings.OPENOM_PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return "?" + urlencode(sorted(params.items()))


def page_links(request: HttpRequest, page: Page) -> list[PageLink]:
    """Links for the GOV.UK pagination component: first, last, and two either side of current."""
    total = page.paginator.num_pages
    wanted = {1, total, *range(page.number - 2, page.number + 3)}
    links: list[PageLink] = []
    previous = 0
    for number in sorted(n for n in wanted if 1 <= n <= total):
        if number - previous > 1:
            links.append(PageLink(number=None, href=None, ellipsis=True))
        links.append(
            PageLink(number=number, href=page_url(request, number), current=number == page.number)
        )
        previous = number
    return links


def pagination_context(request: HttpRequest, page: Page) -> dict[str, object]:
    return {
        "page": page,
        "page_links": page_links(request, page),
        "previous_url": page_url(request, page.number - 1) if page.has_previous() else None,
        "next_url": page_url(request, page.number + 1) if page.has_next() else None,
    }
