from django.db import migrations


def load(apps, schema_editor):
    from openom.offences.services import offence_catalogue_load

    offence_catalogue_load(
        offence_model=apps.get_model("offences", "Offence"),
        load_model=apps.get_model("offences", "CatalogueLoad"),
    )


class Migration(migrations.Migration):
    dependencies = [("offences", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
