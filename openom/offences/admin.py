from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from openom.offences.models import CatalogueLoad, Offence


@admin.register(Offence)
class OffenceAdmin(SimpleHistoryAdmin):
    list_display = [
        "code",
        "description",
        "category",
        "ogrs3_category",
        "schedule_15_violent",
        "schedule_15_sexual",
        "schedule_3_notifiable",
        "active",
    ]
    list_filter = [
        "category",
        "schedule_15_violent",
        "schedule_15_sexual",
        "schedule_3_notifiable",
        "active",
    ]
    search_fields = ["code", "description"]


@admin.register(CatalogueLoad)
class CatalogueLoadAdmin(admin.ModelAdmin):
    list_display = ["version", "loaded_at", "created", "updated", "retired"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
