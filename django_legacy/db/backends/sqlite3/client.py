"""The sqlite3 command-line shell (rebuilds django/db/backends/sqlite3/client.py)."""

import os
import shutil

from django_legacy.core.exceptions import ImproperlyConfigured


def runshell(settings=None):
    "Replaces this process with ``sqlite3 <DATABASE_NAME>``."
    if settings is None:
        from django_legacy.conf import settings
    program = shutil.which('sqlite3')
    if program is None:
        raise ImproperlyConfigured(
            "dbshell needs the 'sqlite3' program on PATH (Debian package sqlite3).")
    os.execvp(program, [program, settings.DATABASE_NAME])
