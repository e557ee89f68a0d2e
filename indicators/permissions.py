"""Who may change the criteria library: the platform operator (staff), nobody else."""


def can_edit_criteria(user):
    return bool(user and user.is_authenticated and user.is_staff)
