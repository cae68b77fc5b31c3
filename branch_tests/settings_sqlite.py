"""The bundled settings of the historical suite: SQLite, two named test connections."""

DATABASE_ENGINE = 'sqlite3'
DATABASE_NAME = ':memory:'

TEST_DATABASES = ('_a', '_b')
TEST_DATABASE_MODELS = {
    '_a': ['multiple_databases.Artist', 'multiple_databases.Opus'],
    '_b': ['multiple_databases.Widget', 'multiple_databases.DooHickey'],
}
