"""The historical suite on PostgreSQL.

The server is found through the usual libpq environment variables: PGHOST,
PGPORT, PGUSER and PGPASSWORD (defaults: the local socket, 5432, the
current user). The default connection tests on test_django_legacy, and the
named test connections _a and _b on databases of their own
(test_django_legacy_a, test_django_legacy_b).
"""

import os

DATABASE_ENGINE = 'postgresql'
DATABASE_NAME = 'django_legacy'
DATABASE_HOST = os.environ.get('PGHOST', '')
DATABASE_PORT = os.environ.get('PGPORT', '')
DATABASE_USER = os.environ.get('PGUSER', '')
DATABASE_PASSWORD = os.environ.get('PGPASSWORD', '')

# The same named test connections as the bundled SQLite settings.
from settings_sqlite import TEST_DATABASE_MODELS, TEST_DATABASES  # noqa: E402,F401
