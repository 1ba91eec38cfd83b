"""Response headers every page of the application gets."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class NoStoreMiddleware:
    """Nothing the application answers may be kept by a browser or a shared cache.

    Every dynamic response (pages, the API, CSV and PDF downloads, error pages) may carry case
    data, so each is marked `Cache-Control: no-store` (RFC 9111 s5.2.2.5). Static files are
    answered by WhiteNoise before this middleware runs and keep their long cache lifetimes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True, max_age=0)
        return response
