"""The psql shell (rebuilds django/db/backends/postgresql/client.py)."""

import os
import shutil

from django_legacy.core.exceptions import ImproperlyConfigured


def runshell(settings=None):
    "Replaces this process with psql connected to the settings' database."
    if settings is None:
        from django_legacy.conf import settings
    program = shutil.which('psql')
    if program is None:
        raise ImproperlyConfigured("dbshell needs the 'psql' program on PATH "
                                   '(Debian package postgresql-client).')
    args = [program]
    if settings.DATABASE_USER:
        args += ['-U', settings.DATABASE_USER]
    if settings.DATABASE_HOST:
        args += ['-h', settings.DATABASE_HOST]
    if settings.DATABASE_PORT:
        args += ['-p', str(settings.DATABASE_PORT)]
    args.append(settings.DATABASE_NAME)
    if settings.DATABASE_PASSWORD:
        os.environ['PGPASSWORD'] = settings.DATABASE_PASSWORD
    os.execvp(program, args)
