from django.contrib import admin

from openom.mappa.models import AreaPopulation


@admin.register(AreaPopulation)
class AreaPopulationAdmin(admin.ModelAdmin):
    """Reference data for the RSOs-per-100,000 figure; no case data is edited here."""

    list_display = ["police_force", "year_end", "population_aged_10_and_over", "source"]
