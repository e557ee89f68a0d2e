#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ita_portal.settings")
    if os.environ["DJANGO_SETTINGS_MODULE"] == "ita_portal.settings":
        from ita_portal import localenv

        localenv.load(localenv.ensure())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
