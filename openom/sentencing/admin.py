from django.contrib import admin

from openom.sentencing.models import Court


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
