from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from openom.access.constants import AccessChannel
from openom.access.services import access_log_page, access_log_record_many, page_name
from openom.core.csv import csv_response
from openom.core.pagination import paginate, pagination_context
from openom.home.pages import home_page_for
from openom.home.roles import BY_SLUG, home_roles_of


def _log(request, people, page) -> None:
    """One access-log row for each case the page shows (once, however many times it appears)."""
    unique = {p.pk: p for p in people if p is not None}
    if unique:
        access_log_page(request, unique.values(), part=page.log_part)


def _render(request, home_role, roles):
    page = home_page_for(home_role, request.user, request.GET, timezone.now())
    context = {"home": page, "other_roles": [r for r in roles if r != home_role]}
    shown = []
    for panel in page.panels:
        shown += [row.person for row in panel.rows]
    if page.listing is not None:
        listed = paginate(request, page.listing.queryset)
        rows = [page.listing.row(item) for item in listed.object_list]
        shown += [row.person for row in rows]
        context.update(pagination_context(request, listed), rows=rows)
        query = request.GET.copy()
        query.pop("page", None)
        context["export_query"] = query.urlencode()
        context["filtered"] = any(
            request.GET.get(name) for name in ["q", *(f.name for f in page.filters)]
        )
    _log(request, shown, page)
    return render(request, "home/home.html", context)


@login_required
def home(request):
    """`/`: the user's main role's home page, with links to their other roles' pages."""
    roles = home_roles_of(request.user)
    if not roles:
        return render(request, "home/no_role.html")
    return _render(request, roles[0], roles)


def _role(request, slug: str):
    roles = home_roles_of(request.user)
    home_role = BY_SLUG.get(slug)
    if home_role is None or home_role not in roles:
        raise Http404("No such page")
    return home_role, roles


@login_required
def role_home(request, slug: str):
    home_role, roles = _role(request, slug)
    return _render(request, home_role, roles)


@login_required
def role_home_export(request, slug: str):
    """The whole filtered list as CSV (every cell neutralised), each case logged as exported."""
    home_role, _roles = _role(request, slug)
    page = home_page_for(home_role, request.user, request.GET, timezone.now())
    if page.listing is None:
        raise Http404("Nothing to download")
    rows = [page.listing.row(item) for item in page.listing.queryset.iterator(chunk_size=2000)]
    people = {r.person.pk: r.person for r in rows if r.person is not None}
    if people:
        access_log_record_many(
            user=request.user,
            people=people.values(),
            part=page.log_part,
            channel=AccessChannel.EXPORT,
            page=page_name(request),
        )
    return csv_response(
        page.listing.filename,
        page.listing.headers,
        ([cell.text for cell in row.cells] for row in rows),
    )
