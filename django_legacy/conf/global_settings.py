"""Default settings (rebuilds django/conf/global_settings.py, trimmed to what the package reads)."""

DEBUG = False

# The default connection. An empty engine selects the 'dummy' backend, whose
# every use raises ImproperlyConfigured.
DATABASE_ENGINE = ''
DATABASE_NAME = ''
DATABASE_USER = ''
DATABASE_PASSWORD = ''
DATABASE_HOST = ''
DATABASE_PORT = ''
DATABASE_OPTIONS = {}

# Named connections: {name: {'DATABASE_ENGINE': ..., 'MODELS': [...]}}.
# A key an entry leaves out takes the default connection's value.
OTHER_DATABASES = {}

INSTALLED_APPS = ()

# Test databases (see django_legacy.test.utils).
TEST_RUNNER = 'django_legacy.test.simple.run_tests'
TEST_DATABASE_NAME = None
TEST_DATABASES = []
TEST_DATABASE_MODELS = {}

# {'<app_label>.<model name in lower case>': function(obj) -> URL}: replaces
# that model's get_absolute_url().
ABSOLUTE_URL_OVERRIDES = {}

# Where FileField and ImageField write uploaded files (an absolute path), and
# the URL that serves that directory (with a trailing slash).
MEDIA_ROOT = ''
MEDIA_URL = ''
