"""The historical suite on MySQL (MariaDB).

The server is found through MYSQL_HOST, MYSQL_PORT, MYSQL_USER and
MYSQL_PASSWORD (as set by ``.ci/mysql run``; defaults: localhost, 3306, the
driver's default user). The default connection tests on test_django_legacy,
and the named test connections _a and _b on databases of their own
(test_django_legacy_a, test_django_legacy_b).
"""

import os

DATABASE_ENGINE = 'mysql'
DATABASE_NAME = 'django_legacy'
DATABASE_HOST = os.environ.get('MYSQL_HOST', '')
DATABASE_PORT = os.environ.get('MYSQL_PORT', '')
DATABASE_USER = os.environ.get('MYSQL_USER', '')
DATABASE_PASSWORD = os.environ.get('MYSQL_PASSWORD', '')

# The same named test connections as the bundled SQLite settings.
from settings_sqlite import TEST_DATABASE_MODELS, TEST_DATABASES  # noqa: E402,F401
