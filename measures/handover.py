"""Hand-over of measures and issues named on a person (see organizations.handover)."""

from measures.models import ImprovementIssue, Measure, MeasureStep
from measures.services import step_owner_rename


def _owned(model, person):
    return model.objects.filter(organization_id=person.organization_id, owner_users=person)


def counter(model):
    return lambda person: _owned(model, person).count()


def mover(model):
    def move(person, to_user, to_position, by=None):
        objects = list(_owned(model, person))
        for obj in objects:  # one by one, so the audit trail records each m2m change
            obj.owner_users.remove(person)
            if to_user is not None:
                obj.owner_users.add(to_user)
            else:
                obj.owner_positions.add(to_position)
        return len(objects)
    return move


def _named_steps(person):
    """Open steps whose written owner (ผู้รับผิดชอบขั้นตอน, text from the document) names the
    person by full name."""
    name = person.get_full_name().strip()
    if not name:
        return MeasureStep.objects.none()
    return MeasureStep.objects.filter(measure__organization_id=person.organization_id,
                                      done_at__isnull=True, owner_text__contains=name)


def _move_steps(person, to_user, to_position, by=None):
    new_name = (to_user.get_full_name() or to_user.username) if to_user else to_position.name_th
    steps = list(_named_steps(person).select_related("measure"))
    for step in steps:
        step_owner_rename(step=step, old=person.get_full_name().strip(), new=new_name, by=by)
    return len(steps)


def register():
    from organizations import handover

    handover.register("มาตรการ", counter(Measure), mover(Measure))
    handover.register("ประเด็นที่ต้องปรับปรุง", counter(ImprovementIssue), mover(ImprovementIssue))
    handover.register("ขั้นตอนที่ระบุชื่อเป็นผู้รับผิดชอบ",
                      lambda person: _named_steps(person).count(), _move_steps)
