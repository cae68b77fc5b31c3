"""Bad input: settings, values the database cannot hold, initial SQL files
and the command line. Each mistake is reported naming what is wrong and
the fix, before anything is written."""

import textwrap

import pytest

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import DatabaseError, backends, connections, model_connection_name
from django_legacy.db.backends.ansi.sql import SchemaBuilder
from tests import engines
from tests.helpers import installed, run
from tests.testapp.models import Author, Book, Counter

engine_db = engines.engine_db     # the fixture, for this module's tests


# -- settings ------------------------------------------------------------------

@pytest.mark.parametrize('models, named', [
    (None, 'None'), (42, '42'), (['testapp', 42], 'holds 42'), (['a.b.c'], "holds 'a.b.c'"),
    (['testapp.'], "holds 'testapp.'")])
def test_a_malformed_models_entry_names_the_entry(isolated_settings, models, named):
    isolated_settings.OTHER_DATABASES['_a']['MODELS'] = models
    with pytest.raises(ImproperlyConfigured) as raised:
        model_connection_name(Author)
    message = str(raised.value)
    assert "OTHER_DATABASES['_a']['MODELS']" in message and named in message
    assert "'app_label.ClassName'" in message


def test_unknown_database_options_name_the_entry_and_the_fix(engine_db, isolated_settings):
    isolated_settings.OTHER_DATABASES['rel']['DATABASE_OPTIONS'] = {'nosuchopt': 1}
    with pytest.raises(ImproperlyConfigured) as raised:
        Author.objects.count()
    message = str(raised.value)
    assert "OTHER_DATABASES['rel']['DATABASE_OPTIONS'] has the option 'nosuchopt'" in message
    assert 'Remove it' in message
    assert ('timeout' if engine_db == 'sqlite3' else 'connect_timeout') in message
    isolated_settings.OTHER_DATABASES['rel']['DATABASE_OPTIONS'] = 7
    connections.reset()
    with pytest.raises(ImproperlyConfigured, match="'DATABASE_OPTIONS'. must be a dict"):
        Author.objects.count()
    if engine_db == 'postgresql':
        # psycopg's own option alone, then with one of libpq's: both taken.
        for options in ({'prepare_threshold': None},
                        {'prepare_threshold': None, 'connect_timeout': 5}):
            isolated_settings.OTHER_DATABASES['rel']['DATABASE_OPTIONS'] = options
            connections.reset()
            with installed(Author):
                assert Author.objects.count() == 0


def make_app(tmp_path, monkeypatch, label, meta=''):
    """Writes an app package ``label`` with one model, Record (``meta`` the
    body of its Meta), and puts it on sys.path."""
    package = tmp_path / label
    package.mkdir()
    (package / '__init__.py').write_text('')
    (package / 'models.py').write_text(textwrap.dedent('''
        from django_legacy.db import models

        class Record(models.Model):
            title = models.CharField(maxlength=20)

            class Meta:
                pass
                %s
    ''') % meta)
    monkeypatch.syspath_prepend(str(tmp_path))


@pytest.fixture
def archive_project(isolated_settings, tmp_path, monkeypatch):
    """An installed app 'archive' (model Record) on connection 'archive',
    whose settings the tests spoil; '_a' and '_b' hold no models."""
    make_app(tmp_path, monkeypatch, 'archive')
    isolated_settings.INSTALLED_APPS = ('archive',)
    for entry in isolated_settings.OTHER_DATABASES.values():
        entry['MODELS'] = []
    isolated_settings.OTHER_DATABASES['archive'] = {
        'DATABASE_ENGINE': 'sqlite3', 'DATABASE_NAME': str(tmp_path / 'archive.db'),
        'MODELS': ['archive']}
    yield isolated_settings
    assert not (tmp_path / 'archive.db').exists()       # nothing was created


@pytest.mark.parametrize('spoil, reported', [
    (lambda s: s.OTHER_DATABASES['archive'].update(MODELS=['archiv']),
     "OTHER_DATABASES['archive']['MODELS'] names app 'archiv', which is not in "
     'INSTALLED_APPS (installed: archive)'),
    (lambda s: s.OTHER_DATABASES['archive'].update(MODELS=['archive.Recrod']),
     "OTHER_DATABASES['archive']['MODELS'] names model 'archive.Recrod', but app 'archive' "
     "has no model 'Recrod'"),
    (lambda s: s.OTHER_DATABASES['archive'].update(DATABASE_ENGINE='sqlite'),
     "OTHER_DATABASES['archive']['DATABASE_ENGINE']: 'sqlite' isn't an available database "
     'backend'),
    (lambda s: s.OTHER_DATABASES['archive'].update(DATABASE_OPTIONS={'timeuot': 5}),
     "has the option 'timeuot'"),
])
def test_validate_and_syncdb_report_settings_mistakes(archive_project, spoil, reported):
    status, out, err = run('validate')
    assert (status, out, err) == (0, '0 errors found.\n', '')
    spoil(archive_project)
    status, out, err = run('validate')
    assert status == 1 and out == '1 error found.\n'
    assert reported in err
    status, out, err = run('syncdb', '--noinput')
    assert status == 1 and out == ''
    assert err.startswith('django-legacy-admin: error: model validation failed: ')
    assert reported in err      # and nothing was created (the fixture checks)


