"""View decorators: the only way a view gets a case, or a coordinator's pages."""

import functools
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from openom.access.constants import AccessChannel, CasePart
from openom.access.policy import ReasonRequired, case_open, iom_scheme_for, may_manage_mappa


def case_view(part: CasePart, *, edit: bool = False):
    """Open `part` of the case named by the URL's `crn` for the user, or answer 404.

    The view receives an OpenCase (the person and what the user may do). Opening a case outside
    the user's team first asks for a reason, then comes back here.
    """

    def decorator(view):
        @login_required
        @functools.wraps(view)
        def wrapper(request, crn: str, *args, **kwargs):
            try:
                case = case_open(
                    request.user, crn, part=part, channel=AccessChannel.PAGE, edit=edit
                )
            except ReasonRequired as needed:
                query = urlencode({"next": request.get_full_path()})
                return redirect(
                    f"{reverse('people:case-reason', args=[needed.person.crn])}?{query}"
                )
            return view(request, case, *args, **kwargs)

        return wrapper

    return decorator


def mappa_coordinator_view(view):
    """Pages only a MAPPA coordinator sees; anyone else is told the page does not exist."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_manage_mappa(request.user, request.user.agency_id):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapper


def iom_coordinator_view(view):
    """Pages only an IOM coordinator sees; the view receives the scheme they run."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        scheme = iom_scheme_for(request.user)
        if scheme is None:
            raise Http404("No such page")
        return view(request, scheme, *args, **kwargs)

    return wrapper
