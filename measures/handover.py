"""Hand-over of measures and issues named on a person (see organizations.handover)."""

from measures.models import ImprovementIssue, Measure


def _owned(model, person):
    return model.objects.filter(organization_id=person.organization_id, owner_users=person)


def counter(model):
    return lambda person: _owned(model, person).count()


def mover(model):
    def move(person, to_user, to_position):
        objects = list(_owned(model, person))
        for obj in objects:  # one by one, so the audit trail records each m2m change
            obj.owner_users.remove(person)
            if to_user is not None:
                obj.owner_users.add(to_user)
            else:
                obj.owner_positions.add(to_position)
        return len(objects)
    return move


def register():
    from organizations import handover

    handover.register("มาตรการ", counter(Measure), mover(Measure))
    handover.register("ประเด็นที่ต้องปรับปรุง", counter(ImprovementIssue), mover(ImprovementIssue))
