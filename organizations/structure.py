"""Departments and positions: rename, merge, retire.

References are found through Django's relation metadata (users, positions, measure and issue
owners, OIT items, …) so this module needs no import of the apps that point here.
"""

from django.core.exceptions import ValidationError
from django.db import transaction


def _references(obj):
    """[(model, field name)] of every foreign key and many-to-many pointing at obj's model."""
    found = []
    for rel in obj._meta.get_fields(include_hidden=True):
        if rel.auto_created and not rel.concrete and rel.related_model is not None:
            if rel.related_model._meta.auto_created:
                continue  # the hidden through table of a many-to-many
            found.append((rel.related_model, rel.field.name))
    return found


def usage(obj):
    """[(what, count)] of the things that still use this department or position."""
    result = []
    for model, field in _references(obj):
        count = model._default_manager.filter(**{field: obj}).count()
        if count:
            result.append((str(model._meta.verbose_name_plural), count))
    return result


@transaction.atomic
def merge(source, into):
    """Move every reference from `source` to `into`, then retire `source`."""
    if source.pk == into.pk or source.organization_id != into.organization_id:
        raise ValidationError("เลือกรายการอื่นในหน่วยงานเดียวกัน")
    for model, field_name in _references(source):
        field = model._meta.get_field(field_name)
        for obj in model._default_manager.filter(**{field_name: source}):
            if field.many_to_many:
                getattr(obj, field_name).remove(source)
                getattr(obj, field_name).add(into)
            else:
                setattr(obj, field_name, into)
                obj.save(update_fields=[field_name])
    retire(source)


def retire(obj):
    in_use = usage(obj)
    if in_use:
        names = ", ".join(f"{what} {count} รายการ" for what, count in in_use)
        raise ValidationError(f"ยังมีการใช้งานอยู่ ({names}) รวมหรือส่งต่องานก่อนเลิกใช้")
    obj.is_retired = True
    obj.save(update_fields=["is_retired"])
