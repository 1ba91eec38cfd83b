from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from openom.accounts.models import RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "agency", "team", "grade"]
    list_filter = ["agency", "grade", "roles__role"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("Organisation", {"fields": ("agency", "team", "grade", "contracted_hours")}),
    )
    inlines = [RoleAssignmentInline]
