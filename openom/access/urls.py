from django.urls import path

from openom.access import admin_views

app_name = "access"
urlpatterns = [
    path("roles/", admin_views.roles, name="roles"),
    path("roles/<int:pk>/grant/", admin_views.role_grant_page, name="role-grant"),
    path("roles/<int:pk>/revoke/", admin_views.role_revoke_page, name="role-revoke"),
    path("roles/requests/<int:pk>/", admin_views.role_request_decide, name="role-request"),
]
