from django.contrib import admin

from openom.organisations.models import Agency, ClosureDay, LocalDeliveryUnit, Office, Team


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


@admin.register(LocalDeliveryUnit)
class LocalDeliveryUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "agency"]
    list_filter = ["agency"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "agency", "delivery_unit"]
    list_filter = ["agency", "delivery_unit"]
    search_fields = ["name", "code"]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "delivery_unit", "postcode"]


@admin.register(ClosureDay)
class ClosureDayAdmin(admin.ModelAdmin):
    list_display = ["date", "agency", "description"]
    list_filter = ["agency"]
