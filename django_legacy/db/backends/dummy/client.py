"""No shell without a database engine."""

from django_legacy.db.backends.dummy.base import complain

runshell = complain
