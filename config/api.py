from ninja import NinjaAPI
from ninja.security import django_auth

from openom.people.api import router as people_router

api = NinjaAPI(
    title="OpenOM API",
    version="1",
    description="Case data for agencies' systems. Every read of a case is logged.",
    auth=django_auth,
    urls_namespace="api",
)
api.add_router("/", people_router)
