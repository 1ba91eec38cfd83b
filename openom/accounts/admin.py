"""The Django admin for staff accounts, without a back door (issue #11 finding 4).

- Roles are shown, never changed here: they are granted through `access.roles` (audited, never
  to oneself, compartment roles approved by a second administrator) on the Staff roles page.
- No password hash and no TOTP secret is ever shown: the password field and the two-factor
  device pages are gone (a lost authenticator is reset by removing the device in the app's
  own support process, not by reading its key).
- Superuser, staff and permission flags cannot be changed here.
- No case data model is registered in the admin at all.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from openom.accounts.models import RoleAssignment, RoleGrantRequest, User

# django-otp registers its devices' admin, which shows each device's secret key.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


class RoleAssignmentInline(admin.TabularInline):
    """Read-only: roles change only through the Staff roles page (access.roles)."""

    model = RoleAssignment
    extra = 0
    fields = ["role"]
    readonly_fields = ["role"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "agency", "team", "grade"]
    list_filter = ["agency", "grade", "roles__role"]
    fieldsets = (
        (None, {"fields": ("username",)}),
        ("Personal info", {"fields": ("first_name", "last_name", "email")}),
        ("Status", {"fields": ("is_active", "is_staff", "is_superuser", "last_login")}),
        ("Organisation", {"fields": ("agency", "team", "grade", "contracted_hours")}),
    )
    readonly_fields = ["is_staff", "is_superuser", "last_login"]
    inlines = [RoleAssignmentInline]


@admin.register(RoleGrantRequest)
class RoleGrantRequestAdmin(admin.ModelAdmin):
    """The record of role requests, read-only (decided on the Staff roles page)."""

    list_display = ["user", "role", "requested_by", "requested_at", "status", "decided_by"]
    list_filter = ["status", "role"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
