from openom.offences.constants import OffenceCategory
from openom.offences.models import CatalogueLoad, Offence
from openom.offences.services import catalogue_version, offence_catalogue_load, read_catalogue


def test_the_catalogue_is_loaded_by_migration_with_its_version(db):
    rows = read_catalogue()
    assert Offence.objects.count() == len(rows)
    assert set(Offence.objects.values_list("catalogue_version", flat=True)) == {catalogue_version()}
    assert CatalogueLoad.objects.filter(version=catalogue_version()).exists()


def test_every_category_has_offences(db):
    assert set(Offence.objects.values_list("category", flat=True)) == set(OffenceCategory.values)


def test_loading_again_changes_nothing(db):
    result = offence_catalogue_load()
    assert (result.created, result.updated, result.retired) == (0, 0, 0)


def test_an_admin_edit_is_restored_from_the_file_and_a_removed_offence_is_retired_not_deleted(db):
    edited = Offence.objects.order_by("code").first()
    original = edited.description
    edited.description = "Changed by hand"
    edited.save()
    Offence.objects.create(
        code="00000",
        description="Withdrawn offence",
        category="other",
        ogrs3_category="other",
        catalogue_version="old",
    )

    result = offence_catalogue_load()

    edited.refresh_from_db()
    assert edited.description == original
    assert result.retired == 1
    assert Offence.objects.get(code="00000").active is False


def test_load_offences_if_changed_skips_a_catalogue_already_loaded(db):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("load_offences", "--if-changed", stdout=out)
    assert out.getvalue() == ""
    CatalogueLoad.objects.all().delete()
    call_command("load_offences", "--if-changed", stdout=out)
    assert "Offence catalogue" in out.getvalue()
