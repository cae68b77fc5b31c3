"""Settings for trying the management actions by hand: the multiple_databases
app on three SQLite files in the current directory."""

DATABASE_ENGINE = 'sqlite3'
DATABASE_NAME = 'demo_default.db'
INSTALLED_APPS = ('modeltests.multiple_databases',)
OTHER_DATABASES = {
    '_a': {'DATABASE_NAME': 'demo_a.db',
           'MODELS': ['multiple_databases.Artist', 'multiple_databases.Opus']},
    '_b': {'DATABASE_NAME': 'demo_b.db',
           'MODELS': ['multiple_databases.Widget', 'multiple_databases.DooHickey']},
}
