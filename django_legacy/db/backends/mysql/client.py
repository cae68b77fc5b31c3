"""The mysql shell (rebuilds django/db/backends/mysql/client.py)."""

import os
import shutil

from django_legacy.core.exceptions import ImproperlyConfigured


def runshell(settings=None):
    "Replaces this process with the mysql client connected to the database."
    if settings is None:
        from django_legacy.conf import settings
    program = shutil.which('mysql')
    if program is None:
        raise ImproperlyConfigured("dbshell needs the 'mysql' program on PATH.")
    args = [program]
    if settings.DATABASE_USER:
        args.append('--user=%s' % settings.DATABASE_USER)
    if settings.DATABASE_PASSWORD:
        args.append('--password=%s' % settings.DATABASE_PASSWORD)
    if settings.DATABASE_HOST:
        args.append('--host=%s' % settings.DATABASE_HOST)
    if settings.DATABASE_PORT:
        args.append('--port=%s' % settings.DATABASE_PORT)
    args.append(settings.DATABASE_NAME)
    os.execvp(program, args)