def test_validate_reports_a_db_connection_naming_no_connection(isolated_settings, tmp_path,
                                                               monkeypatch):
    make_app(tmp_path, monkeypatch, 'lostconn', meta="db_connection = 'archives'")
    isolated_settings.INSTALLED_APPS = ('lostconn',)
    for entry in isolated_settings.OTHER_DATABASES.values():
        entry['MODELS'] = []
    status, out, err = run('validate')
    assert status == 1
    assert ("lostconn.Record: Meta.db_connection names connection 'archives', which "
            "OTHER_DATABASES does not define. Defined: '_a', '_b'.") in err
    status, out, err = run('syncdb', '--noinput')
    assert status == 1 and "names connection 'archives'" in err


# -- values the database cannot hold ---------------------------------------------

@pytest.mark.parametrize('value', [2 ** 63, -2 ** 63 - 1, 10 ** 30, float('inf'), float('-inf')])
def test_integers_beyond_64_bits_name_the_field(engine_db, value):
    with installed(Counter):
        with pytest.raises(ValueError, match=r'Counter\.serial: .* does not fit in a 64-bit '
                                             'integer column'):
            Counter(thread=1, serial=value).save()
        with pytest.raises(ValueError, match=r'Counter\.serial'):
            list(Counter.objects.filter(serial__gt=value))
        with pytest.raises(ValueError, match=r'Counter\.thread'):
            Counter.objects.all().update(thread=value)
        assert Counter.objects.filter(serial__gte=-2 ** 63).count() == 0
        if engine_db == 'sqlite3':
            Counter(thread=1, serial=2 ** 63 - 1).save()      # the largest that fits
            assert Counter.objects.get(thread=1).serial == 2 ** 63 - 1
        else:
            with pytest.raises(DatabaseError, match='out of range'):
                Counter(thread=1, serial=2 ** 40).save()      # an integer column: 32 bits


@pytest.mark.parametrize('value', [float('inf'), float('nan')])
def test_a_decimal_column_refuses_infinity_and_nan(engine_db, value):
    with installed(Author, Book):
        author = Author.objects.create(name='a')
        with pytest.raises(ValueError, match=r'Book\.price: .* cannot be stored in a decimal'):
            Book(title='t', author=author, price=value).save()
        assert Book.objects.count() == 0


@pytest.mark.parametrize('engine_db', ['sqlite3'], indirect=True)
def test_a_raw_statement_with_a_huge_integer_is_a_database_error(engine_db):
    with installed(Counter):
        cursor = Counter.objects.db.connection.cursor()
        with pytest.raises(DatabaseError):
            cursor.execute('INSERT INTO testapp_counter (thread, serial) VALUES (%s, %s)',
                           [1, 2 ** 64])
        assert Counter.objects.count() == 0


# -- initial SQL files -------------------------------------------------------------

def test_split_statements_skips_strings_and_comments():
    script = textwrap.dedent('''
        INSERT INTO t VALUES ('a;b', 'it''s');  -- Bob's row; the first
        /* a block; with 'quotes */ INSERT INTO "we""ird" VALUES (2);
        -- a whole line; it's a comment
        INSERT INTO t VALUES ('--not a comment', '/* nor this */')
    ''')
    assert backends.split_statements(script) == [
        "INSERT INTO t VALUES ('a;b', 'it''s');",
        'INSERT INTO "we""ird" VALUES (2);',
        "INSERT INTO t VALUES ('--not a comment', '/* nor this */');"]


def test_initial_sql_with_quotes_in_comments_loads(engine_db, tmp_path, monkeypatch):
    (tmp_path / 'author.sql').write_text(textwrap.dedent('''
        INSERT INTO testapp_author (name) VALUES ('O''Brien; Jr.'); -- Bob's row
        INSERT INTO testapp_author (name) VALUES ('two');
        /* it's */ INSERT INTO testapp_author (name) VALUES ('three');
    '''))
    monkeypatch.setattr(SchemaBuilder, 'get_initialdata_path', lambda self, model: str(tmp_path))
    try:
        Author.objects.install(initial_data=True)
        assert sorted(a.name for a in Author.objects.all()) == ["O'Brien; Jr.", 'three', 'two']
    finally:
        Author.objects.drop()


def test_a_failing_initial_sql_statement_names_the_file_and_statement(engine_db, tmp_path,
                                                                      monkeypatch):
    path = tmp_path / 'author.sql'
    path.write_text("INSERT INTO testapp_author (name) VALUES ('fine');\n"
                    "INSERT INTO testapp_author (nosuch) VALUES ('bad');\n")
    monkeypatch.setattr(SchemaBuilder, 'get_initialdata_path', lambda self, model: str(tmp_path))
    try:
        with pytest.raises(DatabaseError) as raised:
            Author.objects.install(initial_data=True)
        message = str(raised.value)
        assert message.startswith(str(path) + ': ')
        assert "INSERT INTO testapp_author (nosuch) VALUES ('bad');" in message
        assert '\n' not in message
    finally:
        connections.reset()
        if Author._meta.db_table in Author.objects.get_table_list():
            Author.objects.drop()


# -- the command line ----------------------------------------------------------------

def test_short_verbosity_option_as_well_as_the_long_one(isolated_settings):
    for argv in (['-v', '2', 'validate'], ['validate', '--verbosity', '2'],
                 ['validate', '--verb', '0']):
        status, out, err = run(*argv)
        assert (status, out) == (0, '0 errors found.\n'), (argv, err)


def test_no_arguments_print_the_usage_and_the_actions():
    status, out, err = run()
    assert status == 1 and out == ''
    assert err.startswith('usage: django-legacy-admin ')
    assert 'actions:\n' in err and '  syncdb ' in err and '  validate ' in err
