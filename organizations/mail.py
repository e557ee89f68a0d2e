"""Thai e-mails: an HTML part and a plain-text part from two templates, sent over SMTP."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_thai_mail(to, subject, template, context):
    """Render `<template>.txt` and `<template>.html` and send both as one message."""
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, None, [to])
    message.attach_alternative(html, "text/html")
    message.send()
