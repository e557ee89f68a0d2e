"""What every uploaded file must satisfy, whichever pipeline reads it: its size, and the one
error an unreadable file raises (its message is shown to the user as it is, in Thai)."""

from django.core.exceptions import ValidationError

MAX_BYTES = 5 * 1024 * 1024
TOO_LARGE = "ไฟล์ใหญ่เกิน ๕ เมกะไบต์"


class UnreadableDocument(ValueError):
    pass


def check_size(data):
    if len(data) > MAX_BYTES:
        raise ValidationError(TOO_LARGE)
